import assert from "node:assert/strict";
import { join } from "node:path";
import { dataFooter } from "./data_footer.ts";

Deno.test("dataFooter says when the data was loaded and from how many exports", async () => {
  const dir = await Deno.makeTempDir({ prefix: "data_footer_" });
  try {
    const file = join(dir, "accueil.json");
    await Deno.writeTextFile(file, JSON.stringify({ period: { last_loaded: "2024-03-03", files: 1207 } }));
    assert.match(
      dataFooter(file).replace(/\u202f/g, " "),
      /Données chargées le 3 mars 2024 à partir de 1 207 exports \(détail par structure : Accueil et Qualité des données\)\.$/,
    );
    await Deno.writeTextFile(file, JSON.stringify({ period: { last_loaded: null, files: 0 } }));
    assert.doesNotMatch(dataFooter(file), /Données chargées/);
    assert.match(dataFooter(join(dir, "absent.json")), /effectifs inférieurs à 5 masqués\.$/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
