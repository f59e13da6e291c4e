import assert from "node:assert/strict";
import { AnalysisSpec } from "./analysis_spec.ts";
import { additiveGroups, protectResult } from "./protect_result.ts";

const spec = (input: unknown) => AnalysisSpec.parse(input);

Deno.test("counts of 1 to 4 are masked, zero is not", () => {
  const out = protectResult(
    [{ annee: 2023, personnes: 0 }, { annee: 2024, personnes: 4 }, { annee: 2025, personnes: 7 }, {
      annee: 2026,
      personnes: 9,
    }],
    spec({ counts: ["personnes"] }),
  );
  // 4 is small; along the years (one total), the smallest other non-zero count (7) goes too.
  assert.deepEqual(out.rows.map((r) => r.personnes), [0, null, null, 9]);
  assert.deepEqual(out.masked.map((m) => [m.row, m.reason]), [[1, "petit"], [2, "secondaire"]]);
});

Deno.test("secondary suppression follows every column a reader can add along", () => {
  // Two structures × two years. Crest 2024 = 3 is small. Along the years, Crest 2023 (20) would
  // reveal it from Crest's total; along the structures, Ors 2024 (30) from 2024's total; then Ors
  // 2023 is the only hidden-free cell left in two groups that each have one hidden: hidden too.
  const rows = [
    { structure: "crest", annee: 2023, personnes: 20 },
    { structure: "crest", annee: 2024, personnes: 3 },
    { structure: "ors", annee: 2023, personnes: 50 },
    { structure: "ors", annee: 2024, personnes: 30 },
  ];
  const out = protectResult(rows, spec({ counts: ["personnes"] }));
  assert.deepEqual(out.rows.map((r) => r.personnes), [null, null, null, null]);
  // Declared additive along the years only (the structures' total is not exposed): only Crest's
  // other year goes, not the smaller Ors 2023 that a single all-rows group would pick.
  const other = rows.map((r) => r.structure === "ors" && r.annee === 2023 ? { ...r, personnes: 10 } : r);
  const onlyYears = protectResult(other, spec({ counts: ["personnes"], additive: ["annee"] }));
  assert.deepEqual(onlyYears.rows.map((r) => r.personnes), [null, null, 10, 30]);
});

Deno.test("additiveGroups pairs rows equal on every other column", () => {
  const rows = [{ s: "a", y: 1 }, { s: "a", y: 2 }, { s: "b", y: 1 }];
  assert.deepEqual(additiveGroups(rows, ["s", "y"], "y").map((g) => [...g]), [["0", "1"]]);
  assert.deepEqual(additiveGroups(rows, ["s", "y"], "s").map((g) => [...g]), [["0", "2"]]);
});

Deno.test("a share is published only when its part and its remainder are both large enough", () => {
  const out = protectResult(
    [
      { structure: "crest", revenus: 12, cohorte: 40 },
      { structure: "ors", revenus: 38, cohorte: 40 },
      { structure: "mosaique", revenus: 0, cohorte: 0 },
    ],
    spec({
      counts: ["revenus", "cohorte"],
      shares: { part: { part: "revenus", whole: "cohorte" } },
      additive: [],
    }),
  );
  assert.equal(out.rows[0].part, 0.3);
  // 38 of 40 leaves 2 who did not come back: the share would reveal them.
  assert.equal(out.rows[1].part, null);
  assert.equal(out.rows[1].revenus, 38);
  assert.equal(out.rows[2].part, null);
  assert.deepEqual(out.masked, [{ row: 1, column: "part", reason: "part" }]);
});
