/**
 * Zod schema of one line of the indicator catalogue (`data/indicators/catalogue.csv`): raw cell
 * texts in, a typed {@link IndicatorLine} out, with French messages per field.
 *
 * @module
 */
import { z } from "zod";
import {
  canonical,
  DIMENSIONS,
  DIRECTIONS,
  DISCLOSURE_RULES,
  QUESTIONS,
  SOURCES,
  STAGES,
  TARGETS,
} from "./vocabulary.ts";
import type { Dimension, Direction, DisclosureRule, Question, Source, Stage, Target } from "./vocabulary.ts";

/** One validated line of the catalogue (before its SQL file is read). */
export interface IndicatorLine {
  id: string;
  label: string;
  definition: string;
  unit: string;
  stage: Stage;
  dimension: Dimension;
  target: Target;
  question: Question;
  /** ISO 26000 core subject, « 6.2 » to « 6.8 »; null when not relevant. */
  isoSubject: string | null;
  /** ISO 26000 issue within the core subject, « 6.8.3 »; null when not given. */
  isoIssue: string | null;
  direction: Direction;
  disclosure: DisclosureRule;
  sources: Source[];
  /** File name under `data/indicators/sql/`. */
  sqlFile: string;
}

/** Catalogue fields, in column order, with the French header and its accepted spellings. */
export const FIELDS = [
  { key: "id", header: "identifiant", aliases: ["id"] },
  { key: "label", header: "libellé", aliases: [] },
  { key: "definition", header: "définition", aliases: [] },
  { key: "unit", header: "unité", aliases: [] },
  { key: "stage", header: "étape", aliases: ["étape de la chaîne de valeur", "chaîne de valeur"] },
  { key: "dimension", header: "dimension", aliases: ["dimension du socle commun", "socle commun"] },
  { key: "target", header: "cible", aliases: ["cible FONDA"] },
  { key: "question", header: "question évaluative", aliases: [] },
  { key: "isoSubject", header: "ISO 26000 question centrale", aliases: ["question centrale"] },
  { key: "isoIssue", header: "ISO 26000 domaine d'action", aliases: ["domaine d'action"] },
  { key: "direction", header: "sens", aliases: [] },
  { key: "disclosure", header: "règle de diffusion", aliases: ["diffusion"] },
  { key: "sources", header: "sources requises", aliases: ["sources"] },
  { key: "sqlFile", header: "fichier SQL", aliases: ["calcul", "SQL"] },
] as const;

/** A catalogue field name. */
export type FieldKey = typeof FIELDS[number]["key"];

/** Fields that may be left empty. */
export const OPTIONAL_FIELDS: readonly FieldKey[] = ["isoSubject", "isoIssue", "sqlFile"];

/** What an indicator id looks like: lower case letters, digits and `_`, starting with a letter. */
export const INDICATOR_ID = /^[a-z][a-z0-9_]*$/;

const text = (what: string) =>
  z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t === "") ctx.addIssue({ code: "custom", message: `${what} manquant(e)` });
    return t;
  });

function oneOf<T extends string>(values: readonly T[]) {
  return z.string().transform((v, ctx): T => {
    const found = canonical(values, v.trim());
    if (found === null) {
      ctx.addIssue({
        code: "custom",
        message: v.trim() === ""
          ? `valeur manquante ; attendu : ${values.join(", ")}`
          : `valeur « ${v.trim()} » inconnue ; attendu : ${values.join(", ")}`,
      });
      return values[0];
    }
    return found;
  });
}

const optionalCode = (pattern: RegExp, example: string) =>
  z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t === "") return null;
    if (!pattern.test(t)) {
      ctx.addIssue({
        code: "custom",
        message: `« ${t} » n'est pas un code ISO 26000 (exemple : ${example})`,
      });
    }
    return t;
  });

/** Schema of one line, from the cell texts keyed by {@link FieldKey}. */
export const indicatorLineSchema = z.object({
  id: z.string().transform((v, ctx) => {
    const t = v.trim();
    if (!INDICATOR_ID.test(t)) {
      ctx.addIssue({
        code: "custom",
        message: t === ""
          ? "identifiant manquant"
          : `identifiant « ${t} » invalide : lettres minuscules sans accent, chiffres et « _ », en commençant par une lettre`,
      });
    }
    return t;
  }),
  label: text("libellé"),
  definition: text("définition"),
  unit: text("unité"),
  stage: oneOf(STAGES),
  dimension: oneOf(DIMENSIONS),
  target: oneOf(TARGETS),
  question: oneOf(QUESTIONS),
  isoSubject: optionalCode(/^6\.[2-8]$/, "6.8"),
  // Organisational governance (6.2) is its own single domain of action.
  isoIssue: optionalCode(/^(6\.2|6\.[3-8]\.\d{1,2})$/, "6.8.3"),
  direction: oneOf(DIRECTIONS),
  disclosure: oneOf(DISCLOSURE_RULES),
  sources: z.string().transform((v, ctx): (typeof SOURCES[number])[] => {
    const names = v.split(/[\s,|+]+/).map((s) => s.trim()).filter((s) => s !== "");
    if (names.length === 0) {
      ctx.addIssue({
        code: "custom",
        message: `au moins une table source attendue ; connues : ${SOURCES.join(", ")}`,
      });
    }
    const out: (typeof SOURCES[number])[] = [];
    for (const name of names) {
      const found = SOURCES.find((s) => s === name.toLowerCase());
      if (found) out.push(found);
      else {ctx.addIssue({
          code: "custom",
          message: `table source « ${name} » inconnue ; connues : ${SOURCES.join(", ")}`,
        });}
    }
    return out;
  }),
  sqlFile: z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t !== "" && !/^[a-z0-9_]+\.sql$/.test(t)) {
      ctx.addIssue({
        code: "custom",
        message:
          `nom de fichier « ${t} » invalide : un nom simple terminé par .sql, dans data/indicators/sql/`,
      });
    }
    return t;
  }),
}).superRefine((line, ctx) => {
  if (
    line.isoIssue !== null && line.isoSubject !== null && line.isoIssue !== line.isoSubject &&
    !line.isoIssue.startsWith(`${line.isoSubject}.`)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["isoIssue"],
      message:
        `le domaine d'action ${line.isoIssue} n'appartient pas à la question centrale ${line.isoSubject}`,
    });
  }
}).transform((line): IndicatorLine => ({
  ...line,
  isoSubject: line.isoSubject ?? (line.isoIssue ? line.isoIssue.split(".").slice(0, 2).join(".") : null),
  sqlFile: line.sqlFile === "" ? `${line.id}.sql` : line.sqlFile,
}));
