// The kinds of export as the pages name them (the loaders' `kind`, in French): one list for every page.

/** Export kind → French label. */
export const KIND_LABELS = {
  structures: "registre des structures",
  people: "personnes",
  households: "familles",
  registrations: "inscriptions",
  attendance: "présences",
  volunteering: "bénévolat",
  headcounts: "comptages de séances",
  activities: "catalogue des actions",
  staff: "personnel",
  partnerships: "partenariats",
  testimonies: "témoignages",
  timebank_members: "adhérents de l'Accorderie",
  timebank_exchanges: "échanges de l'Accorderie",
  finances: "finances",
  senacs: "questionnaire SENACS",
  surveys: "questionnaires",
  iso26000: "auto-évaluation ISO 26000",
  memberships: "adhésions"
};

/** The French label of an export kind (the kind itself when unknown). */
export function kindLabel(kind) {
  return KIND_LABELS[kind] ?? kind;
}
