/**
 * CLI: deno run -A src/sample/main.ts [--out data/sample] [--scale 1] [--seed 2017]
 * Rewrites <out>/inbox/ with realistic exports and writes <out>/expected.json.
 */
import { parseArgs } from "node:util";
import { generateSample } from "./generate.ts";

/**
 * Parses command-line options.
 * @param args raw arguments
 */
export function parseOptions(args: string[]): { out: string; scale: number; seed: number } {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string", default: "data/sample" },
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "2017" },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0)) {
    throw new Error(`--scale doit être un nombre positif (reçu « ${values.scale} »)`);
  }
  if (!Number.isInteger(seed)) {
    throw new Error(`--seed doit être un entier (reçu « ${values.seed} »)`);
  }
  return { out: values.out!, scale, seed };
}

if (import.meta.main) {
  const options = parseOptions(Deno.args);
  const t0 = performance.now();
  const { expected, bytes } = await generateSample(options);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const fmt = (n: number) => n.toLocaleString("fr-FR");
  console.log(
    `Jeu d'exemple écrit dans ${options.out}/inbox (graine ${options.seed}, échelle ${options.scale})`,
  );
  console.log(`  ${fmt(expected.files.length)} fichiers, ${fmt(Math.round(bytes / 1024))} Kio`);
  console.log(`  ${fmt(expected.totals.attendance_rows_written)} lignes de présence écrites`);
  console.log(
    `  ${Object.keys(expected.attendance).length} structures, ${
      fmt(expected.shared_people)
    } personnes inscrites dans plusieurs structures`,
  );
  console.log(`  vérité terrain : ${options.out}/expected.json — ${seconds} s`);
}
