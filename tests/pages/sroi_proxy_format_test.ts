/**
 * The SROI page shows proxies with the precision of the map (issue 14, item 3): a 0,03672 € proxy
 * was shown « 0 € » by the page's whole-euro formatter (and 0,04 € by the command-line report).
 */
import assert from "node:assert/strict";
// @ts-types="./sroi_charts.d.ts"
import { formatProxy } from "../../pages/components/sroi_charts.js";

Deno.test("SROI page proxies keep the decimals the map was written with", () => {
  assert.equal(formatProxy(0.03672), "0,03672\u00a0€");
  // Values derived from the proxy (± 25 %, break-even) take its decimals.
  assert.equal(formatProxy(0.0459, 0.03672), "0,04590\u00a0€");
  assert.equal(formatProxy(0.02, 0.03672), "0,02000\u00a0€");
  // Whole euros stay whole; cents show two decimals; a harm keeps its sign.
  assert.equal(formatProxy(450), "450\u00a0€");
  assert.equal(formatProxy(337.5, 450), "337,50\u00a0€");
  assert.equal(formatProxy(-375, -250), "-375\u00a0€");
  assert.equal(formatProxy(null), "—");
});
