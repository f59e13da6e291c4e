import assert from "node:assert/strict";
import { encodeText } from "../src/sample/csv.ts";
import { withInbox } from "../tests/support/with_inbox.ts";
import { issueOf, levelOf, loadIso26000Reference } from "./iso26000.ts";

const FIXTURE = new URL("../tests/fixtures/iso26000/autoevaluation_2024.csv", import.meta.url);
const reference = loadIso26000Reference();

Deno.test("the reference holds the 37 domains of action of the 7 core subjects", () => {
  assert.equal(reference.length, 37);
  const perSubject = new Map<string, number>();
  for (const i of reference) {
    perSubject.set(i.code.slice(0, 3), (perSubject.get(i.code.slice(0, 3)) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(perSubject), {
    "6.2": 1,
    "6.3": 8,
    "6.4": 5,
    "6.5": 4,
    "6.6": 5,
    "6.7": 7,
    "6.8": 7,
  });
});

Deno.test("issueOf reads a code, a code followed by its label, or the label in any case", () => {
  assert.equal(issueOf("6.3.7", reference)?.issue, "Discrimination et groupes vulnérables");
  assert.equal(issueOf(" 6.8.8 - La santé", reference)?.code, "6.8.8");
  assert.equal(issueOf("DIALOGUE SOCIAL", reference)?.code, "6.4.5");
  assert.equal(issueOf("6.3.77", reference), null);
  assert.equal(issueOf("Accès au numérique", reference), null);
});

Deno.test("levelOf: numbers or words, within the scale", () => {
  const words = { faible: 1, forte: 3 };
  assert.equal(levelOf("3 - maîtrisé", {}, 1, 4), 3);
  assert.equal(levelOf("Forte", words, 0, 3), 3);
  assert.equal(levelOf("2,0", words, 0, 3), 2);
  assert.equal(levelOf("5", words, 1, 4), null);
  assert.equal(levelOf("1,5", words, 1, 4), null);
  assert.equal(levelOf("très forte", words, 0, 3), null);
});

Deno.test("a self-assessment export: values, mistakes on their lines, inert text", async () => {
  await withInbox("iso26000_", async ({ ingest, query }) => {
    const [r] = await ingest("autoevaluation_2024.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "iso26000");
    // Lines 4 to 15 under the header (line 3), minus the blank line 13: 11 lines read.
    assert.deepEqual([r.status, r.rowsRead, r.rowsLoaded, r.rowsRejected], ["partial", 11, 7, 4]);
    const errors = r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column]);
    assert.deepEqual(errors, [[9, "Maturité"], [11, "Maturité"], [12, "Domaine d'action"], [
      15,
      "Pertinence",
    ]]);
    const warnings = r.issues.filter((i) => i.severity === "avertissement").map((i) => [i.line, i.column]);
    assert.deepEqual(warnings, [[14, "Question centrale"]]);
    const rows = await query(
      `SELECT issue_code, core_subject, relevance, maturity, evidence, source_line FROM stg_iso26000
       ORDER BY source_line`,
    );
    assert.deepEqual(rows.map((x) => [x.source_line, x.issue_code, x.relevance, x.maturity]), [
      [4, "6.2", 3, 3],
      [5, "6.3.7", 3, 2],
      [6, "6.3.8", 1, 1],
      [7, "6.4.5", 2, 3],
      [8, "6.5.3", 0, null],
      [10, "6.8.3", 3, 4],
      [14, "6.8.8", 2, 2],
    ]);
    // The domain decides the core subject; a formula-like comment stays text.
    assert.equal(rows[6].core_subject, "Communautés et développement local");
    assert.equal(rows[5].evidence, "=SOMME(A1:A3)");
  });
});

Deno.test("a new self-assessment of the same year replaces the earlier one whole", async () => {
  const csv = (year: number, lines: string[]) =>
    encodeText(
      ["Année;Domaine d'action;Pertinence;Maturité", ...lines.map((l) => `${year};${l}`)].join("\n"),
      "utf-8",
    );
  await withInbox("iso26000_snapshot_", async ({ ingest, query }) => {
    await ingest("iso_2023.csv", csv(2023, ["6.2;3;2", "6.8.3;3;2"]));
    const [first] = await ingest("iso_2024.csv", csv(2024, ["6.2;3;3", "6.8.3;3;3", "6.5.4;2;1"]));
    const [second] = await ingest("iso_2024_corrige.csv", csv(2024, ["6.2;3;4", "6.8.3;3;3"]));
    assert.deepEqual(second.superseded, [first.loadId]);
    const rows = await query(
      "SELECT assessment_year AS y, issue_code AS c, maturity AS m FROM stg_iso26000 ORDER BY y, c",
    );
    assert.deepEqual(rows, [
      { y: 2023, c: "6.2", m: 2 },
      { y: 2023, c: "6.8.3", m: 2 },
      { y: 2024, c: "6.2", m: 4 },
      { y: 2024, c: "6.8.3", m: 3 },
    ]);
  });
});
