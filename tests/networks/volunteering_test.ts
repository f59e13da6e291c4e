/**
 * Volunteer time valued with the shipped reference files (data/reference/
 * taux_valorisation_benevolat.csv and grades_alisfa_benevolat.csv: coefficients 1,45 (high) and 1,1
 * (low, from 2020: the second figure of each line below, `value_low_eur`); grades
 * « Gouvernance » × 1,5, « Animation et accompagnement » × 1,15, « Accueil… » × 1), hand-computed:
 *
 * - ors, October 2024, Accueil, 4 h: 4 × 11,65 × 1,45 = 67,57 (SMIC before 1 Nov 2024); × 1,1: 51,26;
 * - ors, November 2024, Accueil, 4 h: 4 × 11,88 × 1,45 = 68,904 (after the change); 52,272;
 * - ors, November 2024, Conseil d'administration, 2 h: 2 × 11,88 × 1,5 × 1,45 = 51,678; 39,204;
 *   → ors 2024: 10 h, 188,152 → 188,15 € (low 142,736 → 142,74 €); the ledger's 870 says 150 € (871 « locaux » left out);
 * - ors, March 2025, Jardinage (no grade: SMIC), 3 h: 3 × 11,88 × 1,45 = 51,678 → 51,68 € (39,204 → 39,2 €);
 * - ors, December 2016, 5 h: before the first rate → value missing (NULL), never 0;
 * - ors, January 2026, Accueil, 1 h: 12,02 × 1,45 = 17,429 → 17,43 € (13,222 → 13,22 €);
 * - accorderie, May 2024, Animation d'activités, 2 h: 2 × 11,65 × 1,15 × 1,45 = 38,85275 (29,4745);
 *   → Coopération 2024 (ors + accorderie; tilleul is not a member): 12 h, 227,00475 → 227,00 € (172,2105 → 172,21 €),
 *   ledger 150 + (40 − 5) = 185 € over 2 ledgers.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildVolunteeringMarts } from "../../src/volunteering/build_marts.ts";
import { gradeOf, parseGrades, parseRates } from "../../src/volunteering/reference.ts";
import { REFERENCE_DIR } from "../../src/paths.ts";
import { insertFixture, rows, withWarehouse } from "./fixture_tables.ts";

const RATES_HEADER = "date de début;taux horaire brut SMIC (€);coefficient de charges patronales;source";
const RATES_HEADER_RANGE =
  "date de début;taux horaire brut SMIC (€);coefficient de charges haut;coefficient de charges bas;source";
const GRADES_HEADER =
  "catégorie;missions (mots-clés séparés par |);multiplicateur du SMIC;taux horaire brut (€);source";

Deno.test("the shipped rate table: SMIC 11,65 / 11,88 / 12,02 on their dates, every line sourced", async () => {
  const rates = parseRates(await Deno.readTextFile(join(REFERENCE_DIR, "taux_valorisation_benevolat.csv")));
  assert.deepEqual(rates.issues, []);
  const at = (start: string) => rates.entries.find((r) => r.start === start)?.smic;
  assert.deepEqual([at("2024-01-01"), at("2024-11-01"), at("2026-01-01")], [11.65, 11.88, 12.02]);
  assert.ok(rates.entries.every((r) => r.source.length > 0 && r.coefficient >= 1));
  // A range on every line: the low coefficient (general reduction at SMIC level) below the high one.
  assert.ok(rates.entries.every((r) => r.coefficientLow >= 1 && r.coefficientLow < r.coefficient));
  const of2026 = rates.entries.find((r) => r.start === "2026-01-01")!;
  assert.match(of2026.source, /décret n° 2025-1228 du 17 décembre 2025/);
  assert.deepEqual([of2026.coefficient, of2026.coefficientLow], [1.45, 1.1]);
  const grades = parseGrades(await Deno.readTextFile(join(REFERENCE_DIR, "grades_alisfa_benevolat.csv")));
  assert.deepEqual(grades.issues, []);
  assert.equal(gradeOf(grades.entries, "Conseil d'administration")?.multiplier, 1.5);
  assert.equal(gradeOf(grades.entries, "Accompagnement à la scolarité")?.multiplier, 1.15);
  assert.equal(gradeOf(grades.entries, "Événements")?.multiplier, 1);
  assert.equal(gradeOf(grades.entries, "Jardinage"), null);
});

Deno.test("rate and grade files: French messages with file, line and column", () => {
  const bad = parseRates(
    [RATES_HEADER, "01/01/2024;11,65;1,45;décret", "31/02/2024;onze;0,9;", "01/01/2024;11,65;1,45;doublon"]
      .join("\n"),
    "taux.csv",
  );
  assert.match(
    bad.issues[0],
    /^taux\.csv, ligne 3, colonne « date de début » \(A\) : date de début : .*31\/02\/2024/,
  );
  assert.deepEqual(bad.issues.slice(1), [
    "taux.csv, ligne 3, colonne « taux horaire brut SMIC (€) » (B) : taux horaire brut : « onze » n'est pas un nombre",
    "taux.csv, ligne 3, colonne « coefficient de charges haut » (C) : coefficient de charges « 0,9 » hors des valeurs plausibles (de 1 à 3)",
    "taux.csv, ligne 3, colonne « source » (D) : source manquante : citez le décret ou l'arrêté qui fixe ce taux",
    "taux.csv, ligne 4 : la date de début 2024-01-01 figure déjà ligne 2",
  ]);
  assert.deepEqual(parseRates("date;smic\n01/01/2024;11,65", "taux.csv").issues, [
    "taux.csv, ligne 1 : colonne « coefficient de charges haut » absente",
    "taux.csv, ligne 1 : colonne « source » absente",
  ]);
  // The low coefficient: optional (no column or an empty cell: no range), between 1 and the high one.
  const range = parseRates(
    [
      RATES_HEADER_RANGE,
      "01/01/2024;11,65;1,45;1,1;d",
      "01/11/2024;11,88;1,45;;d",
      "01/01/2026;12,02;1,45;1,6;d",
    ]
      .join("\n"),
    "taux.csv",
  );
  assert.deepEqual(range.entries.map((r) => [r.coefficient, r.coefficientLow]), [[1.45, 1.1], [1.45, 1.45]]);
  assert.deepEqual(range.issues, [
    "taux.csv, ligne 4, colonne « coefficient de charges bas » (D) : coefficient de charges bas « 1,6 » hors des valeurs plausibles (de 1 au coefficient haut, 1,45)",
  ]);
  assert.deepEqual(parseRates(`${RATES_HEADER}\n01/01/2024;11,65;1,45;d`).entries[0].coefficientLow, 1.45);
  const grades = parseGrades(
    [GRADES_HEADER, "Gouvernance;bureau;1,5;14;x", "Animation;;1,2;;x", "Accueil;accueil;;;x"].join("\n"),
    "grades.csv",
  );
  assert.deepEqual(grades.issues, [
    "grades.csv, ligne 2, colonne « multiplicateur du SMIC » (C) : indiquez soit un multiplicateur du SMIC, soit un taux horaire brut (l'un des deux, pas les deux)",
    "grades.csv, ligne 3, colonne « missions (mots-clés séparés par |) » (B) : au moins un mot-clé de mission est attendu (séparés par |)",
    "grades.csv, ligne 4, colonne « multiplicateur du SMIC » (C) : indiquez soit un multiplicateur du SMIC, soit un taux horaire brut (l'un des deux, pas les deux)",
  ]);
  // A grade may give a gross hourly rate instead of a multiplier.
  const hourly = parseGrades([GRADES_HEADER, "Coordination;coordination;;14,5;grille"].join("\n"));
  assert.deepEqual(hourly.entries.map((g) => [g.multiplier, g.hourlyRate]), [[null, 14.5]]);
});

Deno.test("mart_volunteering_value: hand-computed values per structure, year and for La Coopération", async () => {
  await withWarehouse(async (wh) => {
    await insertFixture(wh, "stg_structures", "structures.csv");
    await insertFixture(wh, "stg_volunteering", "volunteering.csv");
    await insertFixture(wh, "stg_accounting_entries", "accounting_entries.csv");
    const report = await buildVolunteeringMarts(wh.conn);
    assert.deepEqual(report, { issues: [], ungradedMissions: ["Jardinage"] });
    const mart = await rows(wh, "SELECT * FROM mart_volunteering_value ORDER BY structure_id, year");
    const get = (id: string, year: number) => mart.find((r) => r.structure_id === id && r.year === year)!;
    const pick = (r: Record<string, unknown>) => [
      r.hours,
      r.hours_valued,
      r.hours_unvalued,
      r.hours_graded,
      r.value_eur,
      r.value_low_eur,
      r.ledger_870_eur,
      r.ledger_structures,
    ];
    assert.deepEqual(pick(get("ors", 2024)), [10, 10, 0, 10, 188.15, 142.74, 150, 1]);
    assert.deepEqual(pick(get("ors", 2025)), [3, 3, 0, 0, 51.68, 39.2, null, 0]);
    assert.deepEqual(pick(get("ors", 2016)), [5, 0, 5, 5, null, null, null, 0]);
    assert.deepEqual(pick(get("ors", 2026)), [1, 1, 0, 1, 17.43, 13.22, null, 0]);
    assert.deepEqual(pick(get("accorderie", 2024)), [2, 2, 0, 2, 38.85, 29.47, 35, 1]);
    assert.deepEqual(pick(get("tilleul", 2024)), [1, 1, 0, 1, 17.23, 13.07, null, 0]);
    assert.deepEqual(pick(get("cooperation", 2024)), [12, 12, 0, 12, 227, 172.21, 185, 2]);
    assert.equal(mart.filter((r) => r.structure_id === "cooperation").length, 4);
    assert.equal(get("ors", 2016).rate_source, null);
    const sources = String(get("ors", 2024).rate_source);
    assert.ok(sources.includes("2023-1216") && sources.includes("2024-951"), sources);
  });
});

Deno.test("a rate file with an error is not applied: values missing, problems returned", async () => {
  const dir = await Deno.makeTempDir({ prefix: "benevolat_" });
  try {
    const ratesPath = join(dir, "taux.csv");
    await Deno.writeTextFile(
      ratesPath,
      `${RATES_HEADER}\n01/01/2017;9,76;1,45;décret\n01/01/2024;abc;1,45;décret\n`,
    );
    await withWarehouse(async (wh) => {
      await insertFixture(wh, "stg_structures", "structures.csv");
      await insertFixture(wh, "stg_volunteering", "volunteering.csv");
      const report = await buildVolunteeringMarts(wh.conn, {
        ratesPath,
        gradesPath: join(dir, "absent.csv"),
      });
      assert.deepEqual(report.issues, [
        "taux_valorisation_benevolat.csv, ligne 3, colonne « taux horaire brut SMIC (€) » (B) : taux horaire brut : « abc » n'est pas un nombre",
        `grades_alisfa_benevolat.csv : fichier introuvable (${join(dir, "absent.csv")})`,
      ]);
      const [{ n, valued }] = await rows(
        wh,
        "SELECT count(*) AS n, count(value_eur) AS valued FROM mart_volunteering_value",
      );
      assert.ok(Number(n) > 0);
      assert.equal(Number(valued), 0);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
