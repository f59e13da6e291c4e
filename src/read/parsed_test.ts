import assert from "node:assert/strict";
import { fail, ok, quote } from "./parsed.ts";

Deno.test("ok and fail build the two shapes", () => {
  assert.deepEqual(ok(3), { ok: true, value: 3 });
  assert.deepEqual(fail("valeur vide"), { ok: false, reason: "valeur vide" });
});

Deno.test("quote trims and wraps in French guillemets", () => {
  assert.equal(quote(" douze "), "« douze »");
  assert.equal(quote(new Date(Date.UTC(2024, 0, 1))), "« 2024-01-01T00:00:00.000Z »");
});
