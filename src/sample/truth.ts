/**
 * Ground truth accumulated while generating, serialised as expected.json.
 */
import type { YearStats } from "./attendance.ts";
import type { Iso26000Stats } from "./iso26000_files.ts";
import type { VolunteerStats } from "./volunteering.ts";
import type { FileEntry, Inbox, MessinessEntry } from "./inbox.ts";

/** Everything expected.json states besides files and messiness. */
export class Truth {
  readonly attendance: Record<string, Record<string, YearStats>> = {};
  readonly volunteering: Record<string, Record<string, VolunteerStats>> = {};
  readonly people: Record<string, number> = {};
  sharedPeople = 0;
  /** Structure → year → head counts of open events. */
  readonly headcounts: Record<string, Record<string, HeadcountStats>> = {};
  /** Structure → its catalogue of actions. */
  readonly activities: Record<string, ActivityStats> = {};
  /** Structure → salaried staff. */
  readonly staff: Record<string, StaffStats> = {};
  /** Structure (inbox folder) → partnership lines written (all distinct, none rejected). */
  readonly partnerships: Record<string, number> = {};
  /** Canonical partner type → partnership lines of that type, all structures together. */
  readonly partnershipTypes: Record<string, number> = {};
  /** Structure → testimonies written, with consent, and per dimension code. */
  readonly testimonies: Record<string, TestimonyStats> = {};
  /** The Accorderie's time bank: members listed, exchanges and hours per year. */
  readonly timebank: TimebankStats = { members: 0, exchanges: {} };
  /** Structure → fiscal year → totals of its ledger and funders table. */
  readonly finances: Record<string, Record<string, FinanceStats>> = {};
  /** The federation's SENACS extract: year, structures answering, totals of known answers. */
  senacs: SenacsStats = {
    year: 0,
    structures: 0,
    totals: { volunteers_activity: 0, fte_total: 0, budget_total: 0 },
  };
  /** Participants' questionnaire: form, items, responses per structure and wave, choices ticked. */
  surveys: SurveyStats = { form_id: "", items: 0, responses: {}, paired: {}, activities_ticked: 0 };
  /** Structure → its membership list (« liste des adhésions »). */
  readonly memberships: Record<string, MembershipStats> = {};
  /** Structure → year → its ISO 26000 self-assessment. */
  readonly iso26000: Record<string, Record<string, Iso26000Stats>> = {};
}

/**
 * A membership list: lines written (all distinct, none rejected), lines whose person is in the
 * structure's Noethys individus (same name and birth date), lines per canonical type, fees in €.
 */
export interface MembershipStats {
  members: number;
  linked: number;
  types: Record<string, number>;
  amount: number;
}

/**
 * Participants' questionnaire: its form id, items of its survey sheet, responses written per
 * structure and wave (all distinct), respondents per structure who answered both waves with the
 * same `code_repondant`, and choices ticked in its select_multiple question.
 */
export interface SurveyStats {
  form_id: string;
  items: number;
  responses: Record<string, Record<string, number>>;
  /** Structure → respondents paired across the waves by their respondent code. */
  paired: Record<string, number>;
  activities_ticked: number;
}

/** SENACS extract: its year, rows (structures) written, and sums over known answers (« NSP » left out). */
export interface SenacsStats {
  year: number;
  structures: number;
  totals: { volunteers_activity: number; fte_total: number; budget_total: number };
}

/**
 * One structure's year in euros: charges (6xx, debit − credit), produits (7xx except 87x,
 * credit − debit), contributions_nature (debits of 86x, equal to the credits of 87x), and the
 * funders table's total and CAF part.
 */
export interface FinanceStats {
  charges: number;
  produits: number;
  contributions_nature: number;
  funding_total: number;
  caf_funding: number;
}

/** Time bank: members in the list, and per year the exchanges written and their hours. */
export interface TimebankStats {
  members: number;
  exchanges: Record<string, { count: number; hours: number }>;
}

/** Testimonies of one structure: lines, lines with consent, lines tagged with each dimension. */
export interface TestimonyStats {
  total: number;
  consented: number;
  dimensions: Record<string, number>;
}

/** Head counts of one structure and year (empty cells count as 0). */
export interface HeadcountStats {
  sessions: number;
  adults: number;
  children: number;
  qpv_inhabitants: number;
}

/** A catalogue of actions: how many, and how many per sector (canonical names). */
export interface ActivityStats {
  actions: number;
  sectors: Record<string, number>;
}

/** Salaried staff: distinct people, contract lines, and 2025 average FTE (Σ FTE × days / 365). */
export interface StaffStats {
  people: number;
  contracts: number;
  fte_2025: number;
}

/** Shape of expected.json. */
export interface Expected {
  seed: number;
  scale: number;
  files: FileEntry[];
  messiness: MessinessEntry[];
  attendance: Record<string, Record<string, YearStats>>;
  volunteering: Record<string, Record<string, VolunteerStats>>;
  people: Record<string, number>;
  shared_people: number;
  headcounts: Record<string, Record<string, HeadcountStats>>;
  activities: Record<string, ActivityStats>;
  staff: Record<string, StaffStats>;
  partnerships: Record<string, number>;
  partnership_types: Record<string, number>;
  testimonies: Record<string, TestimonyStats>;
  timebank: TimebankStats;
  finances: Record<string, Record<string, FinanceStats>>;
  senacs: SenacsStats;
  surveys: SurveyStats;
  memberships: Record<string, MembershipStats>;
  iso26000: Record<string, Record<string, Iso26000Stats>>;
  totals: {
    attendance_rows_written: number;
    attendance_rows_distinct: number;
    files: number;
  };
}

/** True for files holding attendance rows (Noethys consommations and the sign-in sheets). */
export function isAttendanceFile(path: string): boolean {
  const name = path.split("/").pop() ?? "";
  return name.startsWith("consommations") || name.startsWith("emargement");
}

/**
 * Assembles expected.json.
 * @param seed generator seed
 * @param scale volume multiplier
 * @param inbox files and defects written
 * @param truth statistics gathered from generated data
 */
export function buildExpected(seed: number, scale: number, inbox: Inbox, truth: Truth): Expected {
  let written = 0;
  for (const f of inbox.files) if (isAttendanceFile(f.path)) written += f.rows;
  let distinct = 0;
  for (const years of Object.values(truth.attendance)) {
    for (const s of Object.values(years)) distinct += s.rows;
  }
  return {
    seed,
    scale,
    files: inbox.files,
    messiness: inbox.messiness,
    attendance: truth.attendance,
    volunteering: truth.volunteering,
    people: truth.people,
    shared_people: truth.sharedPeople,
    headcounts: truth.headcounts,
    activities: truth.activities,
    staff: truth.staff,
    partnerships: truth.partnerships,
    partnership_types: truth.partnershipTypes,
    testimonies: truth.testimonies,
    timebank: truth.timebank,
    finances: truth.finances,
    senacs: truth.senacs,
    surveys: truth.surveys,
    memberships: truth.memberships,
    iso26000: truth.iso26000,
    totals: {
      attendance_rows_written: written,
      attendance_rows_distinct: distinct,
      files: inbox.files.length,
    },
  };
}
