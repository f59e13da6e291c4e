/**
 * The `deno task sroi` contract, through the real command in a subprocess: JSON keys, exact
 * figures, reproducible Monte Carlo, French text, exit codes 0 / 1 / 2. Also checks that the
 * shipped example equals the fixture its script rebuilds.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { exampleWorkbook } from "../fixtures/sroi/make_fixtures.ts";
import { runSroi, tables, writeWorkbook } from "./support.ts";

const FIXTURE = join(PROJECT_ROOT, "tests", "fixtures", "sroi", "carte_impact_exemple.xlsx");

Deno.test("sroi --json on the example map: keys, numbers, reproducible with a seed", async () => {
  const first = await runSroi(["--json", "--seed", "7", "--iterations", "2000", FIXTURE]);
  assert.equal(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  for (
    const key of [
      "inputs_total",
      "pv",
      "npv",
      "ratio",
      "payback_months",
      "lines",
      "sensitivity",
      "monte_carlo",
    ]
  ) {
    assert.ok(key in report, key);
  }
  for (const key of ["p5", "p50", "p95"]) assert.equal(typeof report.monte_carlo[key], "number", key);
  for (const key of ["inputs_total", "pv", "npv", "ratio", "payback_months"]) {
    assert.equal(typeof report[key], "number", key);
  }
  // 18 000 + 9 500 + 10 806,60 + 3 600 + 1 250
  assert.equal(report.inputs_total, 43156.6);
  assert.equal(report.lines.length, 5);
  // Row 4: 24 × 450 € × (1 − 20 %) × (1 − 30 %) = 6 048 € ; drop-off 25 % → 4 536 € in year 2.
  assert.deepEqual(report.lines[0].values, [6048, 4536, 0, 0, 0]);
  // Row 6 starts after the action: 12 × 650 × 0,9 × 0,8 = 5 616 € from year 2, then − 30 % a year.
  assert.deepEqual(report.lines[2].values, [0, 5616, 3931.2, 2751.84, 0]);
  // 5 lines × 7 assumptions + the discount rate
  assert.equal(report.sensitivity.length, 36);
  assert.equal(report.monte_carlo.iterations, 2000);
  assert.equal(report.monte_carlo.seed, 7);
  assert.ok(
    report.monte_carlo.p5 < report.monte_carlo.p50 && report.monte_carlo.p50 < report.monte_carlo.p95,
  );

  const again = await runSroi(["--json", "--seed", "7", "--iterations", "2000", FIXTURE]);
  assert.equal(again.stdout, first.stdout);
});

Deno.test("sroi --json reproduces worked example 1 to the cent", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sroi_cli_" });
  const path = await writeWorkbook(
    dir,
    "exemple1.xlsx",
    tables(
      [["Parents", "Confiance", "", 10, 3, 1, 1000, "tarif", "20 %", 0, "25 %", "10 %"]],
      [["CAF", "subvention", 5000]],
      { rate: "3,5 %", horizon: 5 },
    ),
  );
  const { code, stdout, stderr } = await runSroi(["--json", path]);
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout);
  assert.equal(report.pv, 15221.5);
  assert.equal(report.npv, 10221.5);
  assert.equal(report.ratio, 3.0443);
  assert.equal(report.payback_months, 10);
  assert.deepEqual(report.lines[0].values, [6000, 5400, 4860, 0, 0]);
  // No ranges: every draw is the deterministic ratio.
  assert.deepEqual(
    [report.monte_carlo.p5, report.monte_carlo.p50, report.monte_carlo.p95],
    [3.0443, 3.0443, 3.0443],
  );

  const text = await runSroi([path]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /Ratio SROI : 1 : 3,04, soit 3,04 € de valeur sociale par euro investi/);
  assert.match(text.stdout, /Valeur actuelle des impacts : 15\u202f221,50\u00a0€/);
  assert.match(text.stdout, /Délai de retour : 10,0 mois/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("sroi exits 1 on an invalid map and lists every problem in French", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sroi_cli_" });
  const path = await writeWorkbook(
    dir,
    "faux.xlsx",
    tables([["Parents", "Confiance", "", 10, 3, 1, "cher", "", "120 %", 0, 0, 0]], [["CAF", "", 5000]]),
  );
  const { code, stdout, stderr } = await runSroi(["--json", path]);
  assert.equal(code, 1);
  assert.equal(stdout, "");
  assert.match(stderr, /La carte d'impact « faux\.xlsx » ne peut pas être calculée/);
  assert.match(
    stderr,
    /Feuille « impacts », ligne 2, colonne « Proxy financier \(€\) » : « cher » n'est pas un nombre/,
  );
  assert.match(stderr, /Feuille « impacts », ligne 2, colonne « Aubaine % » : « 120 % » dépasse 100 %/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("sroi exits 2 on a usage error", async () => {
  for (
    const args of [
      [],
      ["--nimportequoi", FIXTURE],
      ["introuvable.xlsx"],
      ["--seed", "abc", FIXTURE],
      ["--iterations", "0", FIXTURE],
      [FIXTURE, FIXTURE],
    ]
  ) {
    const { code, stderr } = await runSroi(args);
    assert.equal(code, 2, args.join(" "));
    assert.match(stderr, /Usage : deno task sroi/);
  }
});

Deno.test("the shipped example is the fixture, and its script rebuilds the same bytes", async () => {
  const built = await exampleWorkbook();
  assert.deepEqual(await Deno.readFile(FIXTURE), built);
  assert.deepEqual(
    await Deno.readFile(join(PROJECT_ROOT, "data", "sroi", "carte_impact_exemple.xlsx")),
    built,
  );
});
