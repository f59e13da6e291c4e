/**
 * Writes the collection kit into a folder: the spreadsheet templates, the participant
 * questionnaire (XLSForm for KoboToolbox and a printable paper version), one guide per template
 * and a « LISEZMOI » listing them.
 *
 * @module
 */
import { join } from "node:path";
import { buildWorkbook } from "../sample/xlsx.ts";
import { paperQuestionnaire } from "./paper.ts";
import { questionnaireGuide, templateGuide } from "./guides.ts";
import { kitTemplates } from "./templates.ts";
import { type KitVocabularies, referenceMissions, referenceThemes } from "./vocabulary.ts";
import { buildTemplateWorkbook } from "./workbook.ts";
import { writeBytesIfChanged } from "../site/write_if_changed.ts";
import { buildXlsForm, checkXlsForm, type XlsForm } from "./xlsform.ts";

/** Options of {@link writeKit}. */
export interface KitOptions {
  out: string;
  year: number;
  structureId: string | null;
  vocabularies: KitVocabularies;
}

/** The XLSForm as an .xlsx workbook (sheets survey, choices, settings). */
export function xlsFormWorkbook(form: XlsForm): Promise<Uint8Array> {
  return buildWorkbook([
    { name: "survey", rows: form.survey },
    { name: "choices", rows: form.choices },
    { name: "settings", rows: form.settings },
  ]);
}

/**
 * Writes the kit; returns the paths written, relative to `out`.
 *
 * @example
 * ```ts
 * await writeKit({ out: "dist-kit/ors", year: 2025, structureId: "ors", vocabularies })
 * ```
 */
export async function writeKit(options: KitOptions): Promise<string[]> {
  const { out, year, structureId, vocabularies } = options;
  const structureName = vocabularies.registry.find((s) => s.id === structureId)?.name ?? structureId;
  const templates = kitTemplates(vocabularies, { year, structure: structureName });
  const written: string[] = [];
  const write = async (path: string, data: Uint8Array | string) => {
    const full = join(out, path);
    await Deno.mkdir(join(full, ".."), { recursive: true });
    if (typeof data === "string") await Deno.writeTextFile(full, data);
    else await Deno.writeFile(full, data);
    written.push(path);
  };
  for (const template of templates) {
    await write(
      join("modeles", `${template.id}.xlsx`),
      await buildTemplateWorkbook(template, { structureId, structureName }),
    );
    await write(join("guides", `${template.id}.md`), templateGuide(template));
  }
  const form = buildXlsForm({ year, structureId, registry: vocabularies.registry });
  const problems = checkXlsForm(form);
  if (problems.length) throw new Error(`questionnaire XLSForm invalide :\n${problems.join("\n")}`);
  await write(join("questionnaire", "questionnaire-socle-commun.xlsx"), await xlsFormWorkbook(form));
  await write(join("questionnaire", "questionnaire-papier.html"), paperQuestionnaire(form, structureName));
  await write(join("guides", "questionnaire.md"), questionnaireGuide());
  await write("LISEZMOI.md", readme(templates.map((t) => [t.id, t.title]), structureName, year, written));
  return written;
}

function readme(
  templates: [string, string][],
  structure: string | null,
  year: number,
  files: string[],
): string {
  return [
    `# Kit de recueil ${year}${structure ? ` — ${structure}` : ""}`,
    "",
    "Modèles prêts à remplir pour l'Observatoire d'impact. Chaque modèle a une feuille « Instructions » et un guide d'une page dans `guides/`.",
    "",
    ...templates.map(([id, title]) => `- \`modeles/${id}.xlsx\` : ${title}`),
    "- `questionnaire/questionnaire-socle-commun.xlsx` : questionnaire des participants à importer dans KoboToolbox",
    "- `questionnaire/questionnaire-papier.html` : le même questionnaire à imprimer",
    "",
    "Une fois remplis, déposez les fichiers dans `data/inbox/<identifiant de la structure>/` et lancez `deno task ingest data/inbox`.",
    "",
    `Fichiers : ${files.length + 1}.`,
    "",
  ].join("\n");
}

/**
 * The blank templates the site offers for download (`pages/outils/modeles/<id>.xlsx`, git-ignored,
 * linked from each *Outils de recueil* page): reference vocabularies only, no structure, the
 * given year. A file already holding the same bytes is left alone. Returns the file names.
 */
export async function writeSiteTemplates(
  dir: string,
  year = new Date().getFullYear(),
): Promise<string[]> {
  const templates = kitTemplates(
    { structures: [], activities: referenceThemes(), missions: referenceMissions() },
    { year, structure: null },
  );
  await Deno.mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const template of templates) {
    const name = `${template.id}.xlsx`;
    const bytes = await buildTemplateWorkbook(template, { structureId: null, structureName: null });
    await writeBytesIfChanged(join(dir, name), bytes);
    names.push(name);
  }
  return names;
}
