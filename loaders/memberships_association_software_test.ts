/**
 * Member lists of association software (Paheko, HelloAsso): detected as memberships rather than
 * time-bank members, rows checked with French messages, members pseudonymised like the
 * structures' own membership lists, payments cancelled or refunded not counted.
 */
import assert from "node:assert/strict";
import { encodeText } from "../src/sample/csv.ts";
import { withInbox } from "../tests/support/with_inbox.ts";
import { isVoidStatus } from "./memberships_association_software.ts";

const FIXTURES = new URL("../tests/fixtures/memberships/", import.meta.url);
const fixture = (name: string) => Deno.readFile(new URL(name, FIXTURES));

const MEMBERS = `SELECT source_line, membership_type AS type, membership_type_label AS label,
  CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date, amount, birth_year,
  commune_insee, person_ref, person_key FROM stg_memberships ORDER BY source_line`;

Deno.test("a Paheko member list (Numéro de membre, Nom & prénom, Adresse E-Mail…) loads as memberships, not as time-bank members", async () => {
  await withInbox("paheko_observed_", async ({ ingest, query }) => {
    const [r] = await ingest("membres.csv", await fixture("paheko_membres_observe.csv"));
    assert.deepEqual([r.kind, r.format, r.status], [
      "registrations",
      "adherents-logiciel-associatif",
      "loaded",
    ]);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [3, 3, 0]);
    // No « colonne inconnue »: every column of the layout is known.
    assert.deepEqual(r.issues.filter((i) => i.message.startsWith("colonne inconnue")), []);
    const [{ n }] = await query("SELECT count(*) AS n FROM stg_timebank_members");
    assert.equal(Number(n), 0);
    const rows = await query(MEMBERS);
    assert.deepEqual(rows.map((x) => [x.source_line, x.type, x.label, x.start_date]), [
      [2, "autre", "Membres actifs", "2023-09-12"],
      [3, "autre", "Membres actifs", "2023-10-03"],
      [4, "bénévole", null, "2024-01-15"],
    ]);
  });
});

Deno.test("an Accorderie member list with contact columns still loads as time-bank members", async () => {
  await withInbox("accorderie_contacts_", async ({ ingest, query }) => {
    const csv = [
      "N° accordeur;Nom;Prénom;Date d'adhésion;Sexe;Téléphone;E-mail;Tranche de revenus;Quartier",
      "12;DUPONT;Martine;15/03/2019;F;06 01 02 03 04;martine.dupont@exemple.org;moins de 800 €;La Monnaie",
      "34;BENALI;Karim;02/09/2021;H;;;800 - 1200 €;Les Balmes",
    ].join("\n") + "\n";
    const [r] = await ingest("accordeurs.csv", encodeText(csv, "utf-8"));
    assert.deepEqual([r.kind, r.status, r.rowsLoaded], ["timebank_members", "loaded", 2]);
    const [{ n }] = await query("SELECT count(*) AS n FROM stg_memberships");
    assert.equal(Number(n), 0);
  });
});

Deno.test("a Paheko export with every contact column: categories, fees and communes kept, a bad date refused", async () => {
  await withInbox("paheko_full_", async ({ ingest, query }) => {
    const [r] = await ingest("paheko.csv", await fixture("paheko_membres_2024.csv"));
    assert.deepEqual([r.kind, r.format, r.status], [
      "registrations",
      "adherents-logiciel-associatif",
      "partial",
    ]);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [4, 3, 1]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value, i.message]),
      [[5, "Date d'inscription", "30/02/2024", "« 30/02/2024 » : le 30 février 2024 n'existe pas"]],
    );
    const rows = await query(MEMBERS);
    assert.deepEqual(
      rows.map((x) => [x.source_line, x.type, x.label, x.start_date, x.amount, x.commune_insee]),
      [
        [2, "autre", "Membres actifs", "2024-09-02", 15, "26281"],
        [3, "individuelle", null, "2024-09-05", 10, "26057"],
        [4, "familiale", null, "2024-09-14", 25, "26281"],
      ],
    );
  });
});

Deno.test("HelloAsso payment lines: the member, not the payer, is the adherent; refunded and unidentifiable lines refused", async () => {
  await withInbox("helloasso_", async ({ ingest, query }) => {
    const [r] = await ingest("helloasso.csv", await fixture("helloasso_adhesions_2024.csv"));
    assert.deepEqual([r.kind, r.format, r.status], [
      "registrations",
      "adherents-logiciel-associatif",
      "partial",
    ]);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [5, 3, 2]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value, i.message]),
      [
        [
          4,
          "Statut de la commande",
          "Remboursé",
          "commande annulée, remboursée ou refusée : aucune adhésion n'est comptée pour cette ligne",
        ],
        [
          6,
          "Nom adhérent",
          null,
          "ni numéro de membre, ni date de naissance, ni e-mail, ni téléphone : impossible " +
          "d'identifier l'adhérent sans risque de confondre deux homonymes",
        ],
      ],
    );
    const rows = await query(MEMBERS);
    assert.deepEqual(
      rows.map((x) => [x.source_line, x.type, x.label, x.start_date, x.amount, x.birth_year]),
      [
        [2, "individuelle", null, "2024-09-02", 15, 1961],
        [3, "autre", "Adhésion enfant", "2024-09-05", 5, null],
        [5, "autre", "Adhésion enfant", "2024-09-10", 5, null],
      ],
    );
    // Two children paid by the same parent stay two members.
    assert.notEqual(rows[1].person_ref, rows[2].person_ref);
  });
});

Deno.test("a member number gives the same pseudonym as in the structure's own membership list", async () => {
  await withInbox("paheko_link_", async ({ ingest, query }) => {
    const own =
      "N° adhérent;Nom;Prénom;Date d'adhésion;Type d'adhésion\nA0012;MARTIN;Julie;02/09/2023;Familiale\n";
    const paheko =
      "Numéro de membre;Nom & prénom;Date d'inscription;Catégorie\nA0012;MARTIN Julie;01/09/2024;Familiale\n";
    assert.equal((await ingest("adhesions.csv", encodeText(own, "utf-8")))[0].format, "liste-adhesions");
    assert.equal(
      (await ingest("paheko.csv", encodeText(paheko, "utf-8")))[0].format,
      "adherents-logiciel-associatif",
    );
    const rows = await query("SELECT DISTINCT person_ref FROM stg_memberships");
    assert.equal(rows.length, 1);
    const [{ n }] = await query("SELECT count(*) AS n FROM stg_memberships");
    assert.equal(Number(n), 2);
  });
});

Deno.test("order statuses that void a membership", () => {
  for (const s of ["Remboursé", "Annulée", "REFUSÉ", "Abandonné", "Refunded"]) assert.ok(isVoidStatus(s), s);
  for (const s of ["Validé", "Payé", "Autorisé", "En attente"]) assert.ok(!isVoidStatus(s), s);
});
