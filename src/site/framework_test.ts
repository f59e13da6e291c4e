import assert from "node:assert/strict";
import { join } from "node:path";
import { forgetLoadedPages, localiseHtml } from "./framework.ts";
import { SKIP_LINK } from "./shell.ts";

Deno.test("localiseHtml sets lang=fr once and translates the shell, in nested pages too", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "structures"));
  await Deno.mkdir(join(dir, "_npm"));
  const page =
    '<!DOCTYPE html>\n<html>\n<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1"></head><body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">\n<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li class="observablehq-link"><a href="./">Accueil</a></li>\n  </ol></nav></body></html>';
  await Deno.writeTextFile(join(dir, "index.html"), page);
  await Deno.writeTextFile(join(dir, "structures", "ors.html"), page);
  await Deno.writeTextFile(join(dir, "_npm", "x.html"), page); // libraries are left alone
  await Deno.writeTextFile(join(dir, "done.html"), '<html lang="fr"><body></body></html>');
  assert.equal(await localiseHtml(dir), 3);
  const index = await Deno.readTextFile(join(dir, "index.html"));
  assert.match(index, /<html lang="fr">/);
  // The sidebar toggle is named in French, zoom is not limited, the sidebar's list holds only items.
  assert.match(
    index,
    /title="Menu du site : afficher ou masquer" aria-label="Menu du site : afficher ou masquer" aria-controls="observablehq-sidebar"/,
  );
  assert.match(index, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(
    index,
    /<nav id="observablehq-sidebar">\n {2}<label id="observablehq-sidebar-close"[^>]*><\/label>\n {2}<ol>\n {4}<li/,
  );
  assert.match(await Deno.readTextFile(join(dir, "structures", "ors.html")), /<html lang="fr">/);
  assert.equal(await Deno.readTextFile(join(dir, "_npm", "x.html")), page);
  // A page already in French keeps its lang; every page gets the skip link once, first in its body.
  assert.equal(
    await Deno.readTextFile(join(dir, "done.html")),
    `<html lang="fr"><body>\n${SKIP_LINK}</body></html>`,
  );
  assert.equal(index.split(SKIP_LINK).length, 2);
  assert.match(index, /<body>\n<a id="aller-au-contenu"/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("forgetLoadedPages drops the pages written by page loaders and the analyses' results from Framework's cache, nothing else", async () => {
  const root = await Deno.makeTempDir();
  const cache = join(root, ".observablehq", "cache");
  const files = [
    "methodologie.md",
    "outils/guide.md",
    "analyses/reviennent-ils.json",
    "data/x.json",
    "_npm/pkg@1/README.md",
    "_build.json",
  ];
  for (const file of files) {
    await Deno.mkdir(join(cache, file, ".."), { recursive: true });
    await Deno.writeTextFile(join(cache, file), "x");
  }
  assert.equal(await forgetLoadedPages(root), 3);
  const left = [];
  for (const file of files) if (await Deno.stat(join(cache, file)).catch(() => null)) left.push(file);
  assert.deepEqual(left, ["data/x.json", "_npm/pkg@1/README.md", "_build.json"]);
  assert.equal(await forgetLoadedPages(join(root, "absent")), 0);
  await Deno.remove(root, { recursive: true });
});
