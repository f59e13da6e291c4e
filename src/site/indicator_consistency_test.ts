import assert from "node:assert/strict";
import { checkShownValues, type MartLookup, numberPart, type ShownValue } from "./indicator_consistency.ts";

/** The sample site's marts for the discrepancies issue 14 observed (values from the warehouse). */
const MART: Record<string, { value: number | null; suppressed: boolean; unit: string }> = {
  "effet_levier_caf|cooperation|2025": { value: 1.4412, suppressed: false, unit: "€ par € CAF" },
  "effet_levier_caf|cluster|2025": { value: 1.4412, suppressed: false, unit: "€ par € CAF" },
  "diversite_ages|cluster|2025": { value: 1.6312, suppressed: false, unit: "indice" },
  "diversite_ages|departement|2025": { value: 1.6312, suppressed: false, unit: "indice" },
  "heures_benevolat|ors|2025": { value: 2784.5, suppressed: false, unit: "heures" },
  "temoignages_consentis|cooperation|2025": { value: 136, suppressed: false, unit: "témoignages" },
  "participants_uniques|cooperation|baseline": { value: 1586.5, suppressed: false, unit: "personnes" },
  "part_cdi|ors|2025": { value: null, suppressed: true, unit: "part (0-1)" },
  "benevoles_actifs|ors|2025": { value: null, suppressed: true, unit: "personnes" },
};
const lookup: MartLookup = (indicator, scope, year) => MART[`${indicator}|${scope}|${year}`];
const shown = (page: string, key: string, text: string, withUnit = true): ShownValue => {
  const [indicator, scope, year] = key.split("|");
  return { page, indicator, scope, year: year === "baseline" ? "baseline" : Number(year), text, withUnit };
};

Deno.test("the values the fixed site shows pass the cross-page check", () => {
  const good = [
    shown("/cooperation", "effet_levier_caf|cooperation|2025", "1,44\u00a0€ par € CAF"),
    shown("/cluster", "effet_levier_caf|cluster|2025", "1,44 € par € CAF"),
    shown("/cluster", "diversite_ages|cluster|2025", "1,63"),
    shown("/departement", "diversite_ages|departement|2025", "1,63"),
    shown("/structures/ors", "heures_benevolat|ors|2025", "2\u202f785", false),
    shown("/cooperation", "heures_benevolat|ors|2025", "2 785 heures"),
    shown("/socle-commun", "participants_uniques|cooperation|baseline", "1 587 personnes"),
    shown("/structures/ors", "part_cdi|ors|2025", "masqué"),
    shown("/structures/ors", "benevoles_actifs|ors|2025", "< 5", false),
  ];
  assert.deepEqual(checkShownValues(good, lookup), []);
});

Deno.test("CAF leverage « 1 € » on Cluster beside « 1,44 € par € CAF » fails", () => {
  const problems = checkShownValues([
    shown("/cooperation", "effet_levier_caf|cooperation|2025", "1,44 € par € CAF"),
    shown("/cluster", "effet_levier_caf|cluster|2025", "1 €"),
  ], lookup);
  assert.deepEqual(problems, [
    "/cluster : effet_levier_caf, cluster, 2025 : « 1 € » affiché, « 1,44 € par € CAF » attendu (entrepôt : 1.4412)",
  ]);
});

Deno.test("age diversity 1,6 on Cluster and 1,63 on Département fails, twice", () => {
  const problems = checkShownValues([
    shown("/cluster", "diversite_ages|cluster|2025", "1,6"),
    shown("/departement", "diversite_ages|departement|2025", "1,63"),
    shown("/chaine-valeur", "diversite_ages|cluster|2025", "1,63"),
  ], lookup);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /^\/cluster : diversite_ages, cluster, 2025 : « 1,6 » affiché, « 1,63 » attendu/);
  assert.equal(
    problems[1],
    "diversite_ages, cluster, 2025 : lu différemment selon la page (/cluster « 1,6 », /chaine-valeur « 1,63 »)",
  );
});

Deno.test("the Ors' volunteer hours 2 784,5 on its page and 2 785 on La Coopération fails", () => {
  const problems = checkShownValues([
    shown("/structures/ors", "heures_benevolat|ors|2025", "2 784,5", false),
    shown("/cooperation", "heures_benevolat|ors|2025", "2 785", false),
  ], lookup);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /« 2 784,5 » affiché, « 2 785 » attendu/);
  assert.match(
    problems[1],
    /lu différemment selon la page \(\/structures\/ors « 2 784,5 », \/cooperation « 2 785 »\)/,
  );
});

Deno.test("testimonies 377 on Enquêtes read as La Coopération's 2025 indicator (136) fails", () => {
  const problems = checkShownValues([
    shown("/enquetes", "temoignages_consentis|cooperation|2025", "377", false),
    shown("/cooperation", "temoignages_consentis|cooperation|2025", "136 témoignages"),
  ], lookup);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /« 377 » affiché, « 136 » attendu/);
});

Deno.test("a 2017–2018 mean of people shown as half a person fails", () => {
  const problems = checkShownValues(
    [shown("/socle-commun", "participants_uniques|cooperation|baseline", "1 586,5 personnes")],
    lookup,
  );
  assert.deepEqual(problems, [
    "/socle-commun : participants_uniques, cooperation, référence 2017–2018 : « 1 586,5 personnes » affiché, « 1 587 personnes » attendu (entrepôt : 1586.5)",
  ]);
});

Deno.test("« < 5 » in a percentage row and « masqué » for a count fail", () => {
  const problems = checkShownValues([
    shown("/structures/ors", "part_cdi|ors|2025", "< 5"),
    shown("/structures/ors", "benevoles_actifs|ors|2025", "masqué", false),
  ], lookup);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /part_cdi, ors, 2025 : « < 5 » affiché, « masqué » attendu/);
  assert.match(problems[1], /benevoles_actifs, ors, 2025 : « masqué » affiché, « < 5 » attendu/);
});

Deno.test("« 17 du cluster » on the home page against the cluster's 9 structures fails", () => {
  const facts = [
    { page: "/", fact: "cluster_network_structures", text: "17" },
    { page: "/cluster", fact: "cluster_network_structures", text: "9" },
  ];
  assert.deepEqual(checkShownValues([], lookup, { facts }), [
    "cluster_network_structures : lu différemment selon la page (/ « 17 », /cluster « 9 »)",
  ]);
  assert.deepEqual(checkShownValues([], lookup, { facts: [facts[1], { ...facts[1], page: "/" }] }), []);
});

Deno.test("a value the mart does not have is reported", () => {
  const problems = checkShownValues([shown("/cluster", "seances|cluster|2031", "12", false)], lookup);
  assert.deepEqual(problems, [
    "/cluster : seances, cluster, 2031 : « 12 » affiché, mais l'entrepôt n'a pas cette valeur",
  ]);
});

Deno.test("number parts compare across units and spaces", () => {
  assert.equal(numberPart("1,44\u00a0€ par € CAF"), "1,44");
  assert.equal(numberPart("2\u202f785 heures"), "2 785");
  assert.equal(numberPart("< 5"), "< 5");
  assert.equal(numberPart("44,2\u202f%"), "44,2");
});
