/**
 * Membership lists (« liste des adhésions »): detection beside people exports, dates typed as text
 * or Excel serials, French messages with line and column, types normalised with unknown ones kept
 * and warned, members linked to the people exports, no name or birth date stored, and a corrected
 * list of the same season replacing the earlier one.
 */
import assert from "node:assert/strict";
import { encodeText } from "../src/sample/csv.ts";
import { withInbox } from "../tests/support/with_inbox.ts";
import { membershipTypeOf } from "./registrations_memberships.ts";

const FIXTURE = new URL("../tests/fixtures/registrations/adhesions_2024-2025.csv", import.meta.url);
const PEOPLE = new URL("../tests/fixtures/people/aiga_adherents_2024.csv", import.meta.url);
const NOETHYS = [
  "IDindividu;IDfamille;nom;prenom;date_naiss;cp_resid;ville_resid;secteur",
  "7;3;Durand;Paul;21/06/1950;26100;Romans-sur-Isère;Centre ancien",
].join("\r\n") + "\r\n";
const HEADER =
  "N° adhérent;Nom;Prénom;Date de naissance;Date d'adhésion;Fin d'adhésion;Type d'adhésion;Montant";

const MEMBERS = `SELECT source_line, membership_type AS type, membership_type_label AS label,
  CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date, amount, birth_year,
  commune_insee FROM stg_memberships ORDER BY source_line`;

Deno.test("membership types: French spellings to a small vocabulary", () => {
  assert.equal(membershipTypeOf("Familiale"), "familiale");
  assert.equal(membershipTypeOf("Adhésion familiale"), "familiale");
  assert.equal(membershipTypeOf("Famille QF1"), "familiale");
  assert.equal(membershipTypeOf("Individuelle (enfant)"), "individuelle");
  assert.equal(membershipTypeOf("INDIVIDUEL"), "individuelle");
  assert.equal(membershipTypeOf("Asso."), "association");
  assert.equal(membershipTypeOf("Personne morale"), "association");
  assert.equal(membershipTypeOf("Bénévole"), "bénévole");
  assert.equal(membershipTypeOf("Soutien"), null);
  assert.equal(membershipTypeOf("Adhésion soutien"), null);
});

Deno.test("a messy membership list: rows checked, types normalised, no name or birth date kept", async () => {
  await withInbox("memberships_", async ({ ingest, query }) => {
    const [r] = await ingest("adhesions_2024-2025.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "registrations");
    assert.equal(r.format, "liste-adhesions");
    assert.equal(r.status, "partial");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [9, 5, 3, 1]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value, i.message]),
      [
        [7, "Date d'adhésion", null, "valeur obligatoire manquante"],
        [
          8,
          "Fin d'adhésion",
          "30/09/2024",
          "la fin d'adhésion précède la date d'adhésion : vérifiez les deux dates",
        ],
        [
          10,
          "Nom",
          null,
          "ni N° adhérent ni date de naissance : impossible d'identifier l'adhérent sans risque de confondre deux homonymes",
        ],
      ],
    );
    const warnings = r.issues.filter((i) => i.severity === "avertissement").map((
      i,
    ) => [i.line, i.column, i.message]);
    assert.deepEqual(warnings.filter(([line]) => line === 9), [
      [9, "Type d'adhésion", "type d'adhésion « Soutien » inconnu : classé « autre » (libellé conservé)"],
    ]);
    assert.ok(warnings.some(([line, , m]) => line === 11 && String(m).startsWith("ligne en double")));
    assert.ok(warnings.some(([line, , m]) => line === 13 && String(m).startsWith("ligne de total")));
    assert.deepEqual(await query(MEMBERS), [
      {
        source_line: 3,
        type: "familiale",
        label: null,
        start_date: "2024-09-02",
        end_date: "2025-08-31",
        amount: 25,
        birth_year: 1982,
        commune_insee: "26281",
      },
      {
        source_line: 4,
        type: "individuelle",
        label: null,
        start_date: "2024-09-09",
        end_date: "2025-09-08",
        amount: 8,
        birth_year: 2015,
        commune_insee: "26088",
      },
      {
        source_line: 5,
        type: "bénévole",
        label: null,
        start_date: "2024-09-10",
        end_date: "2025-08-31",
        amount: 0,
        birth_year: 1950,
        commune_insee: "26281",
      },
      {
        source_line: 6,
        type: "association",
        label: null,
        start_date: "2024-09-15",
        end_date: null,
        amount: 50,
        birth_year: null,
        commune_insee: "26281",
      },
      {
        source_line: 9,
        type: "autre",
        label: "Soutien",
        start_date: "2024-09-05",
        end_date: "2025-08-31",
        amount: 20,
        birth_year: 1975,
        commune_insee: "26281",
      },
    ]);
    const [{ loads }] = await query(
      "SELECT CAST(list(period_start) AS VARCHAR) AS loads FROM loads WHERE kind = 'registrations'",
    );
    assert.equal(loads, "[2024-09-02]");
    // Nothing typed about a person reaches the warehouse.
    const dump = JSON.stringify(await query("SELECT * FROM stg_memberships")).toLowerCase() +
      JSON.stringify(await query("SELECT * FROM load_issues")).toLowerCase();
    for (
      const s of [
        "martin",
        "julie",
        "diaye",
        "durand",
        "paul",
        "garcia",
        "roux",
        "bernard",
        "1982-05-14",
        "14/05/1982",
        "21/06/1950",
        "romans-sur-is",
      ]
    ) {
      assert.ok(!dump.includes(s), s);
    }
  });
});

Deno.test("members link to the people exports: by N° adhérent, else by name and birth date", async () => {
  await withInbox("memberships_link_", async ({ ingest, query }) => {
    const [p] = await ingest("adherents_2024.csv", await Deno.readFile(PEOPLE));
    assert.equal(p.format, "logiciel-gestion-individus");
    const [n] = await ingest("individus.csv", encodeText(NOETHYS, "utf-8"));
    assert.equal(n.format, "noethys-individus");
    const [m] = await ingest("adhesions_2024-2025.csv", await Deno.readFile(FIXTURE));
    assert.equal(m.format, "liste-adhesions");
    const linked = await query(
      `SELECT m.source_line, p.source_line AS people_line, p.load_id = $1 AS from_labelled
       FROM stg_memberships m JOIN stg_people p ON p.structure_id = m.structure_id
         AND (p.person_ref = m.person_ref OR p.person_key = m.person_key)
       ORDER BY ALL`,
      [p.loadId],
    );
    // A0012 and A0013 by their number (same person_ref as the labelled export), Durand by name and
    // birth date (the person_key of the Noethys individus).
    assert.deepEqual(linked, [
      { source_line: 3, people_line: 3, from_labelled: true },
      { source_line: 4, people_line: 4, from_labelled: true },
      { source_line: 5, people_line: 2, from_labelled: false },
    ]);
  });
});

Deno.test("a corrected list of the same season replaces the earlier one, a later season adds", async () => {
  await withInbox("memberships_replace_", async ({ ingest, query }) => {
    const a = [
      HEADER,
      "A1;Martin;Julie;14/05/1982;02/09/2024;31/08/2025;Familiale;25",
      "A2;Roux;Marc;12/12/1975;15/10/2024;31/08/2025;Individuelle;10",
      "A3;Petit;Anne;01/01/1960;30/06/2025;31/08/2025;Individuelle;10",
    ];
    const [first] = await ingest("adhesions_a.csv", encodeText(a.join("\r\n") + "\r\n", "utf-8"));
    assert.equal(first.rowsLoaded, 3);
    // Roux removed, Petit's fee corrected.
    const b = [a[0], a[1], a[3].replace(";10", ";12")];
    const [second] = await ingest("adhesions_b.csv", encodeText(b.join("\r\n") + "\r\n", "utf-8"));
    assert.deepEqual(second.superseded, [first.loadId]);
    assert.deepEqual(
      await query("SELECT CAST(start_date AS VARCHAR) AS d, amount FROM stg_memberships ORDER BY d"),
      [{ d: "2024-09-02", amount: 25 }, { d: "2025-06-30", amount: 12 }],
    );
    const next = [HEADER, "A1;Martin;Julie;14/05/1982;01/09/2025;31/08/2026;Familiale;26"];
    const [third] = await ingest("adhesions_c.csv", encodeText(next.join("\r\n") + "\r\n", "utf-8"));
    assert.deepEqual(third.superseded, []);
    const [{ n }] = await query("SELECT count(*) AS n FROM stg_memberships");
    assert.equal(n, 3);
  });
});
