import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import { analysisPages, analysisTemplate, frontMatter, slugify } from "./analysis_page.ts";
import { disclosureRule, type MartCatalogue } from "./publish_marts.ts";

const CATALOGUE: MartCatalogue = {
  threshold: 5,
  rule: disclosureRule(5),
  tables: [],
};

Deno.test("slugify makes a page name from a French title", () => {
  assert.equal(slugify("Qui vient aux activités du samedi ?"), "qui-vient-aux-activites-du-samedi");
  assert.equal(slugify("Le bénévolat a-t-il changé depuis 2018 ?"), "le-benevolat-a-t-il-change-depuis-2018");
  assert.equal(slugify("L'âge des participants"), "l-age-des-participants");
});

Deno.test("the template is a draft unless published, and reads only the published marts", () => {
  const page = analysisTemplate("Mon analyse", CATALOGUE);
  assert.deepEqual(frontMatter(page), { title: "Mon analyse", draft: "true", toc: "false" });
  assert.equal(frontMatter(analysisTemplate("Mon analyse", CATALOGUE, { publish: true })).draft, undefined);
  assert.match(page, /DuckDBClient\.of\(MARTS\)/);
  assert.match(page, /```sql id=resultat/);
  assert.match(page, /standardChart\(/);
  assert.doesNotMatch(page, /stg_|person_key|FileAttachment\("[^"]*\.duckdb/);
});

Deno.test("analysisPages lists the published analyses, not the drafts nor the index", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "index.md"), "---\ntitle: Tables\n---\n");
    await Deno.writeTextFile(join(dir, "zeta.md"), '---\ntitle: "Zêta ?"\n---\n');
    await Deno.writeTextFile(join(dir, "alpha.md"), "---\ntitle: Alpha\ndraft: true\n---\n");
    await Deno.writeTextFile(join(dir, "beta.md"), "---\ntitle: Bêta\n---\n");
    assert.deepEqual(analysisPages(dir), [
      { name: "Bêta", path: "/analyses/beta" },
      { name: "Zêta ?", path: "/analyses/zeta" },
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task analyse creates a draft page, prints its address and never overwrites", async () => {
  const dir = await Deno.makeTempDir();
  const run = () =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "src/cli/analyse.ts", "Qui vient le mercredi ?", "--dossier", dir],
      cwd: PROJECT_ROOT,
      env: { DENO_NO_UPDATE_CHECK: "1" },
    }).output();
  try {
    const first = await run();
    const out = new TextDecoder().decode(first.stdout);
    assert.equal(first.code, 0, new TextDecoder().decode(first.stderr));
    assert.match(out, /http:\/\/127\.0\.0\.1:3000\/analyses\/qui-vient-le-mercredi/);
    const path = join(dir, "qui-vient-le-mercredi.md");
    const text = await Deno.readTextFile(path);
    assert.equal(frontMatter(text).draft, "true");
    await Deno.writeTextFile(path, text + "\nMes notes.\n");
    const second = await run();
    assert.equal(second.code, 1);
    assert.match(new TextDecoder().decode(second.stderr), /existe déjà/);
    assert.match(await Deno.readTextFile(path), /Mes notes\./);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
