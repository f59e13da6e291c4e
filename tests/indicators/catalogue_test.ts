/**
 * The indicator catalogue: the shipped one validates and covers every value-chain stage and socle
 * dimension; a bad stage, a missing SQL file and a duplicate id are reported with file, line and
 * column; a failing SQL file is reported with the indicator id.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readCatalogue } from "../../src/indicators/read_catalogue.ts";
import { checkIndicatorSql } from "../../src/indicators/check_sql.ts";
import { formatIssue } from "../../src/indicators/read_catalogue.ts";
import { DIMENSIONS, STAGES } from "../../src/indicators/vocabulary.ts";

const HEADER =
  "identifiant;libellé;définition;unité;étape;dimension;cible;question évaluative;ISO 26000 question centrale;" +
  "ISO 26000 domaine d'action;sens;règle de diffusion;sources requises;fichier SQL";
const GOOD_SQL = "SELECT sc.scope_level, sc.scope, v.year, count(*) AS value\n" +
  "FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL;\n";

async function catalogueIn(lines: string[], sqlFiles: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "indicateurs_" });
  await Deno.mkdir(join(dir, "sql"));
  await Deno.writeTextFile(join(dir, "catalogue.csv"), [HEADER, ...lines].join("\n") + "\n");
  for (const [name, text] of Object.entries(sqlFiles)) await Deno.writeTextFile(join(dir, "sql", name), text);
  return dir;
}

const line = (id: string, stage = "réalisations", file = `${id}.sql`) =>
  `${id};Libellé;Définition;personnes;${stage};cohésion sociale;habitants;efficacité;6.8;6.8.3;plus_est_mieux;` +
  `effectif_personnes;stg_attendance, stg_people;${file}`;

Deno.test("the shipped catalogue validates, compiles and covers the frameworks", async () => {
  const { indicators, issues } = await readCatalogue();
  assert.deepEqual(issues.map(formatIssue), []);
  assert.ok(indicators.length >= 40, `${indicators.length} indicateurs`);
  for (const stage of STAGES) assert.ok(indicators.some((i) => i.stage === stage), stage);
  for (const dim of DIMENSIONS) assert.ok(indicators.some((i) => i.dimension === dim), dim);
  for (const target of ["habitants", "territoire", "communauté d'action"]) {
    assert.ok(indicators.some((i) => i.target === target), target);
  }
  assert.deepEqual(await checkIndicatorSql(indicators), []);
});

Deno.test("a bad stage, a missing SQL file and a duplicate id are reported with line and column", async () => {
  const dir = await catalogueIn(
    [line("a_ok"), line("b_stage", "ressource"), line("c_missing"), line("a_ok")],
    { "a_ok.sql": GOOD_SQL, "b_stage.sql": GOOD_SQL },
  );
  const { indicators, issues } = await readCatalogue(dir);
  assert.deepEqual(indicators.map((i) => i.id), ["a_ok"]);
  assert.deepEqual(issues.map(formatIssue), [
    "data/indicators/catalogue.csv, ligne 3, colonne « étape » (E) — indicateur « b_stage » : valeur « ressource » " +
    "inconnue ; attendu : ressources, activités, réalisations, effets, impacts",
    "data/indicators/catalogue.csv, ligne 5, colonne « identifiant » (A) — indicateur « a_ok » : identifiant déjà " +
    "utilisé ligne 2",
    "data/indicators/catalogue.csv, ligne 4, colonne « fichier SQL » — indicateur « c_missing » : fichier " +
    "data/indicators/sql/c_missing.sql introuvable",
  ]);
  assert.equal(indicators[0].sql, GOOD_SQL.trim().replace(/;$/, ""));
});

Deno.test("other line problems: unknown source, ISO code, missing header, two statements", async () => {
  const dir = await catalogueIn(
    [
      line("d_src").replace("stg_attendance, stg_people", "stg_presences"),
      line("e_iso").replace(";6.8;6.8.3;", ";6.8;6.5.3;"),
      line("f_two"),
    ],
    { "d_src.sql": GOOD_SQL, "e_iso.sql": GOOD_SQL, "f_two.sql": "SELECT 1; DROP TABLE loads" },
  );
  const messages = (await readCatalogue(dir)).issues.map(formatIssue);
  assert.match(
    messages[0],
    /ligne 2, colonne « sources requises » \(M\) — indicateur « d_src » : table source « stg_presences » inconnue/,
  );
  assert.match(
    messages[1],
    /ligne 3, colonne « ISO 26000 domaine d'action » \(J\) — .*n'appartient pas à la question centrale 6\.8/,
  );
  assert.match(messages[2], /ligne 4, .*« f_two » : .*une seule requête SELECT attendue/);

  const noStage = await Deno.makeTempDir();
  await Deno.writeTextFile(join(noStage, "catalogue.csv"), HEADER.replace("étape;", "") + "\n");
  assert.deepEqual((await readCatalogue(noStage)).issues.map(formatIssue), [
    "data/indicators/catalogue.csv, ligne 1 : colonne « étape » absente de l'en-tête",
  ]);
});

Deno.test("an SQL file that does not compile is reported with the indicator id", async () => {
  const dir = await catalogueIn([line("g_bad"), line("h_cols")], {
    "g_bad.sql": "SELECT * FROM ind_nothing",
    "h_cols.sql": "SELECT 1 AS value",
  });
  const { indicators } = await readCatalogue(dir);
  const problems = await checkIndicatorSql(indicators);
  assert.equal(problems.length, 2);
  assert.match(
    problems[0],
    /^indicateur « g_bad » \(data\/indicators\/sql\/g_bad\.sql\) : la requête a échoué : .*ind_nothing/,
  );
  assert.match(problems[1], /^indicateur « h_cols » .*colonne\(s\) scope_level, scope, year absente\(s\)/);
});
