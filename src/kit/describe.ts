/**
 * Plain-French explanations of a template's columns, shared by the Instructions sheet, the
 * printed guide and the site's *Outils de recueil* pages.
 *
 * @module
 */
import type { TemplateColumn } from "./columns.ts";
import type { KitValue } from "./templates.ts";

const TYPE_TEXT: Record<string, string> = {
  date: "une date au format jj/mm/aaaa (jour/mois/année)",
  month: "un mois : 03/2025 ou mars 2025",
  number: "un nombre, en chiffres",
  duration: "un nombre d'heures : 2, 1,5 ou 1h30",
  time: "une heure : 14:30",
  flag: "oui ou non",
  text: "du texte",
};

/** At most `max` values of a list, then « … ». */
function listText(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => `« ${v} »`).join(", ");
  return values.length > max ? `${shown}… (${values.length} choix)` : shown;
}

/** What to write in a column, in one sentence. */
export function describeColumn(column: TemplateColumn, note?: string): string {
  const check = column.check;
  let what = TYPE_TEXT[column.type] ?? "du texte";
  if (check.kind === "list") {
    what = check.strict
      ? `à choisir dans la liste : ${listText(check.values)}`
      : `à choisir dans la liste (${listText(check.values, 5)}) ou à écrire`;
  } else if (check.kind === "whole") {
    what = check.max === undefined
      ? `un nombre entier à partir de ${check.min}`
      : `un nombre entier de ${check.min} à ${check.max}`;
  } else if (check.kind === "decimal" && check.max !== undefined) {
    what = `un nombre de ${String(check.min).replace(".", ",")} à ${String(check.max).replace(".", ",")}`;
  }
  return note ? `${note} — ${what}` : what;
}

/** « obligatoire » or « facultatif ». */
export function mandatoryText(column: TemplateColumn): string {
  return column.mandatory ? "obligatoire" : "facultatif";
}

/** A value as shown in an example (dates jj/mm/aaaa, decimal comma); `published`: for the site. */
export function exampleText(value: KitValue | undefined, column?: TemplateColumn, published = false): string {
  if (value === null || value === undefined) return "";
  // A published page shows no full date: any day could be someone's birth date.
  if (value instanceof Date && published) return "jj/mm/aaaa";
  if (typeof value === "number" && column?.format === "0%") {
    return `${Math.round(value * 1000) / 10} %`.replace(".", ",");
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10).split("-").reverse().join("/");
  if (typeof value === "number") return String(value).replace(".", ",");
  return value;
}
