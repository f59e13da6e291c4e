/**
 * The columns of a collection template, derived from a loader's declaration: the first alias of
 * each field is the header the template writes (the loader reads it back), the field type gives
 * the cell format and the check Excel applies, and the allowed values come from the loader
 * (`FieldSpec.values`, or a Zod enum in its schema) or from the structure's vocabularies.
 *
 * @module
 */
import type { FieldSpec, FieldType, LoaderSpec } from "../ingest/loader_spec.ts";

/** How Excel checks a cell as it is typed. */
export type CellCheck =
  | { kind: "list"; values: readonly string[]; strict: boolean }
  | { kind: "date" }
  | { kind: "decimal"; min: number; max?: number }
  | { kind: "whole"; min: number; max?: number }
  | { kind: "none" };

/** One column of a template. */
export interface TemplateColumn {
  field: string;
  /** The header written in the template: the loader's first alias. */
  header: string;
  type: FieldType;
  /** A value is needed on every line (the loader rejects the line without it). */
  mandatory: boolean;
  /** Personal data (a name): the guide says it is pseudonymised at loading. */
  personal: boolean;
  check: CellCheck;
  /** Excel number format of the cells. */
  format: string | null;
  /** Width in characters. */
  width: number;
}

/** Lists a template may draw from besides the loader's own values. */
export interface Vocabularies {
  /** Names of the structures of the registry. */
  structures: readonly string[];
  /** Actions and workshops of the structure's catalogue (or the reference themes). */
  activities: readonly string[];
  /** Volunteer missions (keywords of the valuation grades). */
  missions: readonly string[];
}

/** Which vocabulary fills a field's list (per template). */
export type VocabularyName = keyof Vocabularies;

/** Zod 4 internals read here: the definition's type and inner schema. */
interface ZodLike {
  def?: { type?: string; shape?: Record<string, ZodLike>; innerType?: ZodLike; in?: ZodLike };
  options?: readonly unknown[];
}

/**
 * The options of a field declared as a Zod enum in the loader's object schema (through
 * nullable, optional and pipes), or null.
 *
 * @example
 * ```ts
 * zodEnumValues(z.object({ a: z.enum(["x", "y"]).nullable() }), "a") // ["x", "y"]
 * ```
 */
export function zodEnumValues(schema: unknown, field: string): string[] | null {
  let node = (schema as ZodLike).def?.shape?.[field];
  for (let depth = 0; node && depth < 8; depth++) {
    const type = node.def?.type;
    if (type === "enum") return (node.options ?? []).map(String);
    node = type === "pipe" ? node.def?.in : node.def?.innerType;
  }
  return null;
}

/** The values a loader accepts for a field, or null when any text goes. */
export function allowedValues(
  spec: LoaderSpec,
  field: string,
): { values: readonly string[]; strict: boolean } | null {
  const fieldSpec: FieldSpec = spec.fields[field];
  if (fieldSpec.values) return { values: fieldSpec.values, strict: !fieldSpec.valuesOpen };
  const fromZod = zodEnumValues(spec.schema, field);
  if (fromZod) return { values: fromZod, strict: true };
  if (fieldSpec.type === "flag") return { values: ["oui", "non"], strict: true };
  return null;
}

/** Cell formats: dates shown jj/mm/aaaa; text and months kept as typed (Excel does not turn « 03/2025 » or « 0612 » into something else). */
const FORMATS: Partial<Record<FieldType, string>> = {
  date: "dd/mm/yyyy",
  month: "@",
  text: "@",
  duration: "0.00",
};

/** Options of {@link templateColumns}. */
export interface ColumnOptions {
  /** Fields in template order (default: every field of the loader, in declaration order). */
  fields?: readonly string[];
  /** Fields whose list comes from a vocabulary (when it is not empty). */
  lists?: Partial<Record<string, VocabularyName>>;
  /** Checks that replace the type's default one (integer counts…). */
  checks?: Partial<Record<string, CellCheck>>;
  /** Column widths in characters (default from the header). */
  widths?: Partial<Record<string, number>>;
}

/**
 * The columns of a template for `spec`.
 *
 * @example
 * ```ts
 * templateColumns(staffLoader, vocabularies).find((c) => c.field === "contract")?.check
 * // { kind: "list", values: ["CDI", "CDD", …], strict: true }
 * ```
 */
export function templateColumns(
  spec: LoaderSpec,
  vocabularies: Vocabularies,
  options: ColumnOptions = {},
): TemplateColumn[] {
  const fields = options.fields ?? Object.keys(spec.fields);
  return fields.map((field) => {
    const fieldSpec = spec.fields[field];
    if (!fieldSpec) throw new Error(`champ « ${field} » inconnu du chargeur ${spec.format}`);
    const header = fieldSpec.aliases[0];
    const vocabulary = options.lists?.[field];
    const allowed = allowedValues(spec, field);
    let check: CellCheck = { kind: "none" };
    if (allowed) check = { kind: "list", ...allowed };
    else if (vocabulary && vocabularies[vocabulary].length > 0) {
      check = { kind: "list", values: vocabularies[vocabulary], strict: false };
    } else if (fieldSpec.type === "date") check = { kind: "date" };
    else if (fieldSpec.type === "number" || fieldSpec.type === "duration") {
      check = { kind: "decimal", min: 0 };
    }
    check = options.checks?.[field] ?? check;
    return {
      field,
      header,
      type: fieldSpec.type,
      mandatory: fieldSpec.required === true && fieldSpec.optional !== true,
      personal: fieldSpec.personal === true,
      check,
      format: FORMATS[fieldSpec.type] ?? null,
      width: options.widths?.[field] ?? Math.max(12, Math.min(40, header.length + 4)),
    };
  });
}
