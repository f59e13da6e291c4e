import assert from "node:assert/strict";
import { LOADERS } from "../../loaders/mod.ts";
import { describeFormats } from "../ingest/describe_formats.ts";
import { formatsPage } from "./formats_page.ts";

Deno.test("the « Formats acceptés » page has a section per kind and a column table per format, as static HTML", () => {
  const page = formatsPage(LOADERS);
  assert.ok(page.startsWith("---\ntitle: Formats acceptés\n"));
  const kinds = describeFormats(LOADERS);
  for (const kind of kinds) {
    assert.ok(page.includes(`data-kind="${kind.kind}"`), kind.kind);
    for (const format of kind.formats) {
      assert.ok(page.includes(`data-format="${format.format}"`), format.format);
    }
  }
  assert.equal(page.match(/<section class="kind"/g)?.length, kinds.length);
  // A known row: the sign-in sheet's « Date », required, with its aliases.
  assert.ok(
    page.includes(
      '<tr><td data-label="Nom"><strong>Date</strong></td><td data-label="Obligatoire">oui</td><td data-label="Aussi accepté">« Date de la séance », « Jour »</td>',
    ),
  );
  // Framework reads Markdown: no blank line inside the HTML of the kinds, no live `${…}`, no full date.
  const body = page.slice(page.indexOf('<div data-testid="kinds">'), page.indexOf("<style>"));
  assert.doesNotMatch(body.trim(), /\n\s*\n/);
  assert.ok(!page.includes("${"));
  assert.doesNotMatch(page, /\d{2}\/\d{2}\/\d{4}/);
});
