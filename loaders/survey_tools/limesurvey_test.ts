/** LimeSurvey headers, « no answer » values and the anonymised date. */
import assert from "node:assert/strict";
import { isLimeHeader, isLimeNoAnswer, isUnknownLimeDate } from "./limesurvey.ts";

Deno.test("a LimeSurvey header: a specific id label, or « id » with LimeSurvey's columns", () => {
  assert.equal(isLimeHeader(["ID réponse", "Langue", "Fréquentez-vous le centre ?"]), true);
  assert.equal(isLimeHeader(["id", "submitdate", "Q1"]), true);
  assert.equal(isLimeHeader(["id", "Q1[SQ001]"]), true);
  assert.equal(isLimeHeader(["id", "Q1 - Fréquentez-vous le centre ?"]), true);
  assert.equal(isLimeHeader(["id", "couleur"]), false);
  assert.equal(isLimeHeader(["_id", "_uuid", "submitdate"]), false);
});

Deno.test("« N/A » is no answer, 1980-01-01 is an unknown date", () => {
  assert.deepEqual(["N/A", "n/a", "Sans réponse", "Non", ""].map(isLimeNoAnswer), [
    true,
    true,
    true,
    false,
    false,
  ]);
  assert.deepEqual(
    ["1980-01-01 00:00:00", "1980-01-01", "1980-01-02 00:00:00", null].map(isUnknownLimeDate),
    [true, true, false, false],
  );
});
