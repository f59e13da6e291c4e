/**
 * Every loader, one per kind of export. Order matters for detection: when a file fits several
 * kinds, the one matching the most columns wins, and ties go to the first listed here.
 */
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { structuresLoader } from "./structures.ts";
import { peopleNoethysLoader } from "./people.ts";
import { peopleLabelledLoader } from "./people_labelled.ts";
import { householdsNoethysLoader } from "./households.ts";
import { registrationsNoethysLoader } from "./registrations.ts";
import { membershipsLoader } from "./registrations_memberships.ts";
import { membershipsSoftwareLoader } from "./memberships_association_software.ts";
import { attendanceNoethysLoader } from "./attendance_noethys.ts";
import { attendanceSheetLoader } from "./attendance_sheet.ts";
import { volunteeringLoader } from "./volunteering.ts";
import { headcountsLoader } from "./headcounts.ts";
import { activitiesLoader } from "./activities.ts";
import { activitiesNoethysLoader } from "./activities_noethys.ts";
import { staffLoader } from "./staff.ts";
import { partnershipsLoader } from "./partnerships.ts";
import { clusterTiesLoader } from "./cluster_ties.ts";
import { territoryInseeLoader } from "./territory_insee.ts";
import { testimoniesLoader } from "./testimonies.ts";
import { timebankMembersLoader } from "./timebank_members.ts";
import { timebankExchangesLoader } from "./timebank_exchanges.ts";
import { senacsLoader } from "./senacs.ts";
import { iso26000Loader } from "./iso26000.ts";
import { financesLedgerLoader } from "./finances_ledger.ts";
import { financesFecAmountSenseLoader, financesFecLoader } from "./finances_fec.ts";
import { financesBudgetLoader } from "./finances_budget.ts";
import { financesFundersLoader } from "./finances_funders.ts";
import { financesScdlLoader } from "./finances_scdl.ts";
import { surveyFormChoicesLoader, surveyFormItemsLoader, surveyFormSettingsLoader } from "./survey_form.ts";
import { surveyAnswerLoaders } from "./survey_answers.ts";
import { koboRepeatLoader } from "./survey_tools/kobo_repeats.ts";

// deno-lint-ignore no-explicit-any
export const LOADERS: LoaderSpec<any>[] = [
  structuresLoader,
  peopleNoethysLoader,
  peopleLabelledLoader,
  householdsNoethysLoader,
  registrationsNoethysLoader,
  membershipsLoader,
  membershipsSoftwareLoader,
  attendanceNoethysLoader,
  attendanceSheetLoader,
  volunteeringLoader,
  headcountsLoader,
  activitiesLoader,
  activitiesNoethysLoader,
  staffLoader,
  partnershipsLoader,
  clusterTiesLoader,
  territoryInseeLoader,
  testimoniesLoader,
  timebankMembersLoader,
  timebankExchangesLoader,
  financesLedgerLoader,
  financesFecLoader,
  financesFecAmountSenseLoader,
  financesBudgetLoader,
  financesFundersLoader,
  financesScdlLoader,
  senacsLoader,
  iso26000Loader,
  // Last: their signatures (`type`/`name`, `list_name`, `form_id`, `_uuid`, « Horodateur »…) are
  // narrow, and a tie must keep going to the kinds listed above.
  surveyFormItemsLoader,
  surveyFormChoicesLoader,
  surveyFormSettingsLoader,
  ...surveyAnswerLoaders,
  koboRepeatLoader,
];
