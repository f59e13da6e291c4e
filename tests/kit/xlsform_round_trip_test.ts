/**
 * Round trip of the kit's questionnaire: the generated XLSForm is ingested with the survey-form
 * loaders, answers in the shape of a KoboToolbox CSV export (groups in the headers, `_uuid`)
 * are ingested next, and the warehouse resolves each answer to its item, dimension and reverse
 * coding, pairs the two waves by respondent code, and reads the consent.
 */
import assert from "node:assert/strict";
import { xlsFormWorkbook } from "../../src/kit/generate.ts";
import { ITEM_BANK } from "../../src/kit/item_bank.ts";
import { buildXlsForm, formId } from "../../src/kit/xlsform.ts";
import { withInbox } from "../support/with_inbox.ts";

Deno.test("the kit's XLSForm and Kobo answers resolve to items, dimensions, reverse coding and pairs", async () => {
  const form = buildXlsForm({
    year: 2025,
    structureId: null,
    registry: [{ id: "demo", name: "Centre social Démo" }],
  });
  const items = ITEM_BANK.flatMap((d) =>
    d.items.map((i) => ({ ...i, group: d.group, dimension: d.dimension }))
  );
  const header = [
    "start",
    "end",
    "consentement",
    "vague",
    "code_repondant",
    "structure",
    ...items.map((i) => `${i.group}/${i.name}`),
    "commentaire",
    "_id",
    "_uuid",
    "_submission_time",
  ];
  // Two people, before and after; everyone answers 4 to every statement « before » and 5
  // « after »: a reverse-coded item then scores 2 and 1.
  const responses = [
    ["MA14", "avant", 4, "1"],
    ["LU03", "avant", 4, "2"],
    ["MA14", "apres", 5, "3"],
    ["LU03", "apres", 5, "4"],
  ].map(([code, wave, value, id]) =>
    [
      "2025-03-01T10:00:00",
      "2025-03-01T10:05:00",
      "oui",
      wave,
      code,
      "demo",
      ...items.map(() => value),
      "",
      id,
      `uuid-${id}`,
      "2025-03-01T10:06:00",
    ].join(";")
  );
  const csv = [header.join(";"), ...responses].join("\n") + "\n";
  await withInbox("kit_xlsform_", async ({ ingest, query }) => {
    const formReports = await ingest("questionnaire-socle-commun.xlsx", await xlsFormWorkbook(form));
    assert.deepEqual(formReports.map((r) => [r.sheet, r.status]), [
      ["survey", "loaded"],
      ["choices", "loaded"],
      ["settings", "loaded"],
    ]);
    assert.deepEqual(formReports.flatMap((r) => r.issues), []);
    const [answers] = await ingest("reponses_kobo.csv", new TextEncoder().encode(csv));
    assert.equal(answers.format, "kobotoolbox");
    assert.equal(answers.rowsLoaded, 4);
    assert.deepEqual(answers.issues.filter((i) => i.severity === "erreur"), []);

    const resolved = await query(
      `SELECT name AS item_name, dimension, reverse_coded FROM survey_items WHERE form_id = $1 AND dimension IS NOT NULL
       ORDER BY item_name`,
      [formId(2025, null)],
    );
    assert.deepEqual(
      resolved.map((r) => [r.item_name, r.dimension, r.reverse_coded]),
      items.map((i) => [
        i.name,
        i.dimension.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ /g, "_"),
        i.reverse === true,
      ]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const scores = await query(
      `SELECT dimension, wave, avg(score) AS score, count(*) AS n FROM survey_dimension_scores
       WHERE form_id = $1 AND structure_id = 'demo' GROUP BY ALL ORDER BY dimension, wave`,
      [formId(2025, null)],
    );
    for (const dim of ITEM_BANK) {
      const code = dim.group;
      const reversed = dim.items.filter((i) => i.reverse).length;
      const mean = (value: number) =>
        (value * (dim.items.length - reversed) + (6 - value) * reversed) / dim.items.length;
      const get = (wave: string) => scores.find((s) => s.dimension === code && s.wave === wave)!;
      assert.ok(Math.abs(Number(get("avant").score) - mean(4)) < 1e-9, `${code} avant`);
      assert.ok(Math.abs(Number(get("apres").score) - mean(5)) < 1e-9, `${code} après`);
      assert.equal(Number(get("avant").n), 2);
    }
    const [{ pairs }] = await query(
      "SELECT count(DISTINCT respondent_ref) AS pairs FROM survey_dimension_pairs WHERE form_id = $1",
      [formId(2025, null)],
    );
    assert.equal(Number(pairs), 2);
    const [{ consented }] = await query(
      "SELECT count(*) FILTER (WHERE consent) AS consented FROM survey_response_consent",
    );
    assert.equal(Number(consented), 4);
  });
});
