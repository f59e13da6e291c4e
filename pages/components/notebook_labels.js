// What makes a notebook result read as French for its readers, without the notebook's author
// thinking about it: column headers from the published-table dictionary (marts.json), categories
// in the order of their meaning (age bands by age, weekdays and months in calendar order), and
// how a column's numbers are read (a year, a share, a relative change). Pure (no import): used
// by notebook.js and by src/site/publish_marts.ts, tested under Deno.

/**
 * Short French headers of the published columns (marts.json `label`), where the dictionary's
 * description is a sentence (« personnes différentes venues ce jour de la semaine dans l'année »).
 */
export const COLUMN_LABELS = {
  scope: "Périmètre",
  scope_level: "Niveau",
  structure_id: "Structure",
  year: "Année",
  month: "Mois",
  weekday: "Jour (1 = lundi)",
  weekday_name: "Jour",
  age_band: "Tranche d'âge",
  public: "Public",
  participants: "Participants",
  visits: "Passages",
  person_hours: "Heures de présence",
  qpv_share: "Part en QPV",
  volunteers: "Bénévoles",
  volunteer_hours: "Heures de bénévolat",
  indicator_id: "Indicateur",
  label: "Libellé",
  value: "Valeur",
  baseline: "Référence 2017–2018",
  baseline_years: "Années de référence",
  change_abs: "Écart à la référence",
  change_rel: "Écart relatif",
  direction: "Sens",
  trend: "Lecture",
  suppressed: "Masquée",
  complete: "Complète",
  numerator: "Numérateur",
  denominator: "Dénominateur",
  structures_in_scope: "Structures du périmètre",
  structures_with_data: "Structures avec données",
  secret: "Champs masqués",
};

const capitalise = (text) => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** « tranche d'âge (âge atteint dans l'année) » → « Tranche d'âge »: the first clause, capitalised. */
export function labelFromDescription(description) {
  const first = String(description ?? "").split(/\s*[(:;]\s*/)[0].trim();
  return capitalise(first);
}

/** « heures_par_benevole » → « Heures par benevole »: the last resort for a computed column. */
export function humanise(column) {
  return capitalise(String(column).replace(/_+/g, " ").trim());
}

/**
 * Column → header from the published-table catalogue (marts.json): each column's `label` when
 * published, else the first clause of its description. The first table defining a column wins.
 *
 * @param {{tables?: {columns: {name: string, label?: string, description?: string}[]}[]}|null} catalogue
 * @returns {Record<string, string>}
 */
export function dictionaryLabels(catalogue) {
  const out = {};
  for (const table of catalogue?.tables ?? []) {
    for (const c of table.columns ?? []) {
      if (out[c.name] == null) out[c.name] = c.label ?? COLUMN_LABELS[c.name] ?? labelFromDescription(c.description);
    }
  }
  return out;
}

/**
 * The header of a column: the notebook's own `labels` first, then the dictionary, then the short
 * labels above, then the name made readable.
 *
 * @param {string} column
 * @param {Record<string, string>} [dictionary] see {@link dictionaryLabels}
 * @param {Record<string, string>} [labels] the notebook's labels for its computed columns
 */
export function columnLabel(column, dictionary = {}, labels = {}) {
  return labels[column] ?? dictionary[column] ?? COLUMN_LABELS[column] ?? humanise(column);
}

/** How a column's numbers read: a year (« 2024 », never « 2 024 »), a relative change, a share. */
export function columnKind(column) {
  const name = String(column);
  if (/(^|_)(year|annee)$/.test(name)) return "year";
  if (/(^|_)change_rel$|(^|_)ecart_rel(atif)?$/.test(name)) return "change";
  if (/(^|_)(share|part|taux)$|_share$|^part_/.test(name)) return "share";
  return "number";
}

export const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
export const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const UNKNOWN = /^(inconnu|non renseign|âge inconnu|autre|ensemble|total)/i;

/**
 * Where a category falls in its natural order, or null when it has none: age bands by their
 * lower bound (« moins de 6 ans », « 6-11 ans » … « 60 ans et plus »), weekdays from Monday
 * (« lundi à vendredi » with Monday), months in calendar order (« mars 2024 » by year then month),
 * « inconnu », « total » and the like last.
 *
 * @param {unknown} value
 * @returns {number|null}
 */
export function categoryRank(value) {
  if (value == null) return Infinity;
  if (typeof value === "number") return value;
  const text = String(value).trim().toLowerCase();
  if (UNKNOWN.test(text)) return Infinity;
  const under = /^moins de (\d+)/.exec(text);
  if (under) return -1 / (1 + Number(under[1]));
  const age = /^(\d+)\s*(?:[-–]|à|ans)/.exec(text);
  if (age) return Number(age[1]);
  const day = WEEKDAYS.findIndex((d) => text.startsWith(d));
  if (day >= 0) return day;
  const month = MONTHS.findIndex((m) => text.startsWith(m));
  if (month >= 0) {
    const year = /(\d{4})/.exec(text);
    return (year ? Number(year[1]) * 12 : 0) + month;
  }
  return null;
}

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/** Compares two categories by meaning; categories without a natural order in French alphabetical order. */
export function compareCategories(a, b) {
  const ra = categoryRank(a);
  const rb = categoryRank(b);
  if (ra != null && rb != null && ra !== rb) return ra - rb;
  if (ra != null && rb == null) return UNKNOWN.test(String(a)) ? 1 : -1;
  if (ra == null && rb != null) return UNKNOWN.test(String(b)) ? -1 : 1;
  return collator.compare(String(a ?? ""), String(b ?? ""));
}

/**
 * The distinct values of a column in the order of their meaning (regression: « 6-11 ans » came
 * after « 26-59 ans » when sorted as text).
 *
 * @param {unknown[]} values
 */
export function categoryOrder(values) {
  return [...new Set(values)].sort(compareCategories);
}

/**
 * Rows sorted by the meaning of their categories, column after column (stable: rows equal on
 * every column keep their order).
 *
 * @param {object[]} rows
 * @param {string[]} columns
 */
export function sortByMeaning(rows, columns) {
  return rows
    .map((row, i) => ({row, i}))
    .sort((a, b) => {
      for (const c of columns) {
        const d = compareCategories(a.row[c], b.row[c]);
        if (d) return d;
      }
      return a.i - b.i;
    })
    .map((x) => x.row);
}
