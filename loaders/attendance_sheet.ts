/**
 * Loader for typed attendance sheets (feuilles d'émargement): one line per person and session.
 * The person is pseudonymised from name and birth year; the neighbourhood becomes a QPV flag.
 *
 * A sheet with a « N° adhérent » column links each numbered line to the structure's member list:
 * the person's pseudonym is then the one the membership list gives that number
 * (registrations_memberships.ts, memberships_association_software.ts), and a number absent from
 * the member lists loaded for the structure refuses its line (a typo, a placeholder « 999 »).
 * The number is never stored nor repeated in a message.
 */
import { z } from "zod";
import type {
  CheckContext,
  LoadContext,
  LoaderSpec,
  RecordCheck,
  TableRow,
} from "../src/ingest/loader_spec.ts";
import { MEMBER_NUMBER_ALIASES } from "./registrations_memberships.ts";

/** Pseudonym of a member number, the same as the membership lists' (`logiciel-gestion` scheme). */
export function memberPersonRef(ctx: LoadContext, memberNumber: string): string {
  return ctx.pseudonym(["logiciel-gestion", ctx.structureId!, memberNumber]);
}

/** Refuses the lines whose member number is in none of the structure's member lists. */
async function checkMemberNumbers(
  records: readonly { line: number; record: { member_id: string | null } }[],
  ctx: CheckContext,
): Promise<RecordCheck[]> {
  const numbered = records.filter((r) => r.record.member_id !== null);
  if (numbered.length === 0) return [];
  const [structure] = await ctx.query("SELECT name FROM stg_structures WHERE structure_id = $1", [
    ctx.structureId,
  ]);
  const name = structure ? String(structure.name) : ctx.structureId;
  const members = await ctx.query("SELECT DISTINCT person_ref FROM stg_memberships WHERE structure_id = $1", [
    ctx.structureId,
  ]);
  if (members.length === 0) {
    return [{
      line: null,
      field: "member_id",
      severity: "avertissement",
      message: `aucune liste des adhérents de ${name} n'est chargée : les N° adhérent de cette feuille ne ` +
        "sont pas vérifiés ; chargez d'abord la liste des adhésions de la structure pour qu'ils le soient",
    }];
  }
  const known = new Set(members.map((m) => String(m.person_ref)));
  return numbered.filter((r) => !known.has(memberPersonRef(ctx, r.record.member_id!))).map((r) => ({
    line: r.line,
    field: "member_id",
    severity: "erreur",
    // The number is not repeated: it identifies a person within the structure.
    message: `N° adhérent inconnu dans la liste des adhérents de ${name} : ce numéro ne figure dans ` +
      "aucune liste d'adhésions chargée ; corrigez-le (faute de frappe ?) ou videz la case et gardez nom et prénom",
  }));
}

const schema = z.object({
  date: z.string(),
  member_id: z.string().nullable(),
  last_name: z.string().min(1),
  first_name: z.string().min(1),
  birth_year: z.number().int().min(1900, { error: "année de naissance invalide" })
    .max(2030, { error: "année de naissance invalide" }).nullable(),
  neighbourhood: z.string().nullable(),
  activity: z.string().nullable(),
  hours: z.number().nullable(),
});

export const attendanceSheetLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "attendance",
  format: "feuille-emargement",
  label: "feuille d'émargement",
  tables: {
    stg_attendance: ["structure_id", "record_ref"],
    stg_people: ["structure_id", "person_ref"],
  },
  periodColumn: "visit_date",
  needsStructure: true,
  fields: {
    date: { type: "date", aliases: ["Date", "Date de la séance", "Jour"], required: true },
    // The member lists' own spellings (registrations_memberships.ts), so one header fits both.
    member_id: {
      type: "text",
      aliases: [...MEMBER_NUMBER_ALIASES, "Numéro de membre"],
      optional: true,
      personal: true,
    },
    // Still required with a member number: the sheet is read by people, who sign by name.
    last_name: { type: "text", aliases: ["Nom"], required: true, personal: true },
    first_name: { type: "text", aliases: ["Prénom"], required: true, personal: true },
    birth_year: {
      type: "number",
      aliases: ["Année de naissance", "Année naissance"],
      optional: true,
      lenient: true,
      personal: true,
    },
    neighbourhood: { type: "text", aliases: ["Quartier", "Secteur"], optional: true },
    activity: { type: "text", aliases: ["Atelier", "Activité", "Action"], optional: true },
    hours: { type: "duration", aliases: ["Durée", "Durée (h)", "Heures", "Temps"], required: true },
  },
  schema,
  check: checkMemberNumbers,
  toRows(r, ctx): TableRow[] {
    const birth = r.birth_year === null ? "" : String(r.birth_year);
    const personRef = r.member_id !== null
      ? memberPersonRef(ctx, r.member_id)
      : ctx.pseudonym(["emargement", ctx.structureId!, r.last_name, r.first_name, birth]);
    const visit: TableRow = {
      table: "stg_attendance",
      row: {
        structure_id: ctx.structureId,
        // A sheet has no line id: the same person, day, workshop and duration is one visit.
        record_ref: `feuille:${ctx.pseudonym([personRef, r.date, r.activity ?? "", String(r.hours)])}`,
        person_ref: personRef,
        activity_label: r.activity,
        visit_date: r.date,
        hours: r.hours,
        state: "present",
        is_presence: true,
      },
    };
    // A member's attributes come from the member list and the people export of the structure
    // (same person_ref): a sheet's line must not overwrite their richer row in stg_people.
    if (r.member_id !== null) return [visit];
    return [
      visit,
      {
        table: "stg_people",
        row: {
          structure_id: ctx.structureId,
          person_ref: personRef,
          person_key: personRef,
          birth_year: r.birth_year,
          postcode: null,
          lives_in_qpv: r.neighbourhood ? ctx.qpvOf(r.neighbourhood) !== null : null,
          // A sign-in sheet says nothing of sex, residence or family quotient.
          sex: null,
          commune_insee: null,
          qf_band: null,
        },
      },
    ];
  },
};
