/**
 * Loader for a structure's catalogue of actions and activities: code, label, sector, public and
 * theme. A free theme is linked to a SENACS theme and to one of the five dimensions of the
 * socle commun through `data/reference/themes.csv`, which the officer edits, whenever the file
 * does not give them itself. Unknown sectors, themes or dimensions never reject a line: the value
 * is left empty with a warning on its line and column ({@link resolveActivity}).
 */
import { z } from "zod";
import { join } from "node:path";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { REFERENCE_DIR } from "../src/paths.ts";
import { decodeText } from "../src/read/decode_text.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { parseDelimited } from "../src/read/parse_delimited.ts";

/** The sectors of a centre social, as stored. */
export const SECTORS = ["enfance", "jeunesse", "familles", "adultes", "seniors", "tous publics"] as const;

/** Spellings seen in catalogues (normalised: no accents, case or punctuation) → sector. */
const SECTOR_SPELLINGS: Record<string, (typeof SECTORS)[number]> = {
  enfance: "enfance",
  enfant: "enfance",
  enfants: "enfance",
  petiteenfance: "enfance",
  jeunesse: "jeunesse",
  jeune: "jeunesse",
  jeunes: "jeunesse",
  ados: "jeunesse",
  adolescent: "jeunesse",
  adolescents: "jeunesse",
  famille: "familles",
  familles: "familles",
  parentalite: "familles",
  adultesfamilles: "familles",
  familleadultes: "familles",
  famillesadultes: "familles",
  adulte: "adultes",
  adultes: "adultes",
  senior: "seniors",
  seniors: "seniors",
  aines: "seniors",
  personnesagees: "seniors",
  retraites: "seniors",
  touspublics: "tous publics",
  touspublic: "tous publics",
  toutpublic: "tous publics",
  toutpublics: "tous publics",
  tous: "tous publics",
  intergenerationnel: "tous publics",
  intergenerationnelle: "tous publics",
};

/** The five dimensions of the socle commun, as stored. */
export const SOCLE_DIMENSIONS = [
  "cohésion sociale",
  "épanouissement",
  "gouvernance",
  "environnement",
  "richesses produites",
] as const;

/** The sector of a typed value ("Pôle Enfance", "Séniors", "tout public"), or null. */
export function sectorOf(value: string): string | null {
  const key = normaliseHeader(value).replace(/^(pole|secteur)/, "");
  return SECTOR_SPELLINGS[key] ?? null;
}

/** The socle commun dimension of a typed value ("2. Épanouissement des personnes"), or null. */
export function socleDimensionOf(value: string): string | null {
  const key = normaliseHeader(value).replace(/^\d+/, "");
  if (key.startsWith("richesse")) return "richesses produites";
  return SOCLE_DIMENSIONS.find((d) => key.startsWith(normaliseHeader(d))) ?? null;
}

/** The officer's table of themes: free theme → SENACS theme and socle commun dimension. */
export interface ThemeReference {
  /** Normalised free theme → its SENACS theme and dimension. */
  byTheme: Map<string, { senacs: string; socle: string }>;
  /** Normalised SENACS theme → its spelling in the reference. */
  senacsThemes: Map<string, string>;
}

/**
 * Reads `theme;senacs_theme;socle_dimension`. A dimension outside the five is an error of the
 * reference file itself, reported with its line.
 */
export function themeReferenceFromCsv(text: string, name = "themes.csv"): ThemeReference {
  const byTheme = new Map<string, { senacs: string; socle: string }>();
  const senacsThemes = new Map<string, string>();
  for (const row of parseDelimited(text, ";").slice(1)) {
    const [theme = "", senacs = "", socle = ""] = row.cells.map((c) => c.trim());
    if (!theme && !senacs && !socle) continue;
    const dimension = socleDimensionOf(socle);
    if (!theme || !senacs || !dimension) {
      throw new Error(
        `${name} ligne ${row.line} : « thème;thème SENACS;dimension » attendu, la dimension étant l'une de : ${
          SOCLE_DIMENSIONS.join(", ")
        }`,
      );
    }
    byTheme.set(normaliseHeader(theme), { senacs, socle: dimension });
    senacsThemes.set(normaliseHeader(senacs), senacs);
  }
  return { byTheme, senacsThemes };
}

/** Reads `data/reference/themes.csv` (or `path`). */
export function loadThemeReference(path = join(REFERENCE_DIR, "themes.csv")): ThemeReference {
  return themeReferenceFromCsv(decodeText(Deno.readFileSync(path)).text, "data/reference/themes.csv");
}

const schema = z.object({
  activity_id: z.string().min(1),
  label: z.string().min(1),
  sector: z.string().nullable(),
  public: z.string().nullable(),
  theme: z.string().nullable(),
  senacs_theme: z.string().nullable(),
  socle_dimension: z.string().nullable(),
});

/** A catalogue line as validated. */
export type ActivityRecord = z.infer<typeof schema>;

/** A value kept empty because it is unknown: the field and the French reason. */
export interface ActivityWarning {
  field: "sector" | "theme" | "senacs_theme" | "socle_dimension";
  message: string;
}

/**
 * Sector, SENACS theme and dimension of a catalogue line: as written when known, else from the
 * theme through the reference; each unknown value becomes null with a warning.
 */
export function resolveActivity(r: ActivityRecord, ref: ThemeReference): {
  sector: string | null;
  senacs_theme: string | null;
  socle_dimension: string | null;
  warnings: ActivityWarning[];
} {
  const warnings: ActivityWarning[] = [];
  const sector = r.sector === null ? null : sectorOf(r.sector);
  if (r.sector !== null && sector === null) {
    warnings.push({
      field: "sector",
      message: `secteur « ${r.sector} » inconnu (attendu : ${SECTORS.join(", ")}) : valeur laissée vide`,
    });
  }
  const mapped = r.theme === null ? undefined : ref.byTheme.get(normaliseHeader(r.theme));
  let senacs: string | null = null;
  if (r.senacs_theme !== null) {
    senacs = ref.senacsThemes.get(normaliseHeader(r.senacs_theme)) ?? null;
    if (senacs === null) {
      warnings.push({
        field: "senacs_theme",
        message:
          `thème SENACS « ${r.senacs_theme} » absent de la table des thèmes du référentiel : valeur laissée vide`,
      });
    }
  } else if (mapped) senacs = mapped.senacs;
  let socle: string | null = null;
  if (r.socle_dimension !== null) {
    socle = socleDimensionOf(r.socle_dimension);
    if (socle === null) {
      warnings.push({
        field: "socle_dimension",
        message: `dimension « ${r.socle_dimension} » inconnue (attendu : ${
          SOCLE_DIMENSIONS.join(", ")
        }) : valeur laissée vide`,
      });
    }
  } else if (mapped) socle = mapped.socle;
  if (r.theme !== null && !mapped && (r.senacs_theme === null || r.socle_dimension === null)) {
    warnings.push({
      field: "theme",
      message:
        `thème « ${r.theme} » absent de la table des thèmes du référentiel : thème SENACS et dimension du socle commun laissés vides (ajoutez-le à cette table, fichier themes.csv du référentiel, puis rechargez l'export)`,
    });
  }
  return { sector, senacs_theme: senacs, socle_dimension: socle, warnings };
}

/**
 * The catalogue loader reading its themes from `themes` (called once, on first use).
 * @param themes the officer's reference table
 */
export function makeActivitiesLoader(themes: () => ThemeReference): LoaderSpec<ActivityRecord> {
  let ref: ThemeReference | null = null;
  return {
    kind: "activities",
    format: "catalogue-actions",
    label: "catalogue des actions",
    tables: { stg_activities: ["structure_id", "activity_id"] },
    needsStructure: true,
    fields: {
      activity_id: {
        type: "text",
        aliases: [
          "Code",
          "IDactivite",
          "Code action",
          "Code activité",
          "Code de l'action",
          "N° action",
          "N° activité",
          "Réf.",
          "Référence",
        ],
        required: true,
      },
      label: {
        type: "text",
        aliases: [
          "Action",
          "Libellé",
          "Intitulé",
          "Nom de l'action",
          "Activité",
          "Nom de l'activité",
          "Libellé de l'action",
          "Atelier",
        ],
        required: true,
      },
      sector: {
        type: "text",
        aliases: ["Secteur", "Secteur d'activité", "Pôle", "Secteur / pôle"],
        required: true,
        optional: true,
      },
      public: {
        type: "text",
        aliases: ["Public", "Publics", "Public visé", "Public cible", "Tranche d'âge", "Âges"],
        optional: true,
      },
      theme: { type: "text", aliases: ["Thème", "Thématique", "Domaine", "Champ d'action"], optional: true },
      senacs_theme: {
        type: "text",
        aliases: ["Thème SENACS", "Thématique SENACS", "SENACS", "Domaine SENACS"],
        optional: true,
      },
      socle_dimension: {
        type: "text",
        aliases: [
          "Dimension socle commun",
          "Dimension du socle commun",
          "Dimension",
          "Socle commun",
          "Dimension socle",
        ],
        optional: true,
      },
    },
    schema,
    warnings(r) {
      return resolveActivity(r, ref ??= themes()).warnings;
    },
    toRows(r, ctx) {
      const resolved = resolveActivity(r, ref ??= themes());
      return [{
        table: "stg_activities",
        row: {
          structure_id: ctx.structureId,
          activity_id: r.activity_id,
          label: r.label,
          sector: resolved.sector,
          public: r.public,
          theme: r.theme,
          senacs_theme: resolved.senacs_theme,
          socle_dimension: resolved.socle_dimension,
        },
      }];
    },
  };
}

export const activitiesLoader: LoaderSpec<ActivityRecord> = makeActivitiesLoader(() => loadThemeReference());
