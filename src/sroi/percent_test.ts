import assert from "node:assert/strict";
import { parsePercent } from "./percent.ts";

Deno.test("parsePercent: text with % is a percent, fractions stay, numbers above 1 are percents", () => {
  assert.deepEqual(parsePercent("25 %"), { ok: true, value: 0.25 });
  assert.deepEqual(parsePercent("12,5 %"), { ok: true, value: 0.125 });
  assert.deepEqual(parsePercent("1 %"), { ok: true, value: 0.01 });
  assert.deepEqual(parsePercent(0.25), { ok: true, value: 0.25 });
  assert.deepEqual(parsePercent(1), { ok: true, value: 1 });
  assert.deepEqual(parsePercent(25), { ok: true, value: 0.25 });
  assert.deepEqual(parsePercent("25"), { ok: true, value: 0.25 });
  assert.deepEqual(parsePercent("0,35"), { ok: true, value: 0.35 });
  assert.deepEqual(parsePercent("3,5"), { ok: true, value: 0.035 });
  assert.deepEqual(parsePercent(0), { ok: true, value: 0 });
});

Deno.test("parsePercent: refuses text, negatives and more than 100 %", () => {
  assert.deepEqual(parsePercent("120 %"), { ok: false, reason: "« 120 % » dépasse 100 %" });
  assert.deepEqual(parsePercent(150), { ok: false, reason: "« 150 » dépasse 100 %" });
  assert.deepEqual(parsePercent("beaucoup"), { ok: false, reason: "« beaucoup » n'est pas un pourcentage" });
  assert.equal(parsePercent("-5 %").ok, false);
  assert.deepEqual(parsePercent(null), { ok: false, reason: "valeur vide" });
});
