import assert from "node:assert/strict";
import { communeRows } from "./reference_tables.ts";

Deno.test("communes carry their population and the cluster flag", () => {
  const rows = communeRows(["26"]);
  assert.deepEqual(rows.find((c) => c.insee === "26281"), {
    insee: "26281",
    name: "Romans-sur-Isère",
    population: 33464,
    inCluster: true,
  });
  assert.equal(rows.find((c) => c.insee === "26198")?.inCluster, false); // Montélimar
  assert.equal(rows.filter((c) => c.inCluster).length, 54);
});
