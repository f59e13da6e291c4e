/**
 * The catalogue of actions: sectors in every spelling, themes linked to SENACS and the socle
 * commun through data/reference/themes.csv, unknown values kept empty (never a rejection).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import {
  type ActivityRecord,
  loadThemeReference,
  resolveActivity,
  sectorOf,
  socleDimensionOf,
  themeReferenceFromCsv,
} from "./activities.ts";

const KEY = new Uint8Array(32).fill(4);
const FIXTURE = new URL("../tests/fixtures/activities/catalogue_actions.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n";

Deno.test("a catalogue with a title, blank lines, a totals row, a missing code and a repeated one", async () => {
  const dir = await Deno.makeTempDir({ prefix: "activities_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.copyFile(FIXTURE, join(inbox, "demo", "catalogue_actions.csv"));
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    const r = reports.find((x) => x.file === "demo/catalogue_actions.csv")!;
    assert.equal(r.kind, "activities");
    assert.equal(r.format, "catalogue-actions");
    assert.equal(r.status, "partial");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [13, 11, 1, 1]);
    assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.severity, i.message]), [
      [
        14,
        "Secteur",
        "avertissement",
        "secteur « Culture et loisirs » inconnu (attendu : enfance, jeunesse, familles, adultes, seniors, tous publics) : valeur laissée vide",
      ],
      [
        14,
        "Thème",
        "avertissement",
        "thème « Théâtre » absent de la table des thèmes du référentiel : thème SENACS et dimension du socle commun laissés vides (ajoutez-le à cette table, fichier themes.csv du référentiel, puis rechargez l'export)",
      ],
      [
        15,
        "Thème SENACS",
        "avertissement",
        "thème SENACS « Gouvernance associative » absent de la table des thèmes du référentiel : valeur laissée vide",
      ],
      [
        15,
        "Dimension socle commun",
        "avertissement",
        "dimension « Pouvoir d'agir » inconnue (attendu : cohésion sociale, épanouissement, gouvernance, environnement, richesses produites) : valeur laissée vide",
      ],
      [16, "Code", "erreur", "valeur obligatoire manquante"],
      [18, null, "avertissement", "ligne de total ignorée (les totaux sont recalculés)"],
      [
        17,
        null,
        "avertissement",
        "ligne en double dans le fichier (même contenu que la ligne 8) : comptée une seule fois",
      ],
    ]);
    const rows = await queryRows(
      wh.conn,
      `SELECT activity_id, sector, senacs_theme, socle_dimension, source_line FROM stg_activities
       ORDER BY source_line`,
    );
    assert.deepEqual(rows.map((x) => Object.values(x)), [
      ["ALSH35", "enfance", "Accueil de loisirs", "épanouissement", 4],
      ["CLAS", "enfance", "Accompagnement à la scolarité", "épanouissement", 5],
      ["JEUN", "jeunesse", "Jeunesse", "épanouissement", 6],
      ["CAFP", "familles", "Parentalité", "cohésion sociale", 7],
      ["COUT", "adultes", "Lien social et convivialité", "cohésion sociale", 8],
      ["GYM", "seniors", "Sport et santé", "épanouissement", 9],
      ["FETE", "tous publics", "Lien social et convivialité", "cohésion sociale", 10],
      ["MEDIA", "familles", "Numérique et inclusion numérique", "épanouissement", 11],
      ["JARD", "tous publics", "Environnement et développement durable", "environnement", 12],
      ["THEA", null, null, null, 14],
      ["CA", "tous publics", null, null, 15],
    ]);
    const [first] = await queryRows(
      wh.conn,
      "SELECT * EXCLUDE (load_id) FROM stg_activities ORDER BY source_line LIMIT 1",
    );
    assert.deepEqual(first, {
      structure_id: "demo",
      activity_id: "ALSH35",
      label: "Accueil de loisirs 3-5 ans",
      sector: "enfance",
      public: "3-5 ans",
      theme: "Accueil de loisirs",
      senacs_theme: "Accueil de loisirs",
      socle_dimension: "épanouissement",
      source_line: 4,
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

const record = (over: Partial<ActivityRecord>): ActivityRecord => ({
  activity_id: "X",
  label: "Action",
  sector: null,
  public: null,
  theme: null,
  senacs_theme: null,
  socle_dimension: null,
  ...over,
});

Deno.test("resolveActivity: what is taken from the file, what from the reference", () => {
  const ref = loadThemeReference();
  const thea = resolveActivity(record({ sector: "Culture et loisirs", theme: "Théâtre" }), ref);
  assert.deepEqual(thea, {
    sector: null,
    senacs_theme: null,
    socle_dimension: null,
    warnings: [
      {
        field: "sector",
        message:
          "secteur « Culture et loisirs » inconnu (attendu : enfance, jeunesse, familles, adultes, seniors, tous publics) : valeur laissée vide",
      },
      {
        field: "theme",
        message:
          "thème « Théâtre » absent de la table des thèmes du référentiel : thème SENACS et dimension du socle commun laissés vides (ajoutez-le à cette table, fichier themes.csv du référentiel, puis rechargez l'export)",
      },
    ],
  });
  const ca = resolveActivity(
    record({
      sector: "Tous publics",
      theme: "Vie associative",
      senacs_theme: "Gouvernance associative",
      socle_dimension: "Pouvoir d'agir",
    }),
    ref,
  );
  assert.deepEqual(ca.warnings.map((w) => [w.field, w.message]), [
    [
      "senacs_theme",
      "thème SENACS « Gouvernance associative » absent de la table des thèmes du référentiel : valeur laissée vide",
    ],
    [
      "socle_dimension",
      "dimension « Pouvoir d'agir » inconnue (attendu : cohésion sociale, épanouissement, gouvernance, environnement, richesses produites) : valeur laissée vide",
    ],
  ]);
  // A known theme whose columns are both given needs no reference line.
  const given = resolveActivity(
    record({ theme: "Théâtre", senacs_theme: "culture", socle_dimension: "EPANOUISSEMENT" }),
    ref,
  );
  assert.deepEqual(given, {
    sector: null,
    senacs_theme: "Culture",
    socle_dimension: "épanouissement",
    warnings: [],
  });
});

Deno.test("sector and dimension spellings", () => {
  const sectors: [string, string | null][] = [
    ["Enfance", "enfance"],
    ["Pôle Enfance", "enfance"],
    ["Petite enfance", "enfance"],
    ["JEUNES", "jeunesse"],
    ["Ados", "jeunesse"],
    ["Famille", "familles"],
    ["Secteur familles", "familles"],
    ["Adultes-familles", "familles"],
    ["adulte", "adultes"],
    ["Séniors", "seniors"],
    ["Aînés", "seniors"],
    ["Tout public", "tous publics"],
    ["Tous publics", "tous publics"],
    ["Intergénérationnel", "tous publics"],
    ["Culture", null],
  ];
  for (const [typed, sector] of sectors) assert.equal(sectorOf(typed), sector, typed);
  const dims: [string, string | null][] = [
    ["Cohésion sociale", "cohésion sociale"],
    ["1. cohesion sociale", "cohésion sociale"],
    ["Épanouissement des personnes", "épanouissement"],
    ["Gouvernance", "gouvernance"],
    ["Environnement", "environnement"],
    ["Richesse produite", "richesses produites"],
    ["Richesses produites sur le territoire", "richesses produites"],
    ["Lien social", null],
  ];
  for (const [typed, dim] of dims) assert.equal(socleDimensionOf(typed), dim, typed);
});

Deno.test("the officer's reference: any theme can be added; a bad dimension names its line", () => {
  const ref = themeReferenceFromCsv(
    "theme;senacs_theme;socle_dimension\nThéâtre;Culture;Épanouissement\n\n",
  );
  const r = resolveActivity(record({ theme: "theatre" }), ref);
  assert.deepEqual([r.senacs_theme, r.socle_dimension, r.warnings], ["Culture", "épanouissement", []]);
  assert.throws(
    () =>
      themeReferenceFromCsv(
        "theme;senacs_theme;socle_dimension\nThéâtre;Culture;Épanouissement\nCirque;Culture;Joie\n",
      ),
    /^Error: themes\.csv ligne 3 : « thème;thème SENACS;dimension » attendu/,
  );
  // Every line of the shipped reference is valid.
  assert.ok(loadThemeReference().byTheme.size >= 40);
});
