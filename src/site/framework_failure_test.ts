import assert from "node:assert/strict";
import { explainFrameworkFailure, missingLibrary } from "./framework_failure.ts";

// Output of Framework 1.13 building a page that uses `L` (Leaflet) with the network refused by Deno
// (the CDN host replaced by a reserved name: the explainer reads whichever host Framework asked).
const LEAFLET = `load /index in 1827ms
load /carte npm:leaflet@0.0.0-hors-ligne/+esm → pages/.observablehq/cache/_npm/leaflet@0.0.0-hors-ligne/_esm.js
NotCapable: Requires net access to "cdn.invalid:443", run again with the --allow-net flag
    at mainFetch (ext:deno_fetch/26_fetch.js:2:2193)
Unexpected error: Requires net access to "cdn.invalid:443", run again with the --allow-net flag`;

Deno.test("missingLibrary names the page and the package Framework tried to fetch", () => {
  assert.deepEqual(missingLibrary(LEAFLET), { library: "leaflet", page: "/carte" });
  const scoped = "load /sroi npm:@observablehq/sample-datasets@0.0.0-hors-ligne/cars.csv → x\n" +
    'Requires net access to "cdn.invalid:443"';
  assert.deepEqual(missingLibrary(scoped), { library: "@observablehq/sample-datasets", page: "/sroi" });
});

Deno.test("missingLibrary reads Framework's log when it is coloured (CI=true in the environment)", () => {
  const coloured = LEAFLET.replaceAll("load ", "\x1b[90mload\x1b[39m ").replace("→", "\x1b[90m→\x1b[39m");
  assert.deepEqual(missingLibrary(coloured), { library: "leaflet", page: "/carte" });
});

Deno.test("missingLibrary reads the CDN URL when no load line names the page", () => {
  const out =
    "TypeError: fetch failed\n  error sending request for url (https://cdn.invalid/npm/katex@0.16.9/dist/katex.min.css)";
  assert.deepEqual(missingLibrary(out), { library: "katex" });
});

Deno.test("other failures are left to Framework's own message", () => {
  assert.equal(missingLibrary("SyntaxError: Unexpected token (3:4)"), null);
  assert.equal(explainFrameworkFailure("SyntaxError: Unexpected token (3:4)"), null);
});

Deno.test("the French explanation names the page, the library and what to do", () => {
  const text = explainFrameworkFailure(LEAFLET)!;
  assert.match(
    text,
    /^La page \/carte utilise la bibliothèque « leaflet », que le site ne fournit pas hors ligne/,
  );
  assert.match(text, /src\/site\/vendor_npm\.ts/);
});
