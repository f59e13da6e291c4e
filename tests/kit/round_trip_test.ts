/**
 * Round trip of the kit's spreadsheet templates: each template, filled by a script with good
 * lines and the usual mistakes, is ingested into an in-memory warehouse; exactly the expected
 * lines load, and each mistake is reported on its line under the template's own column header.
 * The load is recorded as coming from the kit; the Instructions sheet (with its example line),
 * the lists and the marker are never loaded.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { kitTemplates, type Template } from "../../src/kit/templates.ts";
import { buildTemplateWorkbook } from "../../src/kit/workbook.ts";
import { referenceMissions, referenceThemes } from "../../src/kit/vocabulary.ts";
import { readImpactMap } from "../../src/sroi/read_impact_map.ts";
import { SroiInputError } from "../../src/sroi/issues.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { publishQuality, sourceComparison } from "../../src/site/publish_quality.ts";
import { openWarehouse } from "../../src/warehouse/connect.ts";
import { withInbox } from "../support/with_inbox.ts";
import { FILLED_CASES } from "./filled_examples.ts";

const VOCABULARIES = { structures: [], activities: referenceThemes(), missions: referenceMissions() };
const TEMPLATES = kitTemplates(VOCABULARIES, { year: 2025, structure: null });
const byId = (id: string): Template => TEMPLATES.find((t) => t.id === id)!;

Deno.test("every loader template, filled with mistakes, loads the expected lines and names the mistakes", async (t) => {
  await withInbox("kit_round_trip_", async ({ ingest, query }) => {
    for (const c of FILLED_CASES) {
      await t.step(c.template, async () => {
        const template = byId(c.template);
        const sheet = template.sheets[0];
        const bytes = await buildTemplateWorkbook(template, {
          structureId: "demo",
          filled: { [sheet.name]: c.rows },
        });
        const reports = await ingest(`${c.template}.xlsx`, bytes);
        // Only the data sheet is read: Instructions (with its example line), Listes and _modele are not.
        assert.deepEqual(reports.map((r) => r.sheet), [sheet.name]);
        const [report] = reports;
        assert.equal(report.kind, template.loader!.kind);
        assert.equal(report.rowsLoaded, c.loaded);
        assert.equal(report.rowsRejected, c.errors.length);
        const headers = new Set(sheet.columns.map((col) => col.header));
        const errors = report.issues.filter((i) => i.severity === "erreur");
        assert.deepEqual(errors.map((i) => [i.line, i.column]), c.errors);
        for (const issue of report.issues) {
          if (issue.column !== null) {
            assert.ok(headers.has(issue.column), `${issue.column} is a template header`);
          }
        }
        const warnings = report.issues.filter((i) => i.severity === "avertissement").map((
          i,
        ) => [i.line, i.column]);
        for (const w of c.warnings ?? []) assert.deepEqual(warnings.find((x) => x[0] === w[0]), w);
        const [load] = await query("SELECT source FROM loads WHERE load_id = $1", [report.loadId]);
        assert.equal(load.source, "kit");
      });
    }
    await t.step("a free export of the same kind is recorded as « export »", async () => {
      const csv = "Date;Nom;Prénom;Durée\n04/03/2025;Exemple;Camille;2\n";
      const [report] = await ingest("emargement_libre.csv", new TextEncoder().encode(csv));
      assert.equal(report.rowsLoaded, 1);
      const [load] = await query("SELECT source FROM loads WHERE load_id = $1", [report.loadId]);
      assert.equal(load.source, "export");
    });
  });
});

Deno.test("the ISO 26000 template comes with the 37 domains and loads them once assessed", async () => {
  const template = byId("autoevaluation-iso26000");
  const sheet = template.sheets[0];
  assert.equal(sheet.prefill?.length, 37);
  const rows = sheet.prefill!.map((line, i) => {
    const code = String(line.issue).split(" ")[0];
    if (code.startsWith("6.5")) return { relevance: "0 - non pertinent" };
    if (i === 3) return { relevance: "3 - forte" }; // maturity forgotten
    if (i === 4) return { relevance: "2 - moyenne", maturity: "5" }; // out of the scale
    return { relevance: "2 - moyenne", maturity: i % 2 ? "3 - maîtrisé" : 2 };
  });
  await withInbox("kit_iso_", async ({ ingest, query }) => {
    const bytes = await buildTemplateWorkbook(template, {
      structureId: "demo",
      filled: { [sheet.name]: rows },
    });
    const [report] = await ingest("iso26000.xlsx", bytes);
    assert.equal(report.rowsLoaded, 35);
    assert.deepEqual(report.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column]), [
      [5, "Maturité"],
      [6, "Maturité"],
    ]);
    assert.deepEqual(report.issues.filter((i) => i.severity === "avertissement"), []);
    const [{ n, years }] = await query(
      "SELECT count(*) AS n, count(DISTINCT assessment_year) AS years FROM stg_iso26000",
    );
    assert.deepEqual([Number(n), Number(years)], [35, 1]);
  });
});

Deno.test("the SROI impact map template reads back, and its mistakes are named by sheet, line and column", async () => {
  const template = byId("carte-impact-sroi");
  const dir = await Deno.makeTempDir({ prefix: "kit_sroi_" });
  try {
    const impacts = [
      { ...template.example },
      {
        stakeholder: "Bénévoles",
        outcome: "Confiance en soi",
        quantity: 12,
        durationYears: 1,
        start: "1",
        proxy: 200,
        proxySource: "Coût d'un stage (exemple)",
        deadweight: 0.1,
        displacement: 0,
        attribution: 0.2,
        dropOff: 0.5,
      },
    ];
    const investments = [{ stakeholder: "CAF", nature: "Subvention", amount: 12000 }, {
      stakeholder: "Bénévoles",
      nature: "Temps valorisé",
      amount: 3000,
    }];
    const good = join(dir, "carte.xlsx");
    await Deno.writeFile(
      good,
      await buildTemplateWorkbook(template, { filled: { impacts, investissements: investments } }),
    );
    const map = await readImpactMap(good);
    assert.equal(map.lines.length, 2);
    assert.equal(map.investments.reduce((s, i) => s + i.amount, 0), 15000);
    assert.deepEqual(map.parameters, { discountRate: 0.035, horizonYears: 5 });

    const bad = join(dir, "carte_erreurs.xlsx");
    const mistakes = [impacts[0], { ...impacts[1], quantity: "une douzaine", durationYears: null }];
    await Deno.writeFile(
      bad,
      await buildTemplateWorkbook(template, { filled: { impacts: mistakes, investissements: investments } }),
    );
    const error = await readImpactMap(bad).then(() => null, (e) => e);
    assert.ok(error instanceof SroiInputError);
    assert.deepEqual(error.issues.map((i) => [i.where, i.line, i.column]).sort(), [
      ["Feuille « impacts »", 3, "Durée (années)"],
      ["Feuille « impacts »", 3, "Quantité"],
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the quality page compares, per structure and kind, kit templates with free exports", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kit_quality_" });
  const wh = await openWarehouse(":memory:");
  try {
    const inbox = join(dir, "inbox");
    await Deno.mkdir(join(inbox, "demo"), { recursive: true });
    await Deno.writeTextFile(
      join(inbox, "structures.csv"),
      "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n",
    );
    const c = FILLED_CASES.find((x) => x.template === "benevolat")!;
    const template = byId("benevolat");
    await Deno.writeFile(
      join(inbox, "demo", "benevolat.xlsx"),
      await buildTemplateWorkbook(template, {
        structureId: "demo",
        filled: { [template.sheets[0].name]: c.rows },
      }),
    );
    await Deno.writeTextFile(
      join(inbox, "demo", "benevolat_2024.csv"),
      "Bénévole;Date;Heures\nCamille Exemple;05/02/2024;2\nLéo Essai;;3\nInès Modèle;12/02/2024;beaucoup\nYanis Test;19/02/2024;1\n",
    );
    await ingestPaths(wh.conn, { paths: [inbox], key: new Uint8Array(32).fill(5) });
    const rows = await sourceComparison(wh.conn);
    assert.deepEqual(rows, [{
      structure_id: "demo",
      kind: "volunteering",
      kit_rows: 6,
      kit_reject_rate: 3 / 6,
      export_rows: 4,
      export_reject_rate: 2 / 4,
    }]);
    const published = await publishQuality(wh.conn);
    assert.deepEqual(published.sources, rows);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
