/**
 * Loader for partnership lists (who works with whom, on what, since when): the network of the
 * cluster. One line per partnership of the reporting structure; the partner is an organisation,
 * never a private person.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { parseDate, parseMonth } from "../src/read/parse_date.ts";

/** Canonical partner types, each with the folded words that mean it (first match wins). */
export const PARTNER_TYPES: readonly { type: string; words: readonly string[] }[] = [
  { type: "caf", words: ["caf", "caisse d allocations familiales", "allocations familiales"] },
  {
    type: "bailleur social",
    words: ["bailleur", "hlm", "office public de l habitat", "oph", "habitat", "logement social"],
  },
  {
    type: "école/établissement scolaire",
    words: [
      "ecole",
      "etablissement scolaire",
      "college",
      "lycee",
      "education nationale",
      "groupe scolaire",
      "scolaire",
    ],
  },
  {
    type: "collectif d'habitants",
    words: ["collectif d habitants", "collectif", "habitants", "conseil citoyen", "groupe d habitants"],
  },
  {
    type: "collectivité",
    words: [
      "collectivite",
      "collectivite territoriale",
      "commune",
      "mairie",
      "ville",
      "agglo",
      "agglomeration",
      "communaute de communes",
      "departement",
      "conseil departemental",
      "region",
      "epci",
      "ccas",
    ],
  },
  {
    type: "institution/État",
    words: [
      "institution",
      "etat",
      "prefecture",
      "service de l etat",
      "services de l etat",
      "ddets",
      "france travail",
      "pole emploi",
      "cpam",
      "msa",
      "ars",
      "justice",
      "pjj",
      "spip",
      "institutionnel",
    ],
  },
  { type: "association", words: ["association", "asso", "assoc", "loi 1901", "federation", "club"] },
  {
    type: "entreprise",
    words: [
      "entreprise",
      "societe",
      "commerce",
      "commercant",
      "prive",
      "sarl",
      "sas",
      "scop",
      "scic",
      "artisan",
    ],
  },
  { type: "autre", words: ["autre", "autres", "divers"] },
];

/** Intensities, with their folded spellings. */
export const INTENSITIES: Record<string, readonly string[]> = {
  ponctuel: ["ponctuel", "ponctuelle", "ponctuellement", "occasionnel", "occasionnelle", "rare", "faible"],
  régulier: [
    "regulier",
    "reguliere",
    "regulierement",
    "frequent",
    "frequente",
    "mensuel",
    "mensuelle",
    "hebdomadaire",
    "moyen",
    "moyenne",
  ],
  permanent: ["permanent", "permanente", "continu", "continue", "quotidien", "quotidienne", "fort", "forte"],
};

/** Lower case, no accents, punctuation as single spaces: how labels are compared. */
export function foldLabel(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ").trim();
}

/** The canonical partner type of a typed label, or null when none applies. */
export function partnerType(label: string): string | null {
  const folded = foldLabel(label);
  for (const { type, words } of PARTNER_TYPES) {
    if (words.includes(folded)) return type;
  }
  // Longer labels (« Association de parents d'élèves », « Bailleur social (HLM) »): the listed
  // word that comes first in the label, the longest on a tie.
  let best: { type: string; at: number; length: number } | null = null;
  for (const { type, words } of PARTNER_TYPES) {
    for (const w of words) {
      const at = ` ${folded} `.indexOf(` ${w} `);
      if (w.length < 3 || at < 0) continue;
      if (!best || at < best.at || (at === best.at && w.length > best.length)) {
        best = { type, at, length: w.length };
      }
    }
  }
  return best?.type ?? null;
}

/** Civilities that show a private person rather than an organisation. */
/** A civility at the start of a name: a private person, not an organisation. */
export const PRIVATE_PERSON = /^(?:m|mr|mm|mme|mmes|mlle|madame|monsieur|mademoiselle)(?:\.|\s)\s*\S/i;

const SINCE_YEAR = /^(?:depuis\s+)?(?:(?:en|l'an|l’an)\s+)?(\d{4})$/i;

/**
 * The start of a partnership as an ISO date: a date, a month (« mars 2019 » → 1st March), a
 * year (« 2019 » → 1st January). A Date cell arrives as ISO text.
 */
export function parseSince(text: string): string | null {
  const s = text.trim().replace(/^depuis\s+(?:le\s+|l'|l’)?/i, "").trim();
  const year = SINCE_YEAR.exec(s);
  if (year) {
    const y = Number(year[1]);
    return y >= 1900 && y <= 2100 ? `${y}-01-01` : null;
  }
  // Five-digit numbers are Excel serials of dates (a cell formatted as number).
  const date = parseDate(s);
  if (date.ok) return date.value;
  const month = parseMonth(s);
  return month.ok ? `${month.value}-01` : null;
}

const schema = z.object({
  actor: z.string().nullable(),
  partner: z.string().min(1).refine((p) => !PRIVATE_PERSON.test(p), {
    error:
      "le partenaire ressemble à une personne privée (civilité « M. », « Mme »…) : indiquez un organisme, " +
      "pas une personne (valeur non reproduite)",
  }),
  partner_type: z.string().nullable(),
  subject: z.string().nullable(),
  since: z.string().nullable().transform((s, ctx) => {
    if (s === null) return null;
    const iso = parseSince(s);
    if (iso === null) {
      ctx.addIssue({
        code: "custom",
        message: `« ${s} » n'est pas une date reconnue (ex. 12/03/2019, mars 2019 ou 2019)`,
      });
      return z.NEVER;
    }
    return iso;
  }),
  formal: z.boolean().nullable(),
  intensity: z.string().nullable().transform((s, ctx) => {
    if (s === null) return null;
    const folded = foldLabel(s);
    for (const [intensity, words] of Object.entries(INTENSITIES)) {
      if (words.includes(folded)) return intensity;
    }
    ctx.addIssue({
      code: "custom",
      message: `fréquence « ${s} » inconnue : « ponctuel », « régulier » ou « permanent » attendu`,
    });
    return z.NEVER;
  }),
});

/** One validated partnership line. */
export type Partnership = z.infer<typeof schema>;

export const partnershipsLoader: LoaderSpec<Partnership> = {
  kind: "partnerships",
  format: "liste-partenariats",
  label: "liste des partenariats",
  tables: { stg_partnerships: ["structure_id", "partnership_ref"] },
  // A list is the structure's current register: each new one replaces the earlier one whole
  // (lines removed from it disappear); dates on each line keep the history.
  replaceScope: ["structure_id"],
  needsStructure: true,
  fields: {
    actor: {
      type: "text",
      aliases: [
        "Structure",
        "Structure déclarante",
        "Nom de la structure",
        "Acteur",
        "Membre du cluster",
        "Porteur",
        "Structure porteuse",
        "Identifiant structure",
        "Code structure",
      ],
      optional: true,
    },
    partner: {
      type: "text",
      aliases: [
        "Partenaire",
        "Partenaires",
        "Nom du partenaire",
        "Partenaire (nom)",
        "Organisme partenaire",
        "Structure partenaire",
        "Organisme",
        "Avec qui",
      ],
      required: true,
      // Organisations are not personal data, but a private person typed here must not be
      // repeated in any message.
      personal: true,
    },
    partner_type: {
      type: "text",
      aliases: [
        "Type de partenaire",
        "Type partenaire",
        "Type",
        "Catégorie",
        "Catégorie de partenaire",
        "Nature du partenaire",
        "Statut du partenaire",
        "Type de structure partenaire",
      ],
      optional: true,
      values: PARTNER_TYPES.map((t) => t.type),
      valuesOpen: true,
    },
    subject: {
      type: "text",
      aliases: [
        "Objet",
        "Objet du partenariat",
        "Thème",
        "Thématique",
        "Action commune",
        "Actions communes",
        "Projet",
        "Projet commun",
        "Domaine",
        "Nature du partenariat",
        "Sur quoi",
      ],
      optional: true,
    },
    since: {
      type: "text",
      aliases: [
        "Depuis",
        "Depuis quand",
        "Date de début",
        "Début",
        "Début du partenariat",
        "Année de début",
        "Date",
        "Année",
      ],
      optional: true,
    },
    formal: {
      type: "flag",
      aliases: [
        "Convention",
        "Conventionné",
        "Convention signée",
        "Conventionnement",
        "Formalisé",
        "Partenariat formalisé",
        "Convention (oui/non)",
      ],
      optional: true,
      lenient: true,
    },
    intensity: {
      type: "text",
      aliases: ["Fréquence", "Intensité", "Régularité", "Fréquence des échanges", "Niveau"],
      optional: true,
      values: Object.keys(INTENSITIES),
    },
  },
  schema,
  warnings(r) {
    return r.partner_type !== null && partnerType(r.partner_type) === null
      ? [{
        field: "partner_type",
        message: `type de partenaire « ${r.partner_type} » inconnu : classé « autre »`,
      }]
      : [];
  },
  toRows(r, ctx) {
    const actor = r.actor ?? ctx.structureId!;
    const type = r.partner_type === null ? null : partnerType(r.partner_type) ?? "autre";
    return [{
      table: "stg_partnerships",
      row: {
        structure_id: ctx.structureId,
        partnership_ref: ctx.pseudonym([
          "partenariat",
          foldLabel(actor),
          foldLabel(r.partner),
          foldLabel(r.subject ?? ""),
        ]),
        actor,
        partner: r.partner,
        partner_type: type,
        // What was typed when it is not one of the known types (kept: nothing is lost silently).
        partner_type_label: type === "autre" ? r.partner_type : null,
        subject: r.subject,
        since: r.since,
        formal: r.formal,
        intensity: r.intensity,
      },
    }];
  },
};
