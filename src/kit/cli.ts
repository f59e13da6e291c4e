/**
 * `deno task kit [--structure ID] [--year YYYY] [--out DIR] [--pages]`: writes the collection kit
 * (default folder `dist-kit/`, or `dist-kit/<ID>/` for one structure). `--pages` rewrites the
 * site's *Outils de recueil* pages (`pages/outils/`) from the same definitions.
 *
 * Exit code: 0 when written, 2 for a malformed command.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { PAGES_DIR, PROJECT_ROOT, warehousePath } from "../paths.ts";
import { toolPages } from "./guides.ts";
import { kitTemplates } from "./templates.ts";
import { loadVocabularies, referenceMissions, referenceThemes } from "./vocabulary.ts";
import { writeKit } from "./generate.ts";

/** The site pages, from the reference vocabularies only (the same on every machine). */
export async function writeToolPages(dir = join(PAGES_DIR, "outils")): Promise<string[]> {
  const templates = kitTemplates(
    { structures: [], activities: referenceThemes(), missions: referenceMissions() },
    { year: 2025, structure: null },
  );
  await Deno.mkdir(dir, { recursive: true });
  const pages = toolPages(templates);
  for (const [name, text] of Object.entries(pages)) await Deno.writeTextFile(join(dir, name), text);
  return Object.keys(pages);
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        structure: { type: "string" },
        year: { type: "string" },
        out: { type: "string" },
        pages: { type: "boolean" },
      },
    });
  } catch (error) {
    console.error(`commande mal formée : ${(error as Error).message}`);
    return 2;
  }
  const { values } = parsed;
  const year = values.year === undefined ? new Date().getFullYear() : Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    console.error(`--year « ${values.year} » : une année sur 4 chiffres est attendue`);
    return 2;
  }
  const structureId = values.structure ?? null;
  if (structureId !== null && !/^[a-z0-9][a-z0-9-]*$/.test(structureId)) {
    console.error(`--structure « ${structureId} » : identifiant du registre attendu (ex. saint-nicolas)`);
    return 2;
  }
  if (values.pages) {
    const pages = await writeToolPages();
    console.log(`${pages.length} pages écrites dans pages/outils/`);
    return 0;
  }
  const vocabularies = await loadVocabularies(warehousePath(), structureId);
  if (
    structureId && vocabularies.registry.length > 0 &&
    !vocabularies.registry.some((s) => s.id === structureId)
  ) {
    console.error(`structure « ${structureId} » absente du registre de l'entrepôt`);
    return 2;
  }
  const out = values.out ?? join(PROJECT_ROOT, "dist-kit", structureId ?? "");
  const files = await writeKit({ out, year, structureId, vocabularies });
  console.log(`Kit de recueil ${year} écrit dans ${out} (${files.length} fichiers) :`);
  for (const f of files) console.log(`  ${f}`);
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
