import assert from "node:assert/strict";
import { parseInseeCode, readInseeValue } from "./insee_variables.ts";

Deno.test("the vintage is read from the code, whatever the year", () => {
  assert.deepEqual(parseInseeCode("P21_POP"), { variable: "P_POP", vintage: 2021, code: "P21_POP" });
  assert.deepEqual(parseInseeCode("P15_POP"), { variable: "P_POP", vintage: 2015, code: "P15_POP" });
  assert.deepEqual(parseInseeCode("C20_FAMMONO"), {
    variable: "C_FAMMONO",
    vintage: 2020,
    code: "C20_FAMMONO",
  });
  assert.deepEqual(parseInseeCode("MED21"), { variable: "MED", vintage: 2021, code: "MED21" });
  assert.deepEqual(parseInseeCode("TP6021"), { variable: "TP60", vintage: 2021, code: "TP6021" });
  assert.deepEqual(parseInseeCode("NBMENFISC20"), {
    variable: "NBMENFISC",
    vintage: 2020,
    code: "NBMENFISC20",
  });
  assert.deepEqual(parseInseeCode("SUPERF"), { variable: "SUPERF", vintage: null, code: "SUPERF" });
});

Deno.test("labels and keys are not variable codes", () => {
  for (const h of ["CODGEO", "LIBGEO", "Population en 2021", "REG", "DEP", "X12"]) {
    assert.equal(parseInseeCode(h), null, h);
  }
});

Deno.test("secret and unavailable cells are missing, never 0", () => {
  assert.deepEqual(readInseeValue("s"), { value: null, status: "secret" });
  assert.deepEqual(readInseeValue("nd"), { value: null, status: "absent" });
  assert.deepEqual(readInseeValue(""), { value: null, status: "absent" });
  assert.deepEqual(readInseeValue("0"), { value: 0, status: null });
  assert.deepEqual(readInseeValue("21 430"), { value: 21430, status: null });
  assert.deepEqual(readInseeValue("13,4"), { value: 13.4, status: null });
  assert.deepEqual(readInseeValue("1234.5"), { value: 1234.5, status: null });
});
