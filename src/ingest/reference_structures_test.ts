import assert from "node:assert/strict";
import { openWarehouse, queryRows } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import {
  loadReferenceStructures,
  referenceStructureIds,
  unknownStructureMessage,
} from "./reference_structures.ts";

const context = { pseudonym: (parts: readonly string[]) => parts.join("|"), qpvOf: () => null };
const now = new Date("2026-03-02T10:00:00Z");

Deno.test("the shipped registry lists La Coopération's four structures, every row valid", async () => {
  assert.deepEqual(await referenceStructureIds(), ["ors", "saint-nicolas", "noel-guichard", "accorderie"]);
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    const [report] = await loadReferenceStructures(wh.conn, await referenceStructureIds(), { now, context });
    assert.equal(report.status, "loaded");
    assert.deepEqual([report.rowsRead, report.rowsLoaded, report.rowsRejected], [4, 4, 0]);
    // Every column is a registry field: the only remark is where the rows come from.
    assert.deepEqual(report.issues.map((i) => i.severity), ["avertissement"]);
    assert.match(
      report.issues[0].message,
      /^« accorderie », « noel-guichard », « ors », « saint-nicolas » absentes/,
    );
    const rows = await queryRows(
      wh.conn,
      `SELECT structure_id, structure_type, insee_code, qpv_served, in_cooperation, in_cluster
       FROM stg_structures ORDER BY structure_id`,
    );
    assert.deepEqual(rows, [
      {
        structure_id: "accorderie",
        structure_type: "EVS",
        insee_code: "26281",
        qpv_served: null,
        in_cooperation: true,
        in_cluster: true,
      },
      {
        structure_id: "noel-guichard",
        structure_type: "Centre social",
        insee_code: "26281",
        qpv_served: "Quartier Est",
        in_cooperation: true,
        in_cluster: true,
      },
      {
        structure_id: "ors",
        structure_type: "Centre social",
        insee_code: "26281",
        qpv_served: null,
        in_cooperation: true,
        in_cluster: true,
      },
      {
        structure_id: "saint-nicolas",
        structure_type: "Centre social",
        insee_code: "26281",
        qpv_served: "Centre ancien",
        in_cooperation: true,
        in_cluster: true,
      },
    ]);
    // Nothing missing any more: nothing is loaded again.
    assert.deepEqual(await loadReferenceStructures(wh.conn, ["ors", "accorderie"], { now, context }), []);
  } finally {
    wh.close();
  }
});

Deno.test("only the structures the warehouse lacks are taken from the shipped registry: the officer's rows win", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    await wh.conn.run(
      `INSERT INTO stg_structures (structure_id, name, structure_type, load_id, source_line)
       VALUES ('ors', 'MQ des Ors', 'Centre social', 99, 2)`,
    );
    const [report] = await loadReferenceStructures(wh.conn, ["ors", "accorderie", "maison-du-lac"], {
      now,
      context,
    });
    assert.equal(report.rowsLoaded, 1);
    const rows = await queryRows(wh.conn, "SELECT structure_id, name FROM stg_structures ORDER BY 1");
    assert.deepEqual(rows, [
      { structure_id: "accorderie", name: "L'Accorderie" },
      { structure_id: "ors", name: "MQ des Ors" },
    ]);
  } finally {
    wh.close();
  }
});

Deno.test("a structure in neither registry: the message names the folder or the option, and the fix", () => {
  const ids = ["ors", "accorderie"];
  assert.equal(
    unknownStructureMessage("cs-nyons", true, ids),
    "structure « cs-nyons » absente du registre des structures (dossier « cs-nyons ») : ajoutez une ligne « cs-nyons » au registre (structures.csv, à la racine de data/inbox) puis chargez-le, ou renommez le dossier d'après un identifiant du registre (registre livré pour La Coopération : ors, accorderie)",
  );
  assert.match(
    unknownStructureMessage("cs-nyons", false, ids),
    /\(option --structure cs-nyons\) : .* ou corrigez l'option d'après un identifiant du registre/,
  );
});
