/**
 * No name, birth date or address from the sample exports appears anywhere under dist/, nor in
 * the warehouse.
 */
import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import { join } from "node:path";
import { PROJECT_ROOT, sampleDir, warehousePath } from "../../src/paths.ts";
import { decodeText } from "../../src/read/decode_text.ts";
import { parseDelimited } from "../../src/read/parse_delimited.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const COOP = ["ors", "saint-nicolas", "noel-guichard"];
const FREE_TEXT = new Set(["load_issues.message", "load_issues.value", "loads.file_name"]);

/** Names ("Prénom Nom"), birth dates (two spellings) and full names from the sample individus. */
async function personalStrings(): Promise<{ names: Set<string>; surnames: Set<string>; dates: Set<string> }> {
  const names = new Set<string>();
  const surnames = new Set<string>();
  const dates = new Set<string>();
  for (const id of COOP) {
    const { text } = decodeText(await Deno.readFile(join(sampleDir(), "inbox", id, "individus.csv")));
    const [header, ...rows] = parseDelimited(text, ";");
    const col = (name: string) => header.cells.indexOf(name);
    for (const { cells } of rows) {
      if (cells.length < header.cells.length) continue;
      const [nom, prenom, naiss] = [cells[col("nom")], cells[col("prenom")], cells[col("date_naiss")]];
      names.add(`${prenom} ${nom}`);
      names.add(`${nom} ${prenom}`);
      if (nom.length >= 6) surnames.add(nom);
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(naiss);
      if (m) {
        dates.add(naiss);
        dates.add(`${m[3]}-${m[2]}-${m[1]}`);
      }
    }
  }
  return { names, surnames, dates };
}

/** Names, communes and ids of the structures in the sample registry, longest first. */
async function registryNames(): Promise<string[]> {
  const { text } = decodeText(await Deno.readFile(join(sampleDir(), "inbox", "structures.csv")));
  const [, ...rows] = parseDelimited(text, ",");
  return rows.flatMap((r) => [r.cells[0], r.cells[1], r.cells[4]]).filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

async function* textFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* textFiles(path);
    else if (/\.(html|js|json|css|csv|txt)$/.test(entry.name)) yield path;
  }
}

Deno.test("no name or birth date from the sample exports appears under dist/", async () => {
  const { names, surnames, dates } = await personalStrings();
  assert.ok(names.size > 1000 && dates.size > 1000, "the sample has people to look for");
  const publicNames = await registryNames();
  let scanned = 0;
  for await (const file of textFiles(join(PROJECT_ROOT, "dist"))) {
    const text = await Deno.readTextFile(file);
    scanned++;
    for (const name of names) assert.ok(!text.includes(name), `${name} found in ${file}`);
    // Vendored libraries are the npm packages as published: their sample dates are not ours.
    const library = /\/_(npm|observablehq)\//.test(file);
    if (!library) {
      for (const date of dates) assert.ok(!text.includes(date), `a birth date ${date} found in ${file}`);
    }
    if (file.endsWith(".json")) {
      // Public names of structures and communes (« Saint-Thomas-en-Royans ») are not people.
      const people = publicNames.reduce((t, name) => t.replaceAll(name, ""), text);
      for (const surname of surnames) assert.ok(!people.includes(surname), `${surname} found in ${file}`);
    }
  }
  assert.ok(scanned >= 5, `only ${scanned} files scanned`);
});

/** Columns holding the official commune names of the reference data. */
const PUBLIC_PLACE_NAMES = new Set(["ref_communes.name", "ind_communes.name"]);

Deno.test("no table of the warehouse (issues and loads included) holds a name or a birth date", async () => {
  const { names, surnames, dates } = await personalStrings();
  const wh = await openWarehouse(warehousePath());
  try {
    const columns = await queryRows(
      wh.conn,
      "SELECT table_name, column_name FROM duckdb_columns() WHERE data_type = 'VARCHAR' AND NOT internal",
    );
    assert.ok(columns.length > 10);
    for (const { table_name, column_name } of columns) {
      // Official names of French communes (Etalab reference data), some of which are surnames
      // too (« Brunet »): public places, not people from the exports.
      if (PUBLIC_PLACE_NAMES.has(`${table_name}.${column_name}`)) continue;
      const values = await queryRows(
        wh.conn,
        `SELECT DISTINCT "${column_name}" AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`,
      );
      for (const { v } of values) {
        const value = String(v);
        assert.ok(
          !names.has(value) && !surnames.has(value) && !dates.has(value),
          `${table_name}.${column_name} holds « ${value} »`,
        );
        // Messages and values shown to users are free text: look inside them too.
        if (FREE_TEXT.has(`${table_name}.${column_name}`)) {
          for (const date of dates) assert.ok(!value.includes(date), `${table_name}.${column_name}: ${date}`);
        }
      }
    }
    const birthColumns = await queryRows(
      wh.conn,
      "SELECT column_name FROM duckdb_columns() WHERE table_name LIKE 'stg_%' AND data_type = 'DATE' AND column_name LIKE '%birth%'",
    );
    assert.deepEqual(birthColumns, []);
  } finally {
    wh.close();
  }
});

Deno.test("the warehouse file itself contains none of the sample's names or birth dates", async () => {
  const { names, dates } = await personalStrings();
  const patterns = await Deno.makeTempFile({ suffix: ".txt" });
  // grep -F searches all fixed strings at once (Aho-Corasick), in the raw bytes (-a).
  const grep = async (lines: string[]) => {
    await Deno.writeTextFile(patterns, lines.join("\n") + "\n");
    const out = await new Deno.Command("grep", { args: ["-a", "-o", "-F", "-f", patterns, warehousePath()] })
      .output();
    return new TextDecoder().decode(out.stdout).split("\n").filter(Boolean);
  };
  // The registry's public names are stored in clear: the same search finds them.
  assert.ok((await grep(["Maison de quartier des Ors"])).length > 0, "strings are searchable in the file");
  // Birth dates as the exports write them (dd/mm/yyyy). An ISO date alone cannot be told from
  // an event date (a visit on 2020-11-25): the SQL test above covers ISO values column by column.
  assert.deepEqual(await grep([...names, ...[...dates].filter((d) => d.includes("/"))]), []);
  await Deno.remove(patterns);
});

Deno.test("no published table (the Arrow files the site serves) holds a people count of 1 to 4", async () => {
  const dir = join(PROJECT_ROOT, "pages", "data", "generated", "marts");
  const catalogue = JSON.parse(await Deno.readTextFile(join(dir, "..", "marts.json")));
  const PEOPLE = /^(participants|volunteers|members|respondents|people)$/;
  let checked = 0;
  for (const entry of catalogue.tables as { table: string; columns: { name: string }[] }[]) {
    const counts = entry.columns.map((c) => c.name).filter((name) => PEOPLE.test(name));
    if (counts.length === 0) continue;
    const table = tableFromIPC(await Deno.readFile(join(dir, `${entry.table}.arrow`)));
    for (const name of counts) {
      const values = table.getChild(name)!.toArray() as ArrayLike<number | bigint | null>;
      const small = Array.from(values).filter((v) => v !== null && Number(v) >= 1 && Number(v) <= 4);
      assert.deepEqual(small, [], `${entry.table}.${name}`);
      checked++;
    }
  }
  // tranches_age, jours_semaine, activite_annuelle, activite_mensuelle, publics… at least.
  assert.ok(checked >= 5, `${checked} columns checked`);
});
