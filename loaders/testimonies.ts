/**
 * Loader for testimonies: short texts from inhabitants tagged with the dimensions of the socle
 * commun, collected with consent. The text is stored only with consent « oui », and then with the
 * author's own names redacted; the author is read, never stored. Stored text is inert: it is kept
 * exactly as typed (a leading `=`, `+`, `-`, `@` or HTML is ordinary text) and must be escaped
 * wherever it is shown.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { nameParts, redactNames } from "../src/privacy/redact_text.ts";
import { foldLabel } from "./partnerships.ts";

/** Dimensions of the socle commun: stored code → folded spellings accepted. */
export const DIMENSIONS: Record<string, readonly string[]> = {
  cohesion_sociale: ["cohesion sociale", "cohesion", "lien social", "cohesion sociale et lien social"],
  epanouissement: ["epanouissement", "epanouissement personnel", "epanouissement des personnes", "bien etre"],
  gouvernance: ["gouvernance", "gouvernance partagee", "participation", "pouvoir d agir"],
  environnement: ["environnement", "ecologie", "transition ecologique", "developpement durable"],
  richesses_produites: [
    "richesses produites",
    "richesse produite",
    "richesses",
    "richesse",
    "economie",
    "richesses economiques",
  ],
};

/** How the first spelling of each dimension is written for users. */
const DIMENSION_LABELS: Record<string, string> = {
  "cohesion sociale": "cohésion sociale",
  "epanouissement": "épanouissement",
  "richesses produites": "richesses produites",
};

/** Dimension codes of a cell (`;`, `,`, `/`, « et » or line breaks between them), and the labels not recognised. */
export function parseDimensions(cell: string | null): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  if (cell === null) return { codes, unknown };
  for (const part of cell.split(/[;,/\n|+]+|\s+et\s+/)) {
    const label = part.trim();
    if (!label) continue;
    const folded = foldLabel(label);
    const code = Object.entries(DIMENSIONS).find(([, words]) => words.includes(folded))?.[0];
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(label);
  }
  return { codes, unknown };
}

const schema = z.object({
  date: z.string(),
  text: z.string().min(1),
  dimensions: z.string().nullable(),
  consent: z.boolean(),
  public: z.string().nullable(),
  author: z.string().nullable(),
});

/** One validated testimony line. */
export type Testimony = z.infer<typeof schema>;

export const testimoniesLoader: LoaderSpec<Testimony> = {
  kind: "testimonies",
  format: "recueil-temoignages",
  label: "recueil de témoignages",
  tables: { stg_testimonies: ["structure_id", "testimony_ref"] },
  periodColumn: "testimony_date",
  needsStructure: true,
  fields: {
    date: {
      type: "date",
      aliases: ["Date", "Date du témoignage", "Date de recueil", "Recueilli le", "Jour"],
      required: true,
    },
    text: {
      type: "text",
      aliases: [
        "Texte",
        "Témoignage",
        "Témoignages",
        "Texte du témoignage",
        "Verbatim",
        "Parole",
        "Paroles d'habitants",
        "Citation",
        "Ce que la personne dit",
      ],
      required: true,
      // Free text may name people: never repeated in a message; stored only with consent and
      // with the author's names redacted.
      personal: true,
    },
    dimensions: {
      type: "text",
      aliases: [
        "Dimensions",
        "Dimension",
        "Dimensions du socle",
        "Dimensions du socle commun",
        "Socle commun",
        "Thèmes",
        "Étiquettes",
        "Tags",
      ],
      optional: true,
      // Several may be typed in one cell (« cohésion sociale ; gouvernance »): the list suggests.
      values: Object.values(DIMENSIONS).map((words) => DIMENSION_LABELS[words[0]] ?? words[0]),
      valuesOpen: true,
    },
    consent: {
      type: "flag",
      aliases: [
        "Consentement",
        "Consentement (oui/non)",
        "Accord",
        "Accord de diffusion",
        "Accord pour diffusion",
        "Autorisation",
        "Autorisation de diffusion",
        "Consentement diffusion",
        "Diffusion autorisée",
      ],
      required: true,
    },
    public: {
      type: "text",
      aliases: ["Public", "Tranche d'âge", "Tranche d’âge", "Âge", "Public concerné", "Catégorie de public"],
      optional: true,
    },
    author: {
      type: "text",
      aliases: ["Prénom", "Auteur", "Auteure", "Auteur du témoignage", "Prénom de la personne", "Nom", "Qui"],
      optional: true,
      personal: true,
    },
  },
  schema,
  warnings(r) {
    const { unknown } = parseDimensions(r.dimensions);
    return unknown.map((label) => ({
      field: "dimensions",
      message:
        `dimension « ${label} » inconnue (attendu : cohésion sociale, épanouissement, gouvernance, environnement, richesses produites) : conservée à part`,
    }));
  },
  toRows(r, ctx) {
    const { codes, unknown } = parseDimensions(r.dimensions);
    return [{
      table: "stg_testimonies",
      row: {
        structure_id: ctx.structureId,
        testimony_ref: ctx.pseudonym(["temoignage", ctx.structureId!, r.date, r.text]),
        testimony_date: r.date,
        text: r.consent ? redactNames(r.text, nameParts(r.author)) : null,
        // DuckDB list literal; codes hold no comma, bracket or quote.
        dimensions: `[${codes.join(", ")}]`,
        dimensions_unknown: unknown.length ? unknown.join(" ; ") : null,
        consent: r.consent,
        public: r.public,
      },
    }];
  },
};
