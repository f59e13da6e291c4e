/**
 * No personal value of a Paheko or a HelloAsso member list reaches the warehouse: after loading
 * both into a file warehouse, every VARCHAR column of every table (load_issues included) and the
 * raw bytes of the .duckdb file are searched for each name, e-mail, phone, address and birth date.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { PERSONAL } from "../fixtures/memberships/personal_values.ts";

const FIXTURES = new URL("../fixtures/memberships/", import.meta.url);
const KEY = new Uint8Array(32).fill(9);

/** Values that are stored: the searches must find them, or they could not find anything. */
const STORED = ["Membres actifs", "Adhésion enfant"];

Deno.test("no name, e-mail, phone, address or birth date of a Paheko or HelloAsso list in the warehouse file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "memberships_privacy_" });
  const inbox = join(dir, "inbox");
  const file = join(dir, "warehouse", "observatoire.duckdb");
  try {
    await Deno.mkdir(join(inbox, "demo"), { recursive: true });
    await Deno.writeFile(
      join(inbox, "structures.csv"),
      encodeText("Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n", "utf-8"),
    );
    for (const name of ["paheko_membres_2024.csv", "helloasso_adhesions_2024.csv"]) {
      await Deno.copyFile(new URL(name, FIXTURES), join(inbox, "demo", name));
    }
    const wh = await openWarehouse(file);
    try {
      const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
      assert.deepEqual(
        reports.filter((r) => r.file.startsWith("demo/")).map((r) => [r.file, r.format, r.rowsLoaded]),
        [
          ["demo/helloasso_adhesions_2024.csv", "adherents-logiciel-associatif", 3],
          ["demo/paheko_membres_2024.csv", "adherents-logiciel-associatif", 3],
        ],
      );
      // Every text column of every table, issues included, as one lowercased haystack per table.
      const columns = await queryRows(
        wh.conn,
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE data_type = 'VARCHAR' AND table_schema = 'main'
           AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')
         ORDER BY ALL`,
      );
      assert.ok(columns.some((c) => c.table_name === "load_issues"));
      assert.ok(columns.some((c) => c.table_name === "stg_memberships"));
      const found: string[] = [];
      const stored = new Set<string>();
      for (const { table_name, column_name } of columns) {
        const sql = `SELECT DISTINCT CAST("${column_name}" AS VARCHAR) AS v FROM "${table_name}"
                     WHERE "${column_name}" IS NOT NULL`;
        for (const { v } of await queryRows(wh.conn, sql)) {
          const text = String(v).toLowerCase();
          for (const value of PERSONAL) {
            if (text.includes(value.toLowerCase())) found.push(`${table_name}.${column_name}: ${value}`);
          }
          for (const value of STORED) if (text.includes(value.toLowerCase())) stored.add(value);
        }
      }
      assert.deepEqual([...stored].sort(), [...STORED].sort(), "the table search finds stored values");
      assert.deepEqual(found, []);
      await wh.conn.run("CHECKPOINT");
    } finally {
      wh.close();
    }
    const bytes = await Deno.readFile(file);
    const raw = new TextDecoder("latin1").decode(bytes);
    const asUtf8 = (s: string) => new TextDecoder("latin1").decode(new TextEncoder().encode(s));
    const inFile = (value: string) =>
      [value, value.toLowerCase(), value.toUpperCase()].some((v) => raw.includes(asUtf8(v)));
    assert.ok(inFile("adherents-logiciel-associatif"), "the byte search finds a stored value");
    assert.deepEqual(PERSONAL.filter(inFile), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
