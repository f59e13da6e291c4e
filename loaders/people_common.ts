/**
 * What the people loaders share: the pseudonym scheme, and the minimised attributes kept of a
 * person (birth year, sex, commune INSEE code, QPV flag, family quotient band).
 *
 * @module
 */
import { z } from "zod";
import type { LoadContext, TableRow } from "../src/ingest/loader_spec.ts";
import { communeInsee } from "../src/ingest/commune_lookup.ts";
import { qfBandOf, referenceQfBands } from "../src/ingest/qf_bands.ts";

/** What every people export holds (formats add their own columns with `.extend`). */
export const personSchema = z.object({
  person_id: z.string().min(1),
  family_id: z.string().nullable(),
  last_name: z.string().min(1),
  first_name: z.string().min(1),
  birth_date: z.string().nullable(),
  sex: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  neighbourhood: z.string().nullable(),
});

/**
 * Pseudonyms of a person of a management software: `person_ref` from the software's own id
 * (per structure), `person_key` from name + birth date, which links one person across
 * structures and software. Without a birth date, `person_key` is `person_ref`: two namesakes
 * are never merged.
 */
export function personPseudonyms(
  ctx: LoadContext,
  software: string,
  p: { id: string; lastName: string; firstName: string; birthDate: string | null },
): { person_ref: string; person_key: string } {
  const personRef = ctx.pseudonym([software, ctx.structureId!, p.id]);
  const personKey = p.birthDate
    ? ctx.pseudonym(["personne", p.lastName, p.firstName, p.birthDate])
    : personRef;
  return { person_ref: personRef, person_key: personKey };
}

/** Birth year of an ISO birth date. */
export function birthYear(birthDate: string | null): number | null {
  return birthDate ? Number(birthDate.slice(0, 4)) : null;
}

const FEMALE = new Set(["f", "feminin", "femme", "fille", "mme", "madame", "mlle", "mademoiselle"]);
const MALE = new Set(["h", "m", "masculin", "homme", "garcon", "mr", "monsieur"]);

/**
 * Sex as « F » / « H » from what exports write (« F », « Féminin », « Mme », « M », « Masculin »,
 * « Garçon »…); null when empty or unreadable.
 */
export function sexOf(value: string | null): "F" | "H" | null {
  if (value === null) return null;
  const word = value.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]/g, "");
  if (FEMALE.has(word)) return "F";
  if (MALE.has(word)) return "H";
  return null;
}

/** Warnings about the minimised attributes of a record (never rejections). */
export function residenceWarnings(r: {
  sex?: string | null;
  postcode: string | null;
  town: string | null;
  qf?: number | null;
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (r.sex && sexOf(r.sex) === null) {
    out.push({ field: "sex", message: `sexe « ${r.sex} » non reconnu (F ou H attendu) : laissé vide` });
  }
  const commune = communeInsee(r.postcode, r.town);
  if (commune.warning) out.push(commune.warning);
  if (r.qf !== undefined && r.qf !== null) {
    const qf = qfBandOf(referenceQfBands(), r.qf);
    if (qf.warning) out.push({ field: "qf", message: qf.warning });
  }
  return out;
}

/** Commune INSEE code (null when unknown). */
export function communeOf(postcode: string | null, town: string | null): string | null {
  return communeInsee(postcode, town).code;
}

/** Family quotient band of an amount (null when unknown). */
export function qfBand(qf: number | null): string | null {
  return qf === null ? null : qfBandOf(referenceQfBands(), qf).band;
}

/** What a people export says about one person, before minimisation. */
export interface PersonRecord {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  sex: string | null;
  postcode: string | null;
  town: string | null;
  neighbourhood: string | null;
  qf: number | null;
}

/**
 * The `stg_people` row of a person: pseudonyms and minimised attributes only.
 *
 * @example
 * ```ts
 * personRow(ctx, "noethys", { id: "12", lastName: "Martin", ... }).row.birth_year // 1984
 * ```
 */
export function personRow(ctx: LoadContext, software: string, p: PersonRecord): TableRow {
  return {
    table: "stg_people",
    row: {
      structure_id: ctx.structureId,
      ...personPseudonyms(ctx, software, p),
      birth_year: birthYear(p.birthDate),
      postcode: p.postcode,
      lives_in_qpv: p.neighbourhood ? ctx.qpvOf(p.neighbourhood) !== null : null,
      sex: sexOf(p.sex),
      commune_insee: communeOf(p.postcode, p.town),
      qf_band: qfBand(p.qf),
    },
  };
}
