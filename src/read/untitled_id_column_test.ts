import assert from "node:assert/strict";
import { nameUntitledIdColumn, UNTITLED_ID } from "./untitled_id_column.ts";

Deno.test("nameUntitledIdColumn: an untitled first column of whole numbers is named", () => {
  const named = nameUntitledIdColumn([
    { line: 1, cells: ["", "Nom", "Prénom"] },
    { line: 2, cells: ["1204", "BENALI", "Samira"] },
    { line: 3, cells: ["", "", ""] },
    { line: 4, cells: ["1205", "BENALI", "Yanis"] },
  ]);
  assert.deepEqual(named?.[0], { line: 1, cells: [UNTITLED_ID, "Nom", "Prénom"] });
  assert.deepEqual(named?.[1].cells, ["1204", "BENALI", "Samira"]);
});

Deno.test("nameUntitledIdColumn: nothing to name without ids, titles or an empty first title", () => {
  assert.equal(
    nameUntitledIdColumn([{ line: 1, cells: ["", "Nom", "Prénom"] }, { line: 2, cells: ["A12", "x", "y"] }]),
    null,
  );
  assert.equal(
    nameUntitledIdColumn([{ line: 1, cells: ["", "Nom"] }, { line: 2, cells: ["12", "x"] }]),
    null,
  );
  assert.equal(
    nameUntitledIdColumn([{ line: 1, cells: ["ID", "Nom", "Prénom"] }, { line: 2, cells: ["12", "x", "y"] }]),
    null,
  );
  assert.equal(nameUntitledIdColumn([{ line: 1, cells: ["", "Nom", "Prénom"] }]), null);
});
