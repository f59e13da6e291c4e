/**
 * The kit as generated: every workbook opens with both readers the project uses (read-excel-file
 * and SheetJS) with its header, frozen row, validations, protection and hidden sheets in the XML;
 * the XLSForm passes the conventions checker; a value added to a loader's schema reaches the
 * template with no other edit; the site's *Outils de recueil* pages match the templates.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { z } from "zod";
import XLSX from "xlsx";
import { staffLoader } from "../../loaders/staff.ts";
import { headcountsLoader } from "../../loaders/headcounts.ts";
import { allowedValues, templateColumns, zodEnumValues } from "../../src/kit/columns.ts";
import { writeKit } from "../../src/kit/generate.ts";
import { toolPages } from "../../src/kit/guides.ts";
import { kitMarkerOf, LISTS_SHEET, MARKER_SHEET } from "../../src/kit/marker.ts";
import { kitTemplates, type Template } from "../../src/kit/templates.ts";
import { referenceMissions, referenceThemes } from "../../src/kit/vocabulary.ts";
import { buildTemplateWorkbook } from "../../src/kit/workbook.ts";
import { buildXlsForm, checkXlsForm } from "../../src/kit/xlsform.ts";
import { readWorkbook } from "../../src/read/read_workbook.ts";
import { PAGES_DIR } from "../../src/paths.ts";

const VOCABULARIES = {
  structures: ["Centre social Démo"],
  activities: referenceThemes(),
  missions: referenceMissions(),
  registry: [{ id: "demo", name: "Centre social Démo" }],
};

/** The XML part `path` of an .xlsx (SheetJS keeps the raw parts with `bookFiles`). */
function part(bytes: Uint8Array, path: string): string {
  const wb = XLSX.read(bytes, { type: "array", bookFiles: true }) as unknown as {
    files: Record<string, { content: Uint8Array | string }>;
  };
  const file = wb.files[path];
  assert.ok(file, path);
  return typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
}

/** The values of a defined name of the workbook, read with SheetJS. */
function definedList(bytes: Uint8Array, name: string): string[] {
  const wb = XLSX.read(bytes, { type: "array" });
  const ref = wb.Workbook?.Names?.find((n) => n.Name === name)?.Ref;
  assert.ok(ref, name);
  const [sheet, range] = ref.split("!");
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet], { header: 1, range: range.replace(/\$/g, "") })
    .map((r) => String(r[0]));
}

Deno.test("the generated kit opens with both readers, with its checks in the XML", async (t) => {
  const out = await Deno.makeTempDir({ prefix: "kit_" });
  try {
    const files = await writeKit({ out, year: 2025, structureId: "demo", vocabularies: VOCABULARIES });
    assert.equal(files.filter((f) => f.startsWith("modeles/")).length, 8);
    const templates = kitTemplates(VOCABULARIES, { year: 2025, structure: "Centre social Démo" });
    for (const template of templates) {
      await t.step(template.id, async () => {
        const bytes = await Deno.readFile(join(out, "modeles", `${template.id}.xlsx`));
        const sheets = await readWorkbook(bytes);
        assert.equal(kitMarkerOf(sheets)?.template, template.id);
        assert.equal(kitMarkerOf(sheets)?.structure, "demo");
        const wb = XLSX.read(bytes, { type: "array" });
        assert.deepEqual(wb.SheetNames, sheets.map((s) => s.sheet));
        const hidden = wb.Workbook!.Sheets!.filter((s) => s.Hidden).map((s) => s.name);
        assert.deepEqual(hidden, [LISTS_SHEET, MARKER_SHEET]);
        template.sheets.forEach((sheet, index) => {
          const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet.name], { header: 1 });
          const read = sheets.find((s) => s.sheet === sheet.name)!;
          if (!sheet.keyValue) {
            assert.deepEqual(rows[0], sheet.columns.map((c) => c.header));
            assert.deepEqual(read.rows[0].cells, sheet.columns.map((c) => c.header));
          }
          const xml = part(bytes, `xl/worksheets/sheet${index + 1}.xml`);
          if (!sheet.keyValue) assert.match(xml, /<pane ySplit="1"[^>]*state="frozen"/);
          assert.match(xml, /<sheetProtection sheet="1"/);
          for (const [i, column] of sheet.columns.entries()) {
            if (column.check.kind === "none" || (sheet.lockedFields ?? []).includes(column.field)) continue;
            if (sheet.formulas?.[column.field]) continue;
            const letter = String.fromCharCode(65 + i);
            assert.match(
              xml,
              new RegExp(`<dataValidation type="${column.check.kind}"[^>]*sqref="${letter}\\d`),
            );
          }
        });
        assert.match(part(bytes, "xl/styles.xml"), /<protection locked="0"\/>/);
        assert.match(part(bytes, "xl/styles.xml"), /<protection locked="1"\/>/);
      });
    }
    await t.step("lists hold the loader's values", async () => {
      const bytes = await Deno.readFile(join(out, "modeles", "salaries.xlsx"));
      assert.deepEqual(definedList(bytes, "liste_Salaries_contract"), [
        "CDI",
        "CDD",
        "contrat aidé",
        "apprentissage",
        "contrat de professionnalisation",
        "CEE",
        "mise à disposition",
      ]);
      const testimonies = await Deno.readFile(join(out, "modeles", "temoignages.xlsx"));
      assert.deepEqual(definedList(testimonies, "liste_Temoignages_consent"), ["oui", "non"]);
      const xml = part(testimonies, "xl/worksheets/sheet1.xml");
      // Consent: only oui/non; dimensions: the list suggests (several may be typed).
      assert.match(xml, /type="list" errorStyle="stop"[^>]*sqref="D2:D1000"/);
      assert.match(xml, /type="list" errorStyle="information"[^>]*sqref="C2:C1000"/);
    });
    await t.step("the head-count total is a locked formula", async () => {
      const bytes = await Deno.readFile(join(out, "modeles", "comptages-evenements.xlsx"));
      const xml = part(bytes, "xl/worksheets/sheet1.xml");
      assert.match(xml, /<c r="H2" s="(\d+)"><f>IF\(COUNT\(C2:D2\)=0,"",SUM\(C2:D2\)\)<\/f>/);
    });
    await t.step("the paper questionnaire and the guides are French and complete", async () => {
      const html = await Deno.readTextFile(join(out, "questionnaire", "questionnaire-papier.html"));
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /@media print/);
      assert.ok(!/https?:\/\//.test(html), "no external resource");
      for (const id of templates.map((x) => x.id)) {
        const guide = await Deno.readTextFile(join(out, "guides", `${id}.md`));
        assert.match(guide, /## Comment remplir/);
        assert.match(guide, /## Erreurs fréquentes/);
      }
    });
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("the XLSForm meets the conventions, and the checker catches what breaks them", () => {
  for (const structureId of [null, "demo"]) {
    const form = buildXlsForm({ year: 2025, structureId, registry: VOCABULARIES.registry });
    assert.deepEqual(checkXlsForm(form), []);
    const names = form.survey.slice(1).map((r) => r[1]).filter((n) => n);
    assert.ok(names.includes("code_repondant") && names.includes("consentement") && names.includes("vague"));
  }
  const form = buildXlsForm({ year: 2025, structureId: null, registry: [] });
  const broken = {
    survey: [
      ...form.survey,
      ["select_one agree7", "autre", "Autre", ...Array(8).fill("")],
      ["text", "cs1_voisins", "Doublon", ...Array(8).fill("")],
      ["slider", "curseur", "Curseur", ...Array(8).fill("")],
      ["text", "x", "X", "", "", "${inconnue} = 'oui'", ...Array(5).fill("")],
      ["begin_group", "ouvert", "Groupe", ...Array(8).fill("")],
    ],
    choices: form.choices,
    settings: [["form_id", "form_title", "version"], ["mon formulaire", "Titre", ""]],
  };
  const problems = checkXlsForm(broken);
  for (
    const expected of [
      /liste « agree7 » absente de choices/,
      /name « cs1_voisins » en double/,
      /type « slider » inconnu/,
      /\$\{inconnue\} ne désigne aucune question/,
      /groupe « ouvert » jamais fermé/,
      /form_id « mon formulaire » invalide/,
      /version manquante/,
    ]
  ) assert.ok(problems.some((p) => expected.test(p)), `${expected} in ${problems.join(" | ")}`);
  assert.deepEqual(checkXlsForm({ survey: form.survey }), [
    "feuille « choices » absente ou vide",
    "feuille « settings » absente ou vide",
  ]);
});

Deno.test("a value added to a loader's schema reaches the template with no other edit", async () => {
  const template = (spec: typeof staffLoader): Template => ({
    ...kitTemplates(VOCABULARIES, { year: 2025, structure: null }).find((x) => x.id === "salaries")!,
    sheets: [{ name: "Salariés", columns: templateColumns(spec, VOCABULARIES) }],
  });
  // Through the field's declared values (FieldSpec.values)…
  const extended = {
    ...staffLoader,
    fields: {
      ...staffLoader.fields,
      contract: {
        ...staffLoader.fields.contract,
        values: [...staffLoader.fields.contract.values!, "CDI de chantier"],
      },
    },
  };
  const bytes = await buildTemplateWorkbook(template(extended));
  assert.ok(definedList(bytes, "liste_Salaries_contract").includes("CDI de chantier"));
  assert.ok(
    !definedList(await buildTemplateWorkbook(template(staffLoader)), "liste_Salaries_contract").includes(
      "CDI de chantier",
    ),
  );
  // …and through a Zod enum in the schema itself.
  const schema = z.object({ place: z.enum(["Salle des fêtes", "Gymnase", "Parc"]).nullable() });
  assert.deepEqual(zodEnumValues(schema, "place"), ["Salle des fêtes", "Gymnase", "Parc"]);
  const withEnum = { ...headcountsLoader, schema: schema as never, fields: { ...headcountsLoader.fields } };
  assert.deepEqual(allowedValues(withEnum, "place"), {
    values: ["Salle des fêtes", "Gymnase", "Parc"],
    strict: true,
  });
  const wider = {
    ...withEnum,
    schema: z.object({
      place: z.enum(["Salle des fêtes", "Gymnase", "Parc", "Médiathèque"]).nullable(),
    }) as never,
  };
  const columns = templateColumns(wider, VOCABULARIES, { fields: ["date", "action", "place"] });
  const headcounts = kitTemplates(VOCABULARIES, { year: 2025, structure: null }).find((x) =>
    x.id === "comptages-evenements"
  )!;
  const workbook = await buildTemplateWorkbook({ ...headcounts, sheets: [{ name: "Comptages", columns }] });
  assert.deepEqual(definedList(workbook, "liste_Comptages_place"), [
    "Salle des fêtes",
    "Gymnase",
    "Parc",
    "Médiathèque",
  ]);
});

Deno.test("the site's Outils de recueil pages are the guides generated from the templates", async () => {
  const templates = kitTemplates(
    { structures: [], activities: referenceThemes(), missions: referenceMissions() },
    { year: 2025, structure: null },
  );
  for (const [name, text] of Object.entries(toolPages(templates))) {
    const committed = await Deno.readTextFile(join(PAGES_DIR, "outils", name));
    assert.equal(committed, text, `pages/outils/${name} is stale: run « deno task kit --pages »`);
    assert.ok(!text.includes("${"), "no Observable interpolation");
  }
  const config = await Deno.readTextFile(join(PAGES_DIR, "..", "observablehq.config.ts"));
  for (const name of Object.keys(toolPages(templates))) {
    assert.ok(config.includes(`/outils/${name === "index.md" ? "" : name.replace(/\.md$/, "")}"`), name);
  }
});
