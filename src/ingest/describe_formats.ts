/**
 * The accepted formats, generated from the loader specs (loaders/mod.ts): for each kind and each
 * format within it, the required and optional columns with their French aliases, their types,
 * and one example line. Printed by `deno task formats` (src/cli/formats.ts) and published as the
 * page « Formats acceptés » (pages/outils/formats.md.ts), so neither can drift from the loaders.
 *
 * @module
 */
import { KIND_LABELS } from "../../pages/components/kinds.js";
import type { FieldSpec, FieldType, LoaderSpec } from "./loader_spec.ts";
import { columnName, otherAliases } from "./explain_detection.ts";

/** One column of a format, as a user reads it. */
export interface ColumnDoc {
  /** The loader's field name (English, for developers). */
  field: string;
  /** The header to write: the field's first alias. */
  name: string;
  /** The file is not of this format without this column. */
  required: boolean;
  /** The other headers accepted for it. */
  aliases: string[];
  type: FieldType;
  /** The type and its constraints in French (« date (jj/mm/aaaa) — à remplir sur chaque ligne »). */
  typeText: string;
  /** Personal data: pseudonymised or minimised at loading, never published. */
  personal: boolean;
}

/** One file format within a kind. */
export interface FormatDoc {
  format: string;
  label: string;
  /** Where the structure comes from, in French. */
  structureText: string;
  columns: ColumnDoc[];
  /** A header line and one data line, `;`-separated. */
  example: { header: string[]; values: string[] };
}

/** One kind (the `--kind` value) and its formats. */
export interface KindDoc {
  kind: string;
  label: string;
  formats: FormatDoc[];
}

/** The files the ingest reads, in French (src/ingest/read_tables.ts, src/read/). */
export const FILE_TYPES: readonly { extensions: string; text: string }[] = [
  {
    extensions: ".csv, .txt, .tsv",
    text:
      "texte délimité : séparateur détecté (point-virgule, virgule, tabulation ou barre verticale), encodage détecté (UTF-8 avec ou sans BOM, UTF-16, Windows-1252 des anciens Excel) ; valeurs entre guillemets acceptées",
  },
  {
    extensions: ".xlsx",
    text: "classeur Excel ou LibreOffice : chaque feuille est lue comme un tableau à part",
  },
  { extensions: ".xls", text: "ancien classeur Excel (97-2003) : chaque feuille est lue à part" },
];

/** How headers are found and compared (src/read/find_header.ts). */
export const HEADER_RULES =
  "L'en-tête est cherché dans les 30 premières lignes (des lignes de titre au-dessus sont permises) ; les noms de colonnes sont comparés sans tenir compte des majuscules, des accents, des espaces ni de la ponctuation ; l'ordre des colonnes est libre ; une colonne inconnue est signalée puis ignorée. Autres formats (.ods, .pdf…) : enregistrez le fichier en .xlsx ou .csv.";

const TYPE_TEXT: Record<FieldType, string> = {
  text: "texte",
  number: "nombre",
  date: "date (jj/mm/aaaa, 3 mars 2024 ou date Excel)",
  month: "mois (03/2024 ou mars 2024)",
  duration: "durée en heures (2, 1,5, 1h30 ou 90 min)",
  time: "heure (14:30 ou 14h30)",
  flag: "oui ou non",
  datetime: "date et heure (jj/mm/aaaa hh:mm:ss, ISO 8601 avec fuseau ou date Excel)",
};

/** At most `max` values, then « … (N choix) ». */
function listText(values: readonly string[], max = 6): string {
  const shown = values.slice(0, max).map((v) => `« ${v} »`).join(", ");
  return values.length > max ? `${shown}… (${values.length} choix)` : shown;
}

/** The type of a column and its constraints, in French. */
export function typeText(field: FieldSpec): string {
  const parts = [TYPE_TEXT[field.type]];
  if (field.values?.length) {
    parts.push(`${field.valuesOpen ? "par exemple" : "parmi"} ${listText(field.values)}`);
  }
  if (!field.optional) parts.push("à remplir sur chaque ligne");
  if (field.personal) parts.push("donnée personnelle, jamais publiée");
  return parts.join(" — ");
}

/**
 * An example value of a column, from its type, its values or its name — never typed per loader.
 * `published`: for the site, dates written « jj/mm/aaaa » (any full date could be someone's birth
 * date, as in the collection kit's guides).
 */
export function exampleValue(name: string, field: FieldSpec, published = false): string {
  if (field.values?.length) return field.values[0];
  const words = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (/^annee\b/.test(words)) return "2024";
  switch (field.type) {
    case "date":
      return published ? "jj/mm/aaaa" : "15/03/2024";
    case "month":
      return published ? "mm/aaaa" : "03/2024";
    case "duration":
      return "1,5";
    case "time":
      return "14:30";
    case "datetime":
      return published ? "jj/mm/aaaa hh:mm" : "15/03/2024 14:30";
    case "flag":
      return "oui";
    case "number":
      return "12";
  }
  if (/prenom/.test(words)) return "Camille";
  if (/insee/.test(words)) return "26281";
  if (/code postal|^cp\b|^cp_/.test(words)) return "26100";
  if (/^(sexe|genre)\b/.test(words)) return "F";
  if (/^(id|n°|no |num|code|matricule|ref|identifiant)/.test(words)) return "1042";
  if (/^nom\b/.test(words) && field.personal) return "Exemple";
  if (/quartier|secteur/.test(words)) return "Centre ancien";
  if (/commune|ville/.test(words)) return "Romans-sur-Isère";
  return field.personal ? "Exemple" : "texte";
}

/** Columns of an example line: the required ones, then optional ones up to six in all. */
const EXAMPLE_COLUMNS = 6;

/** The loaders of one format merged (survey answers come in two variants: structure by folder or column). */
function describeFormat(specs: LoaderSpec[], published: boolean): FormatDoc {
  const [first] = specs;
  const columns: ColumnDoc[] = [];
  const names = [...new Set(specs.flatMap((s) => Object.keys(s.fields)))];
  for (const field of names) {
    const spec = specs.find((s) => field in s.fields)!;
    const f = spec.fields[field];
    columns.push({
      field,
      name: columnName(field, f),
      // Required only when every variant requires it.
      required: specs.every((s) => s.fields[field]?.required === true),
      aliases: otherAliases(field, f),
      type: f.type,
      typeText: typeText(f),
      personal: f.personal === true,
    });
  }
  const byColumn = specs.some((s) => s.structureField);
  const byFolder = specs.some((s) => s.needsStructure);
  const structureText = byColumn && byFolder
    ? "structure : le dossier data/inbox/<structure>/ ou une colonne qui la nomme sur chaque ligne"
    : byColumn
    ? "structure : nommée sur chaque ligne (fichier déposé à la racine de data/inbox/)"
    : byFolder
    ? "structure : le dossier data/inbox/<structure>/ (ou --structure)"
    : "commun à toutes les structures : déposé à la racine de data/inbox/";
  const required = columns.filter((c) => c.required);
  const optional = columns.filter((c) => !c.required).slice(
    0,
    Math.max(0, EXAMPLE_COLUMNS - required.length),
  );
  const shown = columns.filter((c) => required.includes(c) || optional.includes(c));
  const fieldOf = (c: ColumnDoc) => specs.find((s) => c.field in s.fields)!.fields[c.field];
  return {
    format: first.format,
    label: first.label,
    structureText,
    columns: [...required, ...columns.filter((c) => !c.required)],
    example: {
      header: shown.map((c) => c.name),
      values: shown.map((c) => exampleValue(c.name, fieldOf(c), published)),
    },
  };
}

/**
 * Every kind of `loaders` in their order, each with its formats.
 *
 * @example
 * ```ts
 * describeFormats(LOADERS).find((k) => k.kind === "attendance")!.formats[1].example.header
 * // ["Date", "Nom", "Prénom", "Durée", "Année de naissance", "Quartier"]
 * ```
 */
export function describeFormats(
  loaders: readonly LoaderSpec[],
  options: { published?: boolean } = {},
): KindDoc[] {
  const kinds = new Map<string, Map<string, LoaderSpec[]>>();
  for (const spec of loaders) {
    const formats = kinds.get(spec.kind) ?? new Map<string, LoaderSpec[]>();
    kinds.set(spec.kind, formats);
    formats.set(spec.format, [...formats.get(spec.format) ?? [], spec]);
  }
  return [...kinds].map(([kind, formats]) => ({
    kind,
    label: (KIND_LABELS as Record<string, string>)[kind] ?? kind,
    formats: [...formats.values()].map((specs) => describeFormat(specs, options.published === true)),
  }));
}

/** « « Date » (aussi : « Jour », « Date de la séance ») — date (jj/mm/aaaa…) ». */
function columnLine(c: ColumnDoc): string {
  const aliases = c.aliases.length ? ` (aussi : ${c.aliases.map((a) => `« ${a} »`).join(", ")})` : "";
  return `    « ${c.name} »${aliases} — ${c.typeText}`;
}

/** The whole description as plain text, for the terminal. */
export function formatsText(kinds: readonly KindDoc[]): string {
  const lines = [
    "Formats acceptés par deno task ingest",
    "",
    "Fichiers :",
    ...FILE_TYPES.map((t) => `  ${t.extensions} : ${t.text}`),
    "",
    HEADER_RULES,
  ];
  for (const kind of kinds) {
    lines.push("", `== ${kind.label} (--kind ${kind.kind}) ==`);
    for (const format of kind.formats) {
      const required = format.columns.filter((c) => c.required);
      const optional = format.columns.filter((c) => !c.required);
      lines.push("", `-- ${format.label} (format ${format.format}) ; ${format.structureText}`);
      if (required.length) lines.push("  Colonnes obligatoires :", ...required.map(columnLine));
      if (optional.length) lines.push("  Colonnes facultatives :", ...optional.map(columnLine));
      lines.push(
        "  Exemple :",
        `    ${format.example.header.join(";")}`,
        `    ${format.example.values.join(";")}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}
