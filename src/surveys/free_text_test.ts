import assert from "node:assert/strict";
import { escapeHtml, publishableText } from "./free_text.ts";
import { publishedCount } from "./published_count.ts";
import { reachedFor, responseRate } from "./response_rate.ts";

Deno.test("free text: HTML escaped, formula-like starts neutralised", () => {
  assert.equal(
    escapeHtml(`<img src=x onerror="a()"> & 'b'`),
    "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;b&#39;",
  );
  assert.equal(publishableText(" =SOMME(A1) <script>"), "&#39;=SOMME(A1) &lt;script&gt;");
  for (const start of ["+", "-", "@"]) assert.equal(publishableText(`${start}1`), `&#39;${start}1`);
  assert.equal(publishableText("Merci à l'équipe"), "Merci à l&#39;équipe");
});

Deno.test("published counts and response rates", () => {
  assert.deepEqual([0, 1, 4, 5, 37, null].map((n) => publishedCount(n)), [
    "0",
    "< 5",
    "< 5",
    "5",
    "37",
    null,
  ]);
  assert.equal(responseRate(30, 120), 0.25);
  assert.equal(responseRate(3, 120), null);
  assert.equal(responseRate(37, 40), null);
  assert.equal(responseRate(30, null), null);
  assert.equal(responseRate(45, 40), 45 / 40);
  assert.deepEqual(reachedFor("ensemble", 60, null), { reached: 60, source: "cible" });
  assert.deepEqual(reachedFor("ensemble", null, 200), { reached: null, source: null });
  assert.deepEqual(reachedFor("ors", 60, 200), { reached: 200, source: "participants" });
});
