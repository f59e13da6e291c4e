/**
 * No personal value of the tools' privacy fixtures reaches the built site (issue 13): survey
 * exports of Google Forms, KoboToolbox (CSV, and a workbook with a repeat group) and LimeSurvey
 * whose innocent questions hold names,
 * e-mails, phones, birth dates, addresses and GPS points; Paheko and HelloAsso member lists; two
 * FEC whose entry labels name members and employees. They are loaded into a fresh warehouse, the
 * site is built from it, and every file under dist/ and the page data (JSON, Arrow, HTML, JS) is
 * searched for each value.
 *
 * The build writes inside its project: it runs in a temporary copy (tests/support/project_copy.ts).
 */
import assert from "node:assert/strict";
import { extname, join, relative } from "node:path";
import { buildCopy, copyProject } from "../support/project_copy.ts";
import { MAIN_VALUES } from "../fixtures/privacy/personal_values.ts";
import { PERSONAL } from "../fixtures/memberships/personal_values.ts";
import { koboWorkbook, REPEAT_VALUES } from "../fixtures/privacy/kobo_workbook.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const FILES: [string, string][] = [
  ["privacy/google_forms_privacy.csv", "google_forms.csv"],
  ["privacy/kobo_privacy.csv", "kobo.csv"],
  ["privacy/limesurvey_privacy.csv", "limesurvey.csv"],
  ["memberships/paheko_membres_2024.csv", "paheko.csv"],
  ["memberships/helloasso_adhesions_2024.csv", "helloasso.csv"],
  ["finances/fec/123456789FEC20241231.txt", "123456789FEC20241231.txt"],
  ["finances/fec/987654321FEC20241231.txt", "987654321FEC20241231.txt"],
];
/** The people named in the FEC fixtures' entry and auxiliary-account labels. */
const FEC_NAMES = ["MARTIN", "Sandrine", "BENALI", "Karim", "Benali", "LEFEBVRE", "Lefebvre", "Marie-Hélène"];

/** Every file under `dir` but the DuckDB-wasm binaries and the vendored libraries. */
async function* siteFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory && entry.name !== "_npm") yield* siteFiles(path);
    else if (entry.isFile && extname(entry.name) !== ".wasm") yield path;
  }
}

Deno.test("no personal value of the survey, membership and accounting fixtures under dist/", async () => {
  const project = await copyProject();
  const workspace = await Deno.makeTempDir({ prefix: "privacy_dist_" });
  try {
    // « ors » is in the registry shipped with the project: no registry to write.
    const folder = join(workspace, "inbox", "ors");
    await Deno.mkdir(folder, { recursive: true });
    for (const [from, to] of FILES) await Deno.copyFile(new URL(from, FIXTURES), join(folder, to));
    // A Kobo workbook with a repeat group: its second sheet names the participants.
    await Deno.writeFile(join(folder, "kobo_export.xlsx"), await koboWorkbook());
    const { code, stdout, stderr } = await buildCopy(project, join(workspace, "inbox"), workspace);
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    // Every fixture was read and loaded: the search below looks at their data, not at nothing.
    for (const name of [...FILES.map(([, to]) => to), "kobo_export.xlsx (feuille « participants »)"]) {
      const line = stdout.split("\n").find((l) => l.startsWith(`ors/${name} — `));
      assert.match(line ?? "", /lignes chargées/, name);
    }

    const values = [...new Set([...MAIN_VALUES, ...REPEAT_VALUES, ...PERSONAL, ...FEC_NAMES])];
    const found: string[] = [];
    let searched = 0;
    let control = false;
    for (const root of [join(project, "dist"), join(project, "pages", "data", "generated")]) {
      for await (const file of siteFiles(root)) {
        const text = new TextDecoder().decode(await Deno.readFile(file));
        searched++;
        // The structure's name is published: the search finds what is there.
        control ||= text.includes("Maison de quartier des Ors");
        for (const value of values) {
          if (text.includes(value)) found.push(`${relative(project, file)} : ${value}`);
        }
      }
    }
    assert.ok(searched > 50, `${searched} fichiers seulement`);
    assert.ok(control, "le nom de la structure devrait être publié");
    assert.deepEqual(found, []);
  } finally {
    await Deno.remove(project, { recursive: true }).catch(() => {});
    await Deno.remove(workspace, { recursive: true }).catch(() => {});
  }
});
