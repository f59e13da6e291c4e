/**
 * Loader for the ISO 26000 self-assessment of a structure (NF ISO 26000, AFNOR X 30-026): one line
 * per « domaine d'action » of the seven « questions centrales », with its relevance for the
 * structure and its maturity level (four levels, as in AFAQ 26000). The 37 domains are reference
 * data the officer can read and edit: `data/reference/iso26000.csv` (`code;question_centrale;
 * domaine_action`); a line names its domain by code (« 6.3.7 ») or by label, accents and case
 * aside.
 *
 * Scales (numbers or words):
 * - pertinence 0–3: 0 non pertinent, 1 faible, 2 moyenne, 3 forte;
 * - maturité 1–4: 1 initial, 2 en progrès, 3 maîtrisé, 4 exemplaire. A relevant domain needs
 *   its maturity; a domain « non pertinent » may leave it empty.
 *
 * A self-assessment is a snapshot: a new one of the same structure and year replaces the earlier
 * one whole (`replaceScope`).
 *
 * @module
 */
import { join } from "node:path";
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { REFERENCE_DIR } from "../src/paths.ts";
import { decodeText } from "../src/read/decode_text.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { parseDelimited } from "../src/read/parse_delimited.ts";

/** One domain of action of the reference. */
export interface Iso26000Issue {
  /** « 6.3.7 » (the governance question is its own domain, « 6.2 »). */
  code: string;
  subject: string;
  issue: string;
}

/** Reads `code;question_centrale;domaine_action`, reporting a bad line with its number. */
export function iso26000ReferenceFromCsv(text: string, name = "iso26000.csv"): Iso26000Issue[] {
  const issues: Iso26000Issue[] = [];
  for (const row of parseDelimited(text, ";").slice(1)) {
    const [code = "", subject = "", issue = ""] = row.cells.map((c) => c.trim());
    if (!code && !subject && !issue) continue;
    if (!/^6\.[2-8](\.\d{1,2})?$/.test(code) || !subject || !issue) {
      throw new Error(
        `${name} ligne ${row.line} : « code;question centrale;domaine d'action » attendu (code 6.x.y)`,
      );
    }
    issues.push({ code, subject, issue });
  }
  return issues;
}

/** Reads `data/reference/iso26000.csv` (or `path`). */
export function loadIso26000Reference(path = join(REFERENCE_DIR, "iso26000.csv")): Iso26000Issue[] {
  return iso26000ReferenceFromCsv(decodeText(Deno.readFileSync(path)).text, "data/reference/iso26000.csv");
}

/**
 * The domain a cell names: its code alone or at the start (« 6.3.7 », « 6.3.7 - Discrimination »),
 * or its label.
 *
 * @example
 * ```ts
 * issueOf("discrimination et groupes VULNERABLES", reference)?.code // "6.3.7"
 * ```
 */
export function issueOf(cell: string, reference: readonly Iso26000Issue[]): Iso26000Issue | null {
  const code = /^\s*(6\.[2-8](?:\.\d{1,2})?)(?!\d)/.exec(cell)?.[1];
  if (code) return reference.find((i) => i.code === code) ?? null;
  const key = normaliseHeader(cell);
  return reference.find((i) => normaliseHeader(i.issue) === key) ?? null;
}

/** Words accepted for each level of the two scales (folded with normaliseHeader). */
const RELEVANCE_WORDS: Record<string, number> = {
  nonpertinent: 0,
  nonpertinente: 0,
  pasconcerne: 0,
  sansobjet: 0,
  faible: 1,
  moyenne: 2,
  moyen: 2,
  forte: 3,
  fort: 3,
  elevee: 3,
};
const MATURITY_WORDS: Record<string, number> = {
  initial: 1,
  debutant: 1,
  enprogres: 2,
  progression: 2,
  enprogression: 2,
  maitrise: 3,
  maitrisee: 3,
  avance: 3,
  exemplaire: 4,
  exemplarite: 4,
};

/** A level from a number or a word of the scale, null when unreadable or out of range. */
export function levelOf(
  cell: string,
  words: Record<string, number>,
  min: number,
  max: number,
): number | null {
  const text = cell.trim().replace(",", ".");
  // « 3 - maîtrisé » or « 3 (forte) »: the number decides.
  const number = /^(\d+(?:\.0+)?)(?:\s*[-–(:].*)?$/.exec(text)?.[1];
  const value = number !== undefined ? Number(number) : words[normaliseHeader(text)];
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

const REFERENCE = loadIso26000Reference();
const BY_CODE = new Map(REFERENCE.map((i) => [i.code, i]));

const schema = z.object({
  year: z.number().int().min(2000, "année d'auto-évaluation invalide").max(
    2100,
    "année d'auto-évaluation invalide",
  ),
  issue: z.string().transform((cell, ctx) => {
    const found = issueOf(cell, REFERENCE);
    if (found) return found.code;
    ctx.addIssue({
      code: "custom",
      message:
        `domaine d'action « ${cell} » inconnu : indiquez son code (6.3.7…) ou son libellé tel que dans data/reference/iso26000.csv`,
    });
    return z.NEVER;
  }),
  subject: z.string().nullable(),
  relevance: z.string().transform((cell, ctx) => {
    const level = levelOf(cell, RELEVANCE_WORDS, 0, 3);
    if (level !== null) return level;
    ctx.addIssue({
      code: "custom",
      message: `pertinence « ${cell} » illisible (attendu : 0 à 3, ou non pertinent, faible, moyenne, forte)`,
    });
    return z.NEVER;
  }),
  maturity: z.string().nullable().transform((cell, ctx) => {
    if (cell === null) return null;
    const level = levelOf(cell, MATURITY_WORDS, 1, 4);
    if (level !== null) return level;
    ctx.addIssue({
      code: "custom",
      message:
        `maturité « ${cell} » illisible (attendu : 1 à 4, ou initial, en progrès, maîtrisé, exemplaire)`,
    });
    return z.NEVER;
  }),
  evidence: z.string().nullable(),
}).refine((r) => r.relevance === 0 || r.maturity !== null, {
  message: "maturité manquante : un domaine pertinent doit avoir son niveau de maturité (1 à 4)",
  path: ["maturity"],
});

/** A self-assessment line as validated. */
export type Iso26000Record = z.infer<typeof schema>;

export const iso26000Loader: LoaderSpec<Iso26000Record> = {
  kind: "iso26000",
  format: "autoevaluation-iso26000",
  label: "auto-évaluation ISO 26000",
  tables: { stg_iso26000: ["structure_id", "assessment_year", "issue_code"] },
  replaceScope: ["structure_id", "assessment_year"],
  needsStructure: true,
  fields: {
    year: {
      type: "number",
      aliases: ["Année", "Année de l'auto-évaluation", "Année d'évaluation"],
      required: true,
    },
    issue: {
      type: "text",
      aliases: ["Domaine d'action", "Domaine", "Domaines d'action", "Enjeu", "Code du domaine", "DA"],
      required: true,
    },
    subject: { type: "text", aliases: ["Question centrale", "Questions centrales", "Thème"], optional: true },
    relevance: {
      type: "text",
      aliases: ["Pertinence", "Pertinence (0-3)", "Importance"],
      required: true,
      // « 2 - moyenne »: the number decides (levelOf).
      values: ["0 - non pertinent", "1 - faible", "2 - moyenne", "3 - forte"],
    },
    maturity: {
      type: "text",
      aliases: ["Maturité", "Niveau de maturité", "Maturité (1-4)", "Niveau"],
      required: true,
      optional: true,
      values: ["1 - initial", "2 - en progrès", "3 - maîtrisé", "4 - exemplaire"],
    },
    evidence: {
      type: "text",
      aliases: ["Commentaire", "Commentaires", "Preuves", "Éléments de preuve", "Actions menées"],
      optional: true,
    },
  },
  schema,
  warnings(r) {
    const issue = BY_CODE.get(r.issue)!;
    if (r.subject === null || normaliseHeader(r.subject) === normaliseHeader(issue.subject)) return [];
    // « 6.3 », « 6.3 Droits de l'Homme »: the number of the question centrale decides.
    const number = /^\s*(6\.[2-8])(?!\d)/.exec(r.subject)?.[1];
    if (number && (issue.code === number || issue.code.startsWith(`${number}.`))) return [];
    return [{
      field: "subject",
      message:
        `question centrale « ${r.subject} » différente de celle du domaine ${issue.code} (« ${issue.subject} ») : le domaine fait foi`,
    }];
  },
  toRows(r, ctx) {
    return [{
      table: "stg_iso26000",
      row: {
        structure_id: ctx.structureId,
        assessment_year: r.year,
        issue_code: r.issue,
        core_subject: BY_CODE.get(r.issue)!.subject,
        relevance: r.relevance,
        maturity: r.maturity,
        evidence: r.evidence,
      },
    }];
  },
};
