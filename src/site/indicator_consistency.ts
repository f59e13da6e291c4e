/**
 * The cross-page consistency check: every indicator value a page shows (an element carrying
 * `data-indicator`, `data-scope` and `data-year` or `data-baseline`, emitted by
 * `pages/components/value_format.js`) must read as the one formatter writes the mart's value for
 * the same indicator, scope and year, and one indicator/scope/year must read the same on every
 * page. Figures that are not indicators but are repeated across pages (`data-fact`) must read
 * the same everywhere. Pure: the browser test collects, this module judges.
 *
 * @module
 */
// @ts-types="../../tests/pages/value_format.d.ts"
import { formatIndicator } from "../../pages/components/value_format.js";

/** One value as a page shows it. */
export interface ShownValue {
  /** The page's path, e.g. « /cooperation ». */
  page: string;
  indicator: string;
  scope: string;
  /** A year, or « baseline » for the 2017–2018 reference. */
  year: number | "baseline";
  /** The element's text. */
  text: string;
  /** Whether the element writes the unit after the number (`data-with-unit`). */
  withUnit: boolean;
}

/** A figure repeated across pages that is not an indicator (`data-fact`, e.g. the cluster's coverage). */
export interface ShownFact {
  page: string;
  fact: string;
  text: string;
}

/** The mart's value for one indicator, scope and year (or baseline). */
export interface MartValue {
  value: number | null;
  suppressed: boolean;
  unit: string;
}

/** Looks up the mart; undefined when the mart has no row. */
export type MartLookup = (
  indicator: string,
  scope: string,
  year: number | "baseline",
) => MartValue | undefined;

/** Ordinary, narrow and no-break spaces all compare as one space. */
export function plainText(text: string): string {
  return text.replace(/[\u202f\u00a0\s]+/g, " ").trim();
}

/** The number part of a shown value: « 1,44 » of « 1,44 € par € CAF », « < 5 », « masqué ». */
export function numberPart(text: string): string {
  const plain = plainText(text);
  const match = /^(< \d+|masqué|—|[−+-]?\d{1,3}(?: \d{3})*(?:,\d+)?)/.exec(plain);
  return match ? match[1] : plain;
}

/** What the one formatter writes for the mart's value. */
export function expectedText(mart: MartValue, withUnit: boolean, threshold = 5): string {
  return plainText(formatIndicator(mart.value, mart.unit, { masked: mart.suppressed, threshold, withUnit }));
}

const where = (v: ShownValue) =>
  `${v.page} : ${v.indicator}, ${v.scope}, ${v.year === "baseline" ? "référence 2017–2018" : v.year}`;

/**
 * Every discrepancy, in French, one message each: a value that differs from the mart's (after
 * the unit's rounding rule), a value the mart does not have, the same indicator/scope/year read
 * differently on two pages, and a repeated figure read differently on two pages.
 *
 * @example
 * ```ts
 * const problems = checkShownValues(shown, lookup);
 * // ["/cluster : effet_levier_caf, cluster, 2025 : « 1 € » affiché, « 1,44 € par € CAF » attendu (entrepôt : 1.44)"]
 * ```
 */
export function checkShownValues(
  shown: readonly ShownValue[],
  lookup: MartLookup,
  { threshold = 5, facts = [] as readonly ShownFact[] } = {},
): string[] {
  const problems: string[] = [];
  for (const v of shown) {
    const mart = lookup(v.indicator, v.scope, v.year);
    if (!mart) {
      problems.push(`${where(v)} : « ${plainText(v.text)} » affiché, mais l'entrepôt n'a pas cette valeur`);
      continue;
    }
    const want = expectedText(mart, v.withUnit, threshold);
    if (plainText(v.text) !== want) {
      problems.push(
        `${where(v)} : « ${plainText(v.text)} » affiché, « ${want} » attendu (entrepôt : ${
          mart.suppressed ? "masqué" : mart.value
        })`,
      );
    }
  }
  const groups = new Map<string, ShownValue[]>();
  for (const v of shown) {
    const key = `${v.indicator}|${v.scope}|${v.year}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const list of groups.values()) {
    const texts = new Set(list.map((v) => numberPart(v.text)));
    if (texts.size > 1) {
      problems.push(
        `${list[0].indicator}, ${list[0].scope}, ${list[0].year} : lu différemment selon la page (${
          list.map((v) => `${v.page} « ${plainText(v.text)} »`).join(", ")
        })`,
      );
    }
  }
  const factGroups = new Map<string, ShownFact[]>();
  for (const f of facts) factGroups.set(f.fact, [...(factGroups.get(f.fact) ?? []), f]);
  for (const [fact, list] of factGroups) {
    if (new Set(list.map((f) => numberPart(f.text))).size > 1) {
      problems.push(
        `${fact} : lu différemment selon la page (${
          list.map((f) => `${f.page} « ${plainText(f.text)} »`).join(", ")
        })`,
      );
    }
  }
  return problems;
}
