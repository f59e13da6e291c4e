/**
 * Fills Observable Framework's npm cache (`<root>/.observablehq/cache/_npm/`) from the locally
 * installed node_modules, so that building and viewing the site never reaches a CDN.
 *
 * Framework never re-fetches a file already in that cache, and resolves a bare `npm:name` to the
 * newest version folder it finds there: an empty folder for a library the site never loads is
 * enough to stop a registry look-up (those libraries then fail loudly if a page ever uses them).
 *
 * @module
 */
import * as esbuild from "esbuild";
import { dirname, join, relative } from "node:path";
import { NODE_MODULES as nodeModules, PAGES_DIR, PROJECT_ROOT as projectRoot } from "../paths.ts";

/** A package bundled into the cache, with the packages it imports kept as separate files. */
export interface VendoredPackage {
  name: string;
  /** Module specifier bundled as `_esm.js` (defaults to the package itself). */
  entry?: string;
  /** Dependencies left external, pointing at their own vendored bundle. */
  external?: string[];
  /** Extra files copied as is (paths inside the package). */
  files?: string[];
  /** Re-export the entry's default export too (`export *` leaves it out). */
  defaultExport?: boolean;
}

/** What the site loads, in dependency order. */
export const VENDORED: VendoredPackage[] = [
  { name: "d3" },
  { name: "d3-dsv" },
  { name: "htl" },
  { name: "isoformat" },
  { name: "@observablehq/plot", external: ["d3"] },
  { name: "@observablehq/inputs" },
  { name: "apache-arrow" },
  // Arquero (Framework's implicit `aq`): its Arrow reader (flechette) and parser (acorn) bundled in.
  { name: "arquero" },
  // XLSX downloads: the browser build (fflate zips in a blob: worker, nothing fetched).
  { name: "write-excel-file", entry: "write-excel-file/browser", defaultExport: true },
  {
    name: "@duckdb/duckdb-wasm",
    entry: "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
    external: ["apache-arrow"],
    files: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js",
    ],
  },
];

/**
 * Libraries Framework's runtime names but this site does not use: an empty version folder stops
 * Framework from asking the registry for their latest version.
 */
export const UNUSED = [
  "@observablehq/sample-datasets",
  "@uwdata/vgplot",
  "@viz-js/viz",
  "echarts",
  "exceljs",
  "jszip",
  "katex",
  "leaflet",
  "lodash",
  "mapbox-gl",
  "mermaid",
  "parquet-wasm",
  "react",
  "react-dom",
  "sql.js",
  "topojson-client",
  "vega",
  "vega-lite",
  "vega-lite-api",
];

/** Version of an installed package, read from its package.json. */
export async function installedVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await Deno.readTextFile(join(nodeModules, name, "package.json")));
  return pkg.version;
}

/** Name of the file that records how a package folder was made (skipped when unchanged). */
const STAMP = ".vendored";

/**
 * Writes the whole cache under `root`; returns the number of files written. A package already
 * bundled from the same version with the same settings (its `.vendored` stamp) is kept as is,
 * so a rebuild does not re-run esbuild.
 */
export async function vendorNpm(root: string): Promise<number> {
  const cache = join(root, ".observablehq", "cache", "_npm");
  const versions = new Map<string, string>();
  for (const { name } of VENDORED) versions.set(name, await installedVersion(name));
  let written = 0;
  for (const pkg of VENDORED) {
    const dir = join(cache, `${pkg.name}@${versions.get(pkg.name)}`);
    await Deno.mkdir(join(dir), { recursive: true });
    const outfile = join(dir, "_esm.js");
    const stamp = JSON.stringify({
      ...pkg,
      version: versions.get(pkg.name),
      externals: pkg.external?.map((d) => versions.get(d)),
    });
    const done = await Deno.readTextFile(join(dir, STAMP)).catch(() => null) === stamp &&
      (await Promise.all(
        [outfile, ...(pkg.files ?? []).map((f) => join(dir, f))].map((f) =>
          Deno.stat(f).then(() => true, () => false)
        ),
      )).every(Boolean);
    if (done) continue;
    const externals = new Map(
      (pkg.external ?? []).map((dep) => [
        dep,
        relative(dir, join(cache, `${dep}@${versions.get(dep)}`, "_esm.js")),
      ]),
    );
    const entry = JSON.stringify(pkg.entry ?? pkg.name);
    await esbuild.build({
      stdin: {
        contents: `export * from ${entry};${pkg.defaultExport ? ` export {default} from ${entry};` : ""}`,
        resolveDir: projectRoot,
        loader: "js",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      outfile,
      logLevel: "error",
      plugins: [{
        name: "vendored-externals",
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            const path = externals.get(args.path);
            return path ? { path: path.startsWith(".") ? path : `./${path}`, external: true } : null;
          });
        },
      }],
    });
    written++;
    for (const file of pkg.files ?? []) {
      await Deno.mkdir(dirname(join(dir, file)), { recursive: true });
      await Deno.copyFile(join(nodeModules, pkg.name, file), join(dir, file));
      written++;
    }
    await Deno.writeTextFile(join(dir, STAMP), stamp);
  }
  for (const name of UNUSED) {
    await Deno.mkdir(join(cache, `${name}@0.0.0-hors-ligne`), { recursive: true });
  }
  await esbuild.stop();
  return written;
}

if (import.meta.main) {
  const root = Deno.args[0] ?? PAGES_DIR;
  const n = await vendorNpm(root);
  console.log(`Bibliothèques du site préparées hors ligne : ${n} fichiers.`);
}
