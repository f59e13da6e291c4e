import assert from "node:assert/strict";
import { foldIndex, foldTerm } from "./search_index.ts";

Deno.test("foldTerm removes accents like Framework's query processing", () => {
  assert.equal(foldTerm("Équipe"), "equipe");
  assert.equal(foldTerm("coopération"), "cooperation");
  assert.equal(foldTerm("œuvre"), "œuvre");
});

Deno.test("foldIndex adds the folded term and merges postings", () => {
  const folded = foldIndex({
    documentCount: 2,
    index: [
      ["équipe", { "0": { "1": 1 } }],
      ["equipe", { "1": { "1": 2, "0": 1 } }],
      ["qualité", { "0": { "3": 1 } }],
    ],
  });
  const terms = new Map(folded.index);
  assert.deepEqual(terms.get("equipe"), { "0": { "1": 1 }, "1": { "1": 2, "0": 1 } });
  assert.deepEqual(terms.get("qualite"), { "0": { "3": 1 } });
  assert.deepEqual(terms.get("qualité"), { "0": { "3": 1 } });
  assert.equal(folded.documentCount, 2);
});

Deno.test("foldIndex is idempotent", () => {
  const once = foldIndex({ index: [["qualité", { "0": { "3": 1 } }]] });
  assert.deepEqual(foldIndex(once), once);
});
