/**
 * Ingest cost compared with the bare parse of the same file, in the same run (the machines are
 * noisy: read the ratio, not the times). `deno task bench`.
 */
import { join } from "node:path";
import { generateSample } from "../sample/generate.ts";
import { decodeText } from "../read/decode_text.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { ingestPaths } from "./ingest_paths.ts";

const out = await Deno.makeTempDir({ prefix: "observatoire-bench-" });
await generateSample({ out, scale: 0.3, seed: 2017 });
const folder = join(out, "inbox", "ors");
const file = join(folder, "consommations_2024.csv");
const bytes = await Deno.readFile(file);
const key = new Uint8Array(32).fill(1);
const registry = join(out, "inbox", "structures.csv");

Deno.bench("parse only (decode + CSV)", { group: "consommations", baseline: true }, () => {
  parseDelimited(decodeText(bytes).text, ";");
});

Deno.bench("full ingest (validate, pseudonymise, DuckDB)", { group: "consommations" }, async (b) => {
  const wh = await openWarehouse(":memory:");
  await ingestPaths(wh.conn, { paths: [registry], key });
  b.start();
  await ingestPaths(wh.conn, { paths: [file], key, structureId: "ors" });
  b.end();
  wh.close();
});

globalThis.addEventListener("unload", () => Deno.removeSync(out, { recursive: true }));
