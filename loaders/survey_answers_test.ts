/** Helpers of the survey loaders: identity columns, redaction, waves, timestamps, XLSForm types. */
import assert from "node:assert/strict";
import {
  identityOf,
  isRespondentCodeColumn,
  normaliseRespondentCode,
  normaliseWave,
  parseTimestamp,
  redactAnswer,
  structureSlug,
} from "./survey_answers.ts";
import { parseReverse, splitType } from "./survey_form.ts";

Deno.test("identity questions are recognised by their name, « nom du quartier » is not one", () => {
  assert.deepEqual(identityOf("identite/q0_prenom"), { identity: true, name: true });
  assert.deepEqual(identityOf("Votre nom et prénom"), { identity: true, name: true });
  assert.deepEqual(identityOf("Adresse e-mail"), { identity: true, name: false });
  assert.deepEqual(identityOf("coordonnees/telephone"), { identity: true, name: false });
  assert.deepEqual(identityOf("Nom du quartier"), { identity: false, name: false });
  assert.deepEqual(identityOf("nombre_enfants"), { identity: false, name: false });
});

Deno.test("free text loses names, e-mails and phone numbers", () => {
  assert.equal(
    redactAnswer("Merci AWA ! awa@exemple.fr, +33 6 12 34 56 78 ou 0612345678, M. Dupont", ["Awa"]),
    "Merci [prénom] ! [courriel], [téléphone] ou [téléphone], [nom]",
  );
  assert.equal(redactAnswer("4 ateliers en 2024", []), "4 ateliers en 2024");
});

Deno.test("waves, structures, timestamps and XLSForm types", () => {
  assert.deepEqual(["Avant", "T0", "pré", "après", "T1", "Post", "T2", ""].map(normaliseWave), [
    "avant",
    "avant",
    "avant",
    "apres",
    "apres",
    "apres",
    "t2",
    null,
  ]);
  assert.equal(structureSlug(" Noël Guichard "), "noel-guichard");
  assert.equal(parseTimestamp("2024-03-12T10:15:32.123+01:00"), "2024-03-12 10:15:32");
  assert.equal(parseTimestamp("12/03/2024 10:15"), "2024-03-12 10:15:00");
  assert.equal(parseTimestamp("32/13/2024"), null);
  assert.deepEqual(splitType("select_one agree5"), { type: "select_one", list: "agree5" });
  assert.deepEqual(splitType("begin group"), { type: "begin_group", list: null });
  assert.deepEqual(["1", "oui", "", "peut-être"].map((c) => parseReverse(c || null)), [
    true,
    true,
    false,
    null,
  ]);
});

Deno.test("respondent code columns are recognised by name, codes compared without case or separators", () => {
  assert.deepEqual(
    [
      "code_repondant",
      "identite/code_participant",
      "Code participant",
      "Code répondant",
      "q1_voisins",
      "code",
    ]
      .map(isRespondentCodeColumn),
    [true, true, true, true, false, false],
  );
  assert.deepEqual(identityOf("code_repondant"), { identity: false, name: false });
  assert.equal(normaliseRespondentCode(" ab-12 "), "AB12");
  assert.equal(normaliseRespondentCode("Éa 7"), "EA7");
  assert.equal(normaliseRespondentCode(" - "), null);
});
