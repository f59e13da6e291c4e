import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import { parseGlossary, readGlossary } from "./glossary.ts";

const HEAD = "identifiant;terme;définition;échelle;lecture;indicateur\n";

Deno.test("parseGlossary reads a term with its scale, reading and indicator", () => {
  const terms = parseGlossary(
    `\ufeff${HEAD}van;VAN;Valeur actuelle nette.;euros;Positive : gain.;\n\ndiversite-ages;Diversité des âges;Indice de Shannon.;de 0 à 1,79;0 : une tranche.;diversite_ages\n`,
    "glossaire.csv",
    new Set(["diversite_ages"]),
  );
  assert.deepEqual(terms, [
    {
      id: "van",
      term: "VAN",
      definition: "Valeur actuelle nette.",
      scale: "euros",
      reading: "Positive : gain.",
      indicator: null,
    },
    {
      id: "diversite-ages",
      term: "Diversité des âges",
      definition: "Indice de Shannon.",
      scale: "de 0 à 1,79",
      reading: "0 : une tranche.",
      indicator: "diversite_ages",
    },
  ]);
});

Deno.test("parseGlossary names the file, line and column of a mistake, in French", () => {
  assert.throws(
    () => parseGlossary("id;terme\n", "glossaire.csv"),
    {
      message:
        "glossaire.csv, ligne 1, colonne 1 : en-tête « id » au lieu de « identifiant ». La première ligne doit être : identifiant;terme;définition;échelle;lecture;indicateur.",
    },
  );
  assert.throws(
    () => parseGlossary(`${HEAD}van;VAN;déf.\n`, "g.csv"),
    /^Error: g\.csv, ligne 2, colonne 4 : 3 champs au lieu de 6/,
  );
  assert.throws(
    () => parseGlossary(`${HEAD}Van;VAN;d;e;l;\n`, "g.csv"),
    /ligne 2, colonne 1 : identifiant « Van » invalide/,
  );
  assert.throws(
    () => parseGlossary(`${HEAD}van;VAN;d;e;l;\nvan;VAN;d;e;l;\n`, "g.csv"),
    /ligne 3, colonne 1 : l'identifiant « van » est déjà utilisé plus haut/,
  );
  assert.throws(
    () => parseGlossary(`${HEAD}van;VAN;;e;l;\n`, "g.csv"),
    /ligne 2, colonne 3 : la définition de « VAN » est vide/,
  );
  assert.throws(
    () => parseGlossary(`${HEAD}van;VAN;d;e;l;inconnu\n`, "g.csv", new Set(["seances"])),
    /ligne 2, colonne 6 : l'indicateur « inconnu » n'est pas dans le catalogue/,
  );
});

Deno.test("the shipped glossary glosses the issue's jargon and names only catalogue indicators", async () => {
  const catalogue = await Deno.readTextFile(join(PROJECT_ROOT, "data", "indicators", "catalogue.csv"));
  const ids = new Set(catalogue.split("\n").slice(1).map((l) => l.split(";")[0]).filter(Boolean));
  const terms = await readGlossary(ids);
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (
    const id of [
      "diversite-ages",
      "taux-penetration",
      "maillage",
      "cible-fonda",
      "intermediarite",
      "composantes",
      "p5-p95",
      "van",
      "lois-triangulaires",
    ]
  ) {
    const t = byId.get(id);
    assert.ok(t?.definition && t.scale && t.reading, `${id} : définition, échelle et lecture`);
  }
  assert.equal(byId.get("diversite-ages")?.indicator, "diversite_ages");
  assert.match(byId.get("diversite-ages")!.scale, /de 0 à 1,79/);
});
