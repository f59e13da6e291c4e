import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { foldLabel, parseSince, partnerType } from "./partnerships.ts";

const KEY = new Uint8Array(32).fill(3);
const FIXTURE = new URL("../tests/fixtures/partnerships/ors_partenariats_2024.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type;Cluster\nors;Maison de quartier des Ors;Centre social;oui\n" +
  "cs-valence;Centre social Le Polygone;Centre social;oui\n";

/** Ingests `files` (path → bytes) with the registry into a fresh in-memory warehouse. */
async function ingest(files: Record<string, Uint8Array>) {
  const dir = await Deno.makeTempDir({ prefix: "partnerships_" });
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.writeFile(join(dir, "structures.csv"), encodeText(REGISTRY, "utf-8"));
    for (const [path, bytes] of Object.entries(files)) {
      await Deno.mkdir(join(dir, path, ".."), { recursive: true });
      await Deno.writeFile(join(dir, path), bytes);
    }
    const reports = (await ingestPaths(wh.conn, { paths: [dir], key: KEY })).filter((r) =>
      r.kind === "partnerships"
    );
    const rows = await queryRows(
      wh.conn,
      `SELECT source_line, structure_id, actor, partner, partner_type, partner_type_label, subject,
         CAST(since AS VARCHAR) AS since, formal, intensity, partnership_ref
       FROM stg_partnerships ORDER BY source_line`,
    );
    return { reports, rows };
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a Windows-1252 list with a title row: rows, types, dates, French messages", async () => {
  const { reports, rows } = await ingest({ "ors/partenariats_2024.csv": await Deno.readFile(FIXTURE) });
  assert.equal(reports.length, 1);
  const [r] = reports;
  assert.equal(r.format, "liste-partenariats");
  assert.equal(r.status, "partial");
  // 15 data lines (the blank line 13 is not one); 5 rejected, one duplicate of line 4.
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [15, 9, 5, 1]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.severity, i.message, i.value]), [
    [
      3,
      "Remarques",
      "avertissement",
      "colonne inconnue « Remarques » : ignorée pour ce type d'export (liste des partenariats)",
      null,
    ],
    [
      9,
      "Partenaire",
      "erreur",
      "le partenaire ressemble à une personne privée (civilité « M. », « Mme »…) : indiquez un organisme, pas une personne (valeur non reproduite)",
      null,
    ],
    [
      12,
      "Type de partenaire",
      "avertissement",
      "type de partenaire « Fondation » inconnu : classé « autre »",
      "Fondation",
    ],
    [
      14,
      "Depuis",
      "erreur",
      "« depuis longtemps » n'est pas une date reconnue (ex. 12/03/2019, mars 2019 ou 2019)",
      "depuis longtemps",
    ],
    [
      15,
      "Convention",
      "avertissement",
      "« peut-être » n'est ni « oui » ni « non » : valeur laissée vide",
      "peut-être",
    ],
    [
      16,
      "Fréquence",
      "erreur",
      "fréquence « de temps en temps » inconnue : « ponctuel », « régulier » ou « permanent » attendu",
      "de temps en temps",
    ],
    [
      18,
      "Partenaire",
      "erreur",
      "le partenaire ressemble à une personne privée (civilité « M. », « Mme »…) : indiquez un organisme, pas une personne (valeur non reproduite)",
      null,
    ],
    [19, "Partenaire", "erreur", "valeur obligatoire manquante", null],
    [
      17,
      null,
      "avertissement",
      "ligne en double dans le fichier (même contenu que la ligne 4) : comptée une seule fois",
      null,
    ],
  ]);
  // Schema messages carry no value (the loaders' contract: only parse errors of non-personal
  // fields repeat the cell). No message and no stored value repeats a private person's name.
  assert.ok(!JSON.stringify(r).includes("Dupont") && !JSON.stringify(r).includes("Martin"));
  assert.ok(!JSON.stringify(rows).includes("Dupont"));
  const refs = new Set(rows.map((x) => x.partnership_ref));
  assert.equal(refs.size, rows.length);
  assert.deepEqual(rows.map(({ partnership_ref: _, ...x }) => x), [
    {
      source_line: 4,
      structure_id: "ors",
      actor: "ors",
      partner: "CAF de la Drôme",
      partner_type: "caf",
      partner_type_label: null,
      subject: "Accompagnement des familles",
      since: "2015-01-01",
      formal: true,
      intensity: "permanent",
    },
    {
      source_line: 5,
      structure_id: "ors",
      actor: "ors",
      partner: "Ville de Romans-sur-Isère",
      partner_type: "collectivité",
      partner_type_label: null,
      subject: "Animation du quartier",
      since: "2019-03-01",
      formal: true,
      intensity: "régulier",
    },
    {
      source_line: 6,
      structure_id: "ors",
      actor: "ors",
      partner: "Valence Romans Habitat",
      partner_type: "bailleur social",
      partner_type_label: null,
      subject: "Jardins partagés en pied d’immeuble",
      since: "2021-09-12",
      formal: false,
      intensity: "régulier",
    },
    {
      source_line: 7,
      structure_id: "ors",
      actor: "ors",
      partner: "Collège Jean Jaurès",
      partner_type: "école/établissement scolaire",
      partner_type_label: null,
      subject: "Accompagnement à la scolarité",
      since: "2018-09-01",
      formal: true,
      intensity: "ponctuel",
    },
    {
      source_line: 8,
      structure_id: "ors",
      actor: "ors",
      partner: "Les Amis du Jardin",
      partner_type: "association",
      partner_type_label: null,
      subject: "Jardin partagé",
      since: "2020-01-01",
      formal: false,
      intensity: null,
    },
    {
      source_line: 10,
      structure_id: "ors",
      actor: "ors",
      partner: "Boulangerie du Centre",
      partner_type: "entreprise",
      partner_type_label: null,
      subject: "Goûters de la fête de quartier",
      since: "2023-06-01",
      formal: false,
      intensity: "ponctuel",
    },
    {
      source_line: 11,
      structure_id: "ors",
      actor: "ors",
      partner: "Conseil citoyen des Ors",
      partner_type: "collectif d'habitants",
      partner_type_label: null,
      subject: "Fête de quartier",
      since: "2017-01-01",
      formal: false,
      intensity: "régulier",
    },
    {
      source_line: 12,
      structure_id: "ors",
      actor: "ors",
      partner: "La Ruche solidaire",
      partner_type: "autre",
      partner_type_label: "Fondation",
      subject: "Épicerie solidaire",
      since: "2021-01-01",
      formal: true,
      intensity: "régulier",
    },
    {
      source_line: 15,
      structure_id: "ors",
      actor: "ors",
      partner: "France Travail",
      partner_type: "institution/État",
      partner_type_label: null,
      subject: "Permanence emploi",
      since: "2022-01-01",
      formal: null,
      intensity: "régulier",
    },
  ]);
});

Deno.test("a cluster-wide list names the reporting actor in a Structure column (UTF-8 with BOM)", async () => {
  const csv = "\uFEFFStructure;Partenaire;Type;Action commune;Depuis quand;Conventionné;Intensité\n" +
    "Centre social Le Polygone;Ville de Valence;Mairie;Contrat de ville;2016;oui;permanent\n" +
    "cs-valence;ville de valence;collectivité;CONTRAT DE VILLE;2016;oui;permanent\n" +
    ";Drôme Aménagement Habitat;OPH;Gestion urbaine de proximité;03/2020;non;régulier\n";
  const { reports, rows } = await ingest({ "cs-valence/reseau.csv": encodeText(csv, "utf-8") });
  assert.deepEqual([reports[0].rowsLoaded, reports[0].rowsRejected, reports[0].rowsDuplicate], [3, 0, 0]);
  assert.deepEqual(
    rows.map((x) => [x.structure_id, x.actor, x.partner_type, x.since, x.formal]),
    [
      // The actor's name is kept as typed: names are resolved to ids later, against stg_structures.
      ["cs-valence", "Centre social Le Polygone", "collectivité", "2016-01-01", true],
      ["cs-valence", "cs-valence", "collectivité", "2016-01-01", true],
      // An empty Structure cell means the folder's structure.
      ["cs-valence", "cs-valence", "bailleur social", "2020-03-01", false],
    ],
  );
});

Deno.test("partner types: variants, longer labels, unknown", () => {
  const cases: [string, string | null][] = [
    ["Association", "association"],
    ["asso", "association"],
    ["Association de parents d'élèves de l'école", "association"],
    ["Collectivité territoriale", "collectivité"],
    ["Conseil départemental", "collectivité"],
    ["CCAS", "collectivité"],
    ["Institution / État", "institution/État"],
    ["Préfecture", "institution/État"],
    ["CAF", "caf"],
    ["Caisse d'allocations familiales", "caf"],
    ["Bailleur social (HLM)", "bailleur social"],
    ["Entreprise", "entreprise"],
    ["SCOP", "entreprise"],
    ["École primaire", "école/établissement scolaire"],
    ["Etablissement scolaire", "école/établissement scolaire"],
    ["Collectif d’habitants", "collectif d'habitants"],
    ["Fondation", null],
    ["", null],
  ];
  for (const [label, want] of cases) assert.equal(partnerType(label), want, label);
  assert.equal(foldLabel("  Cœur   d'Œuvre ! "), "coeur d oeuvre");
});

Deno.test("since: a date, a month, a year", () => {
  assert.equal(parseSince("2019"), "2019-01-01");
  assert.equal(parseSince("depuis 2019"), "2019-01-01");
  assert.equal(parseSince("en 2019"), "2019-01-01");
  assert.equal(parseSince("mars 2019"), "2019-03-01");
  assert.equal(parseSince("03/2019"), "2019-03-01");
  assert.equal(parseSince("12/03/2019"), "2019-03-12");
  assert.equal(parseSince("2019-03-12"), "2019-03-12");
  assert.equal(parseSince("depuis le 1er mars 2019"), "2019-03-01");
  assert.equal(parseSince("43525"), "2019-03-01"); // an Excel date cell formatted as a number
  assert.equal(parseSince("longtemps"), null);
  assert.equal(parseSince("1850"), null);
  assert.equal(parseSince("31/02/2019"), null);
});

/** Partnership list A of a structure, then its corrected list B without one partner. */
const LIST_A = [
  "Partenaire;Type de partenaire;Objet;Depuis;Fréquence",
  "Mairie de Romans-sur-Isère;Collectivité;Fête de quartier;2018;régulier",
  "CAF de la Drôme;CAF;Animation globale;2017;permanent",
  "Collège Debussy;École;Accompagnement scolaire;2020;ponctuel",
];
const LIST_B = [LIST_A[0], LIST_A[1], LIST_A[2].replace("permanent", "régulier")];
const listCsv = (lines: string[]) => encodeText(lines.join("\r\n") + "\r\n", "utf-8");

// A partnership list is a snapshot of the structure's partners (`replaceScope`): B replaces A
// whole. The two partners B still lists are updated by key, the one it dropped is removed.
Deno.test({
  name: "a corrected partnership list replaces the earlier list of the structure whole",
  fn: async () => {
    const { reports, rows } = await ingest({
      "ors/partenariats_a.csv": listCsv(LIST_A),
      "ors/partenariats_b.csv": listCsv(LIST_B),
    });
    assert.deepEqual(reports[1].superseded, [reports[0].loadId]);
    assert.equal(reports[1].rowsReplaced, 3);
    assert.deepEqual(rows.map((r) => r.partner), ["Mairie de Romans-sur-Isère", "CAF de la Drôme"]);
  },
});
