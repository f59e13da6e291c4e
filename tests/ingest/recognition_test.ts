/**
 * Recognition that explains itself (issue 12): a refused file names the closest kinds and the
 * required columns they miss; a file two kinds fit says which one won; a kind that does not fit
 * its place (time-bank data in a centre social, the registry in a structure folder, an export
 * outside any structure folder) is flagged in the report.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { reportJson } from "../../src/ingest/load_report.ts";
import type { LoadReport } from "../../src/ingest/load_report.ts";

const KEY = new Uint8Array(32).fill(7);
const FIXTURES = new URL("../fixtures/recognition/", import.meta.url);

/** An inbox holding the fixtures at the given places (place → fixture), ingested. */
async function ingestInbox(
  places: Record<string, string>,
  kind?: string,
): Promise<{ reports: LoadReport[]; loads: Record<string, unknown>[] }> {
  const dir = await Deno.makeTempDir({ prefix: "recognition_" });
  const inbox = join(dir, "inbox");
  for (const [place, fixture] of Object.entries(places)) {
    await Deno.mkdir(join(inbox, place, ".."), { recursive: true });
    await Deno.copyFile(new URL(fixture, FIXTURES), join(inbox, place));
  }
  const wh = await openWarehouse(":memory:");
  try {
    // The registry first, on its own: `kind` is for the exports.
    if (places["structures.csv"]) {
      await ingestPaths(wh.conn, { paths: [join(inbox, "structures.csv")], key: KEY });
    }
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY, kind });
    const loads = await queryRows(wh.conn, "SELECT kind, structure_id FROM loads ORDER BY load_id");
    return { reports, loads };
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

const messages = (r: LoadReport | undefined, severity: "erreur" | "avertissement") =>
  (r?.issues ?? []).filter((i) => i.severity === severity).map((i) => i.message);

const byFile = (reports: LoadReport[], file: string) => reports.find((r) => r.file === file);

Deno.test("an unrecognised export names its closest kind and the missing required column with its aliases", async () => {
  const { reports } = await ingestInbox({
    "structures.csv": "structures.csv",
    "ors/emargement_mars.csv": "emargement_sans_date.csv",
  });
  const r = byFile(reports, "ors/emargement_mars.csv")!;
  assert.equal(r.status, "rejected");
  const [message] = messages(r, "erreur");
  assert.match(message, /^type d'export non reconnu/);
  // « Séance » is not a date header: the sign-in sheet matched Nom, Prénom, Atelier and Durée.
  assert.ok(
    message.includes(
      "Le plus proche : présences (feuille d'émargement), 4 colonnes reconnues ligne 1 — il manque la colonne obligatoire « Date » (aussi : « Date de la séance », « Jour »).",
    ),
    message,
  );
  assert.ok(message.includes(" Puis : "), "a second kind is named");
  assert.ok(message.includes("deno task formats"), "points to the full list");
  // The JSON report carries the same message.
  const json = reportJson(reports) as { files: { path: string; errors: { message: string }[] }[] };
  assert.equal(json.files.find((f) => f.path === "ors/emargement_mars.csv")!.errors[0].message, message);
});

Deno.test("--kind names the required columns of that kind that the file lacks", async () => {
  const { reports } = await ingestInbox(
    { "structures.csv": "structures.csv", "ors/emargement_mars.csv": "emargement_sans_date.csv" },
    "attendance",
  );
  const [message] = messages(byFile(reports, "ors/emargement_mars.csv"), "erreur");
  assert.match(message, /^les colonnes obligatoires d'un export « attendance » sont introuvables/);
  assert.ok(
    message.includes(
      "pour présences (feuille d'émargement), 4 colonnes reconnues ligne 1 — il manque la colonne obligatoire « Date »",
    ),
    message,
  );
  // The Noethys format of the same kind is named with its own missing columns.
  assert.ok(message.includes("pour présences (consommations (présences Noethys))"), message);
  assert.ok(message.includes("« IDconso »"), message);
});

Deno.test("a file two kinds fit reports the kind chosen and the runner-up", async () => {
  const { reports } = await ingestInbox({
    "structures.csv": "structures.csv",
    "ors/emargement_mars.csv": "emargement_avec_inscription.csv",
  });
  const r = byFile(reports, "ors/emargement_mars.csv")!;
  assert.equal(r.kind, "attendance");
  assert.equal(r.rowsLoaded, 2);
  assert.ok(
    messages(r, "avertissement").includes(
      "reconnu comme présences (feuille d'émargement) (4 colonnes) plutôt que inscriptions (liste d'adhérents d'un logiciel associatif) (3 colonnes) : si ce n'est pas le bon type, rechargez le fichier avec --kind registrations",
    ),
    JSON.stringify(r.issues),
  );
});

const NOT_A_TIMEBANK =
  "adhérents de l'Accorderie (banque de temps) chargé pour « Maison de quartier des Ors » (Centre social), qui ne tient pas de banque de temps d'après le registre";

Deno.test("time-bank data in a structure that runs no time bank is loaded with a plausibility warning", async () => {
  const { reports } = await ingestInbox({
    "structures.csv": "structures.csv",
    "ors/adherents.csv": "adherents_banque_temps.csv",
  });
  const ors = byFile(reports, "ors/adherents.csv")!;
  assert.equal(ors.kind, "timebank_members");
  assert.equal(ors.status, "loaded", "a warning, not a refusal");
  assert.ok(
    messages(ors, "avertissement").some((m) => m.startsWith(NOT_A_TIMEBANK)),
    JSON.stringify(ors.issues),
  );
  // The same file in L'Accorderie's own folder: no warning.
  const { reports: own, loads } = await ingestInbox({
    "structures.csv": "structures.csv",
    "accorderie/adherents.csv": "adherents_banque_temps.csv",
  });
  const accorderie = byFile(own, "accorderie/adherents.csv")!;
  assert.equal(accorderie.rowsLoaded, 3);
  assert.deepEqual(messages(accorderie, "avertissement"), []);
  assert.deepEqual(loads, [
    { kind: "structures", structure_id: null },
    { kind: "timebank_members", structure_id: "accorderie" },
  ]);
});

Deno.test("failure 2: an association's member list in a maison de quartier never silently becomes time-bank members", async () => {
  const { reports } = await ingestInbox({
    "structures.csv": "structures.csv",
    "ors/membres.csv": "liste_membres_association.csv",
  });
  const r = byFile(reports, "ors/membres.csv")!;
  // Either another kind reads it (a membership-software loader), or the time-bank reading is flagged.
  if (r.kind === "timebank_members" && r.status !== "rejected") {
    assert.ok(
      messages(r, "avertissement").some((m) =>
        m.includes("qui ne tient pas de banque de temps d'après le registre")
      ),
      JSON.stringify(r.issues),
    );
  } else {
    assert.notEqual(r.kind, "timebank_members");
  }
});

Deno.test("the registry in a structure folder and an export outside any structure folder are pointed out", async () => {
  const { reports } = await ingestInbox({
    "structures.csv": "structures.csv",
    "ors/registre.csv": "registre_mis_a_jour.csv",
    "adherents.csv": "adherents_banque_temps.csv",
  });
  const registry = byFile(reports, "ors/registre.csv")!;
  assert.equal(registry.kind, "structures");
  assert.equal(registry.rowsLoaded, 3);
  assert.ok(
    messages(registry, "avertissement").some((m) =>
      m.startsWith("registre des structures déposé dans le dossier de la structure « ors »")
    ),
    JSON.stringify(registry.issues),
  );
  const root = byFile(reports, "adherents.csv")!;
  assert.equal(root.status, "rejected");
  assert.match(
    messages(root, "erreur")[0],
    /^structure inconnue pour adhérents de l'Accorderie \(banque de temps\) : déposez le fichier dans data\/inbox\/<identifiant-structure>\//,
  );
});
