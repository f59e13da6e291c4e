import assert from "node:assert/strict";
import { AnalysisSpec } from "./analysis_spec.ts";
import { AnalysisRefused, looksLikePseudonyms, refuseResult } from "./refuse_result.ts";

const spec = (input: unknown) => AnalysisSpec.parse(input);
const refusal = (rows: Record<string, unknown>[], s: unknown) => {
  try {
    refuseResult(rows, spec(s), "revenants.sql");
  } catch (error) {
    assert.ok(error instanceof AnalysisRefused);
    return error;
  }
  return null;
};

Deno.test("a column of pseudonyms is refused by its values, whatever its name", () => {
  const rows = [
    { qui: "ors:aB3dE5fG7hJ9kL1mN3pQ", n: 6 },
    { qui: "crest:Zx9Yw8Vu7Ts6Rq5Po4Nm", n: 8 },
  ];
  const error = refusal(rows, { counts: ["n"] })!;
  assert.equal(error.column, "qui");
  assert.match(error.message, /^revenants\.sql : la colonne « qui » contient des pseudonymes de personnes/);
  assert.ok(!looksLikePseudonyms(["Ateliers cuisine", "Accompagnement scolaire"]));
});

Deno.test("a column named like a pseudonym is refused even when empty of values", () => {
  assert.equal(
    refusal([{ person_key: null, n: 6 }, { person_key: null, n: 7 }], { counts: ["n"] })?.column,
    "person_key",
  );
});

Deno.test("personal values (e-mails) are refused with the column named", () => {
  const rows = [
    { contact: "lea.martin@example.fr", n: 6 },
    { contact: "k.benali@example.org", n: 9 },
  ];
  assert.match(refusal(rows, { counts: ["n"] })!.message, /« contact » contient des adresses e-mail/);
});

Deno.test("a result with no declared count column is refused", () => {
  assert.match(refusal([{ annee: 2024, n: 10 }], {})!.message, /aucune colonne de comptage/);
  assert.match(
    refusal([{ annee: 2024, n: 10 }], { counts: ["personnes"] })!.message,
    /« personnes » est déclarée mais absente/,
  );
  assert.match(
    refusal([{ annee: 2024, n: "dix" }], { counts: ["n"] })!.message,
    /contient « dix » à la ligne 1/,
  );
});

Deno.test("one row per person is refused", () => {
  const rows = [{ activite: "Cuisine", n: 1 }, { activite: "Couture", n: 1 }, { activite: "Jeux", n: 0 }];
  assert.match(refusal(rows, { counts: ["n"] })!.message, /une ligne par personne/);
});

Deno.test("a grouped result with counts passes the door", () => {
  assert.equal(refusal([{ annee: 2023, n: 12 }, { annee: 2024, n: 1 }], { counts: ["n"] }), null);
});
