/**
 * `deno task sroi [--json] [--seed N] [--iterations N] [--perimetre ID] [--annee AAAA] FICHIER`
 *
 * A quantity given as an indicator id takes that indicator's value from the warehouse for the
 * scope (`--perimetre`, « cooperation » by default) and year (`--annee`, by default the latest
 * year with values).
 *
 * Computes the SROI of an impact map (.xlsx with sheets `impacts`, `investissements`,
 * `parametres`, or a `;` CSV holding the `impacts` sheet). Exit status: 0 when computed,
 * 1 when the file is invalid (every problem is listed on stderr with sheet, row and column),
 * 2 for a usage error.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { warehousePath } from "../paths.ts";
import { warehouseResolver } from "./warehouse_resolver.ts";
import { formatIssue, SroiInputError } from "./issues.ts";
import { MONTE_CARLO_DEFAULTS } from "./monte_carlo.ts";
import { readImpactMap } from "./read_impact_map.ts";
import { reportText } from "./report_text.ts";
import { buildReport } from "./sroi_report.ts";

const USAGE =
  "Usage : deno task sroi [--json] [--seed N] [--iterations N] [--perimetre ID] [--annee AAAA] FICHIER (.xlsx ou .csv)";

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  Deno.exit(2);
}

function integerOption(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value > max) {
    usageError(`Option --${name} : « ${text} » n'est pas un entier entre 0 et ${max}.`);
  }
  return value;
}

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      seed: { type: "string" },
      iterations: { type: "string" },
      perimetre: { type: "string", default: "cooperation" },
      annee: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
if (positionals.length !== 1) {
  usageError("Indiquez un seul fichier : la carte d'impact (.xlsx) ou sa feuille impacts (.csv).");
}
const path = positionals[0];
const seed = integerOption("seed", values.seed, MONTE_CARLO_DEFAULTS.seed, 4_294_967_295);
const iterations = integerOption("iterations", values.iterations, MONTE_CARLO_DEFAULTS.iterations, 1_000_000);
if (iterations < 1) usageError("Option --iterations : au moins 1 tirage.");
const year = values.annee === undefined ? undefined : integerOption("annee", values.annee, 0, 2100);
try {
  if (!(await Deno.stat(path)).isFile) usageError(`Ce n'est pas un fichier : ${path}`);
} catch {
  usageError(`Fichier introuvable : ${path}`);
}

try {
  const indicators = await warehouseResolver(warehousePath(), values.perimetre, year);
  const map = await readImpactMap(path, { resolve: indicators.resolve });
  const report = buildReport(map, { iterations, seed });
  const used = map.lines.some((l) => l.quantityIndicator !== null);
  if (values.json) {
    console.log(
      JSON.stringify({ ...report, indicators: { scope: indicators.scope, year: indicators.year } }, null, 2),
    );
  } else {
    if (used) {
      console.log(
        `Quantités lues dans les indicateurs : périmètre « ${indicators.scope} », année ${indicators.year}.`,
      );
    }
    console.log(reportText(report, basename(path)));
  }
} catch (error) {
  if (!(error instanceof SroiInputError)) throw error;
  console.error(`La carte d'impact « ${basename(path)} » ne peut pas être calculée :`);
  for (const issue of error.issues) console.error(`- ${formatIssue(issue)}`);
  Deno.exit(1);
}
