/**
 * Ingest benchmarks, compared in the same run (the machines are noisy: read the ratios):
 * - a 1,000,000-row Windows-1252 `;` attendance export, full ingest, against DuckDB's bare
 *   `read_csv` of the same rows (already UTF-8) into a table — target ≤ 1.5×; and the same file
 *   through the TypeScript reader alone (the SQL path's reference, with BENCH_REFERENCE=1);
 * - a 50,000-row .xlsx attendance sheet — target ≤ 2 s;
 * - the peak resident memory of the process and of the SQL path's staging process, printed at
 *   the end — target ≤ 1.5 GB each.
 *
 * `deno task bench` (set BENCH_ROWS to change the size).
 */
import { join } from "node:path";
import { encodeWindows1252 } from "../read/decode_text.ts";
import { buildWorkbook } from "../sample/xlsx.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { ingestPaths } from "./ingest_paths.ts";
import { childPeakRss } from "./stage_in_child.ts";

const ROWS = Number(Deno.env.get("BENCH_ROWS") ?? 1_000_000);
const XLSX_ROWS = 50_000;
const key = new Uint8Array(32).fill(1);
const dir = await Deno.makeTempDir({ prefix: "observatoire-bench-" });
const inbox = join(dir, "inbox");
await Deno.mkdir(join(inbox, "ors"), { recursive: true });
const registry = join(inbox, "structures.csv");
await Deno.writeTextFile(registry, "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\n");

/** A Noethys-like consommations export: 3,000 people over 2017–2025. */
function attendanceCsv(rows: number): string {
  const lines = ["IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite"];
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 12)).padStart(2, "0");
    const year = 2017 + (i % 9);
    lines.push(
      `${i};${1 + (i % 3000)};${i % 500};${i % 20};${day}/${month}/${year};14:00;15:30;${
        i % 7 ? "present" : "absenti"
      };1`,
    );
  }
  return lines.join("\r\n") + "\r\n";
}

const text = attendanceCsv(ROWS);
const csv1252 = join(inbox, "ors", "consommations.csv");
await Deno.writeFile(csv1252, encodeWindows1252(text));
const utf8 = join(dir, "consommations-utf8.csv");
await Deno.writeTextFile(utf8, text);

const header = ["Date", "Nom", "Prénom", "Année de naissance", "Quartier", "Atelier", "Durée"];
const sheetRows = [header.map((value) => ({ value }))];
for (let i = 0; i < XLSX_ROWS; i++) {
  sheetRows.push([
    { value: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), type: Date, format: "dd/mm/yyyy" },
    { value: `Nom${i % 900}` },
    { value: `Prénom${i % 37}` },
    { value: 1950 + (i % 60) },
    { value: i % 3 ? "La Monnaie" : "Les Ors" },
    { value: `Atelier ${i % 12}` },
    { value: i % 2 ? "1h30" : 2 },
    // deno-lint-ignore no-explicit-any
  ] as any);
}
const xlsx = join(inbox, "accorderie", "emargement.xlsx");
await Deno.mkdir(join(inbox, "accorderie"), { recursive: true });
// deno-lint-ignore no-explicit-any
await Deno.writeFile(xlsx, await buildWorkbook([{ name: "Émargement", rows: sheetRows as any }]));
await Deno.writeTextFile(
  registry,
  "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\naccorderie;L'Accorderie;EVS\n",
);

async function freshWarehouse() {
  const wh = await openWarehouse(":memory:");
  await ingestPaths(wh.conn, { paths: [registry], key });
  return wh;
}

Deno.bench(`DuckDB read_csv, ${ROWS.toLocaleString("fr-FR")} lignes UTF-8`, {
  group: "attendance",
  baseline: true,
  n: 3,
  warmup: 1,
}, async (b) => {
  const wh = await openWarehouse(":memory:");
  b.start();
  await wh.conn.run(
    `CREATE TABLE t AS SELECT * FROM read_csv($1, delim = ';', header = true, all_varchar = true)`,
    [utf8] as never,
  );
  b.end();
  wh.close();
});

Deno.bench(`ingest complet, ${ROWS.toLocaleString("fr-FR")} lignes Windows-1252`, {
  group: "attendance",
  n: 3,
  warmup: 0,
}, async (b) => {
  const wh = await freshWarehouse();
  b.start();
  const [report] = await ingestPaths(wh.conn, { paths: [csv1252], key, structureId: "ors" });
  b.end();
  if (report.rowsLoaded !== ROWS) throw new Error(`${report.rowsLoaded} lignes chargées sur ${ROWS}`);
  wh.close();
});

// Opt-in (BENCH_REFERENCE=1): its 1,000,000 rows in TypeScript objects would set the peak memory.
Deno.bench(`ingest par le seul lecteur TypeScript (référence), ${ROWS.toLocaleString("fr-FR")} lignes`, {
  group: "attendance",
  ignore: !Deno.env.get("BENCH_REFERENCE"),
  n: 1,
  warmup: 0,
}, async (b) => {
  const wh = await freshWarehouse();
  b.start();
  const [report] = await ingestPaths(wh.conn, { paths: [csv1252], key, structureId: "ors", sqlPath: false });
  b.end();
  if (report.rowsLoaded !== ROWS) throw new Error(`${report.rowsLoaded} lignes chargées sur ${ROWS}`);
  wh.close();
});

Deno.bench(`ingest d'un classeur .xlsx de ${XLSX_ROWS.toLocaleString("fr-FR")} lignes (cible ≤ 2 s)`, {
  group: "xlsx",
  n: 3,
  warmup: 0,
}, async (b) => {
  const wh = await freshWarehouse();
  b.start();
  const [report] = await ingestPaths(wh.conn, { paths: [xlsx], key, structureId: "accorderie" });
  b.end();
  if (report.rowsRead !== XLSX_ROWS) throw new Error(`${report.rowsRead} lignes lues sur ${XLSX_ROWS}`);
  wh.close();
});

globalThis.addEventListener("unload", () => {
  Deno.removeSync(dir, { recursive: true });
  // Peak resident memory of the whole bench process (VmHWM), against the 1.5 GB target.
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const gib = (bytes: number) => (bytes / 1024 ** 3).toLocaleString("fr-FR", { maximumFractionDigits: 2 });
    console.log(`Mémoire résidente maximale : ${gib(kb * 1024)} Gio (cible ≤ 1,5 Gio)`);
    // Big delimited files are typed in a separate process (stage_child.ts): its own peak counts too.
    console.log(`Mémoire résidente maximale du processus de lecture SQL : ${gib(childPeakRss)} Gio`);
  } catch {
    // not on Linux
  }
});
