import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "./generate.ts";
import type { Expected } from "./truth.ts";
import { isAttendanceFile } from "./truth.ts";
import readExcelFile from "read-excel-file/node";
import { Buffer } from "node:buffer";

const SEED = 2017;
const SCALE = 0.02;

async function listFiles(root: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(join(root, prefix))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory) out.push(...await listFiles(root, rel));
    else out.push(rel);
  }
  return out.sort();
}

async function hashInbox(out: string): Promise<Map<string, string>> {
  const root = join(out, "inbox");
  const hashes = new Map<string, string>();
  for (const rel of await listFiles(root)) {
    const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(join(root, rel)));
    hashes.set(
      rel,
      Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join(""),
    );
  }
  hashes.set(
    "expected.json",
    new TextDecoder().decode(await Deno.readFile(join(out, "expected.json"))),
  );
  return hashes;
}

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const COOP_FILES = ["individus.csv", "inscriptions.csv"];
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

Deno.test("small-scale sample: files, encodings, defects, ground truth", async (t) => {
  const dirA = await Deno.makeTempDir({ prefix: "sample_a_" });
  const dirB = await Deno.makeTempDir({ prefix: "sample_b_" });
  try {
    const { expected } = await generateSample({ out: dirA, scale: SCALE, seed: SEED });
    const inbox = join(dirA, "inbox");
    const written = await listFiles(inbox);
    const onDisk: Expected = JSON.parse(await Deno.readTextFile(join(dirA, "expected.json")));

    await t.step("every contract file is written and listed", () => {
      const wanted = [
        "structures.csv",
        "accorderie/emargement_ateliers.xlsx",
        "accorderie/benevolat.csv",
      ];
      for (const id of ["ors", "saint-nicolas", "noel-guichard"]) {
        for (const f of COOP_FILES) wanted.push(`${id}/${f}`);
        for (const y of YEARS) wanted.push(`${id}/consommations_${y}.csv`);
      }
      for (const y of YEARS) {
        wanted.push(`ors/benevolat_${y}.csv`, `saint-nicolas/benevolat_${y}.csv`);
      }
      wanted.push("noel-guichard/benevolat.xlsx", "noel-guichard/consommations_2021 (copie).csv");
      for (const w of wanted) assert.ok(written.includes(w), `missing ${w}`);
      const others = written.filter((p) => p.endsWith("/consommations.csv"));
      assert.equal(others.length, 35);
      assert.equal(written.filter((p) => p.endsWith("/individus.csv")).length, 38);
      assert.deepEqual(new Set(onDisk.files.map((f) => f.path)), new Set(written));
      assert.deepEqual(onDisk, JSON.parse(JSON.stringify(expected)));
    });

    await t.step("structures.csv lists the 39 structures", async () => {
      const lines = (await Deno.readTextFile(join(inbox, "structures.csv"))).trimEnd().split("\n");
      assert.equal(
        lines[0],
        "Identifiant,Nom,Type,Code INSEE,Commune,QPV desservi,Coopération,Cluster,Fédération,Date d'agrément",
      );
      assert.equal(lines.length, 40);
      assert.ok(lines[1].startsWith("ors,Maison de quartier des Ors,Centre social,26281,"));
      assert.ok(
        lines.some((l) => l.startsWith("accorderie,L'Accorderie,EVS,26281,Romans-sur-Isère,,oui,oui,oui,")),
      );
      assert.ok(lines.filter((l) => l.includes(",26362,Valence,")).length >= 3);
    });

    await t.step("ors/individus.csv is Windows-1252 with ’ as 0x92", async () => {
      const bytes = await Deno.readFile(join(inbox, "ors/individus.csv"));
      assert.ok(bytes.includes(0x92));
      assert.equal(isUtf8(bytes), false);
      const text = new TextDecoder("windows-1252").decode(bytes);
      assert.ok(
        text.startsWith(
          "IDindividu;IDfamille;nom;prenom;date_naiss;cp_resid;ville_resid;secteur\r\n",
        ),
      );
      assert.ok(text.includes("Romans-sur-Isère"));
    });

    await t.step("saint-nicolas files start with a UTF-8 BOM", async () => {
      const bytes = await Deno.readFile(join(inbox, "saint-nicolas/individus.csv"));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      for (const bad of [";31/02/1987;", ";inconnue;", ";;261"]) assert.ok(text.includes(bad), bad);
    });

    await t.step("noel-guichard mixes encodings and sends 2021 twice", async () => {
      const a = await Deno.readFile(join(inbox, "noel-guichard/consommations_2021.csv"));
      const b = await Deno.readFile(join(inbox, "noel-guichard/consommations_2021 (copie).csv"));
      assert.deepEqual(a, b);
      assert.ok(isUtf8(a) && a[0] !== 0xef);
      assert.equal(isUtf8(await Deno.readFile(join(inbox, "noel-guichard/individus.csv"))), false);
      const last = (await Deno.readTextFile(join(inbox, "noel-guichard/consommations_2024.csv")))
        .trimEnd()
        .split("\r\n").pop()!;
      assert.match(last, /^Total;/);
    });

    await t.step("declared row counts match the CSV files", async () => {
      for (const f of expected.files) {
        if (!f.path.endsWith(".csv")) continue;
        const bytes = await Deno.readFile(join(inbox, f.path));
        const text = f.encoding === "windows-1252"
          ? new TextDecoder("windows-1252").decode(bytes)
          : new TextDecoder().decode(bytes);
        const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
        // Minus header, title line (ors 2019, membership list: one cell then empty ones) and
        // totals lines.
        const extra = 1 + (/^[^;,]+[;,]*$/.test(lines[0]) ? 1 : 0) +
          (lines[lines.length - 1].startsWith("Total;") ? 1 : 0);
        assert.equal(lines.length - extra, f.rows, f.path);
      }
    });

    await t.step("workbooks have one sheet per year, title, header on row 3", async () => {
      for (const path of ["accorderie/emargement_ateliers.xlsx", "noel-guichard/benevolat.xlsx"]) {
        const entry = expected.files.find((f) => f.path === path)!;
        const sheets = await readExcelFile(Buffer.from(await Deno.readFile(join(inbox, path))));
        assert.deepEqual(sheets.map((s) => s.sheet), YEARS.map(String));
        for (const s of sheets) {
          assert.equal(s.data.length - 3, entry.sheets![s.sheet], `${path} ${s.sheet}`);
          assert.equal(s.data[2][0], "Date");
          assert.ok(s.data.slice(3).some((row) => row[0] instanceof Date));
        }
      }
    });

    await t.step("saint-nicolas 2022 holds exact duplicate rows", async () => {
      const text = await Deno.readTextFile(join(inbox, "saint-nicolas/consommations_2022.csv"));
      const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1);
      const dup = lines.length - new Set(lines).size;
      const mess = expected.messiness.find((m) => m.kind === "duplicate_rows")!;
      assert.equal(dup, mess.count);
      assert.equal(expected.attendance["saint-nicolas"]["2022"].rows, new Set(lines).size);
    });

    await t.step("totals agree with per-file rows and per-year truth", () => {
      const sum = expected.files.filter((f) => isAttendanceFile(f.path)).reduce(
        (s, f) => s + f.rows,
        0,
      );
      assert.equal(expected.totals.attendance_rows_written, sum);
      const copies = expected.files.find((f) => f.path.includes("(copie)"))!.rows;
      const dups = expected.messiness.find((m) => m.kind === "duplicate_rows")!.count!;
      assert.equal(expected.totals.attendance_rows_distinct + copies + dups, sum);
      assert.equal(Object.keys(expected.attendance).length, 39);
      for (const years of Object.values(expected.attendance)) {
        for (const s of Object.values(years)) {
          assert.ok(s.present <= s.rows && s.participants <= s.present);
        }
      }
      assert.ok(expected.shared_people >= 3);
      assert.equal(expected.people["saint-nicolas"] > 0, true);
    });

    await t.step("same seed and scale give identical bytes", async () => {
      await generateSample({ out: dirB, scale: SCALE, seed: SEED });
      assert.deepEqual(await hashInbox(dirB), await hashInbox(dirA));
    });

    await t.step("another seed gives other data", async () => {
      await generateSample({ out: dirB, scale: SCALE, seed: SEED + 1 });
      const a = await Deno.readFile(join(inbox, "ors/individus.csv"));
      const b = await Deno.readFile(join(dirB, "inbox", "ors/individus.csv"));
      assert.notDeepEqual(a, b);
    });
  } finally {
    await Deno.remove(dirA, { recursive: true });
    await Deno.remove(dirB, { recursive: true });
  }
});
