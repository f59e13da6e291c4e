import assert from "node:assert/strict";
import { join } from "node:path";
// Framework's own Markdown and HTML parsers: the page is read exactly as the build reads it.
import { createMarkdownIt, parseMarkdown } from "../../node_modules/@observablehq/framework/dist/markdown.js";
import { parseHtml } from "../../node_modules/@observablehq/framework/dist/html.js";
import {
  escapeHtml,
  type MethodologyData,
  type MethodologyIndicator,
  methodologyPage,
  methodologyPagePending,
  readMethodologyData,
} from "./methodology_page.ts";

const SQL =
  "-- Part des moins de 18 ans & des familles ${x}\n\nSELECT a < b AND c > 0, '\\d' AS `q`\r\nFROM t";

function indicator(overrides: Partial<MethodologyIndicator>): MethodologyIndicator {
  return {
    id: "part_jeunes",
    label: "Part des < 18 ans & familles",
    definition: "Personnes de moins de 18 ans <b>inscrites</b> & leurs familles, ${hors} adultes.",
    unit: "part (0-1)",
    stage: "réalisations",
    dimension: "cohésion sociale",
    target: "habitants",
    question: "efficacité",
    iso_subject: "6.8",
    iso_issue: "6.8.4",
    direction: "plus_est_mieux",
    disclosure: "taux_personnes",
    sources: ["stg_people", "stg_attendance"],
    source_labels: ["personnes", "présences"],
    sql_file: "part_jeunes.sql",
    sql: SQL,
    coverage: { first_year: 2017, last_year: 2024, values: 1234, complete: 1230, hidden: 2, structures: 3 },
    issues: ["Requête « part_jeunes » : 1 ligne ignorée"],
    ...overrides,
  };
}

const DATA: MethodologyData = {
  threshold: 5,
  baselineYears: [2017, 2018],
  indicators: [
    indicator({}),
    indicator({
      id: "benevoles",
      label: "Bénévoles",
      definition: "Personnes ayant donné du temps.",
      unit: "personnes",
      stage: "ressources",
      dimension: null,
      target: null,
      question: null,
      iso_subject: null,
      iso_issue: null,
      direction: "neutre",
      disclosure: "effectif_personnes",
      sources: ["stg_volunteering"],
      source_labels: ["relevés de bénévolat"],
      sql_file: "benevoles.sql",
      sql: null,
      coverage: null,
      issues: [],
    }),
    indicator({
      id: "seances",
      label: "Séances",
      stage: "activités",
      disclosure: "aucune",
      coverage: { first_year: 2020, last_year: 2024, values: 5, complete: 5, hidden: 0, structures: 1 },
      issues: [],
    }),
  ],
  glossary: [
    {
      id: "van",
      term: "VAN",
      definition: "Valeur actuelle nette : impacts actualisés moins investissements.",
      scale: "euros",
      reading: "Positive : la valeur dépasse l'investissement.",
      indicator: null,
    },
    {
      id: "diversite-ages",
      term: "Diversité des âges",
      definition: "Indice de Shannon sur les tranches d'âge ${x} <b>.",
      scale: "indice sans unité, de 0 à 1,79",
      reading: "0 : une seule tranche.",
      indicator: "seances",
    },
  ],
};

/** The page as Framework parses it: front matter, live code, and the body as a document. */
function built(markdown: string) {
  const page = parseMarkdown(markdown, {
    path: "/methodologie",
    source: "methodologie.md",
    md: createMarkdownIt({ linkify: false, typographer: false }),
  });
  return { page, document: parseHtml(page.body).document as unknown as Document };
}

const text = (node: { textContent: string | null } | null) => node?.textContent?.replace(/\s+/g, " ").trim();

Deno.test("methodologyPage writes every indicator as static HTML, all text escaped", () => {
  const { page, document } = built(methodologyPage(DATA));
  assert.equal(page.title, "Méthodologie");
  // The side table of contents (regression: the page was 30 000 px with none): Framework lists
  // the `<h2 id>` it finds with its own selector, here the rules, the glossary and the stages.
  assert.equal(page.data.toc, undefined);
  assert.deepEqual(
    Array.from(
      document.querySelectorAll("h1:not(:first-of-type)[id], h2:first-child[id], :not(h1) + h2[id]"),
      (h) => [h.getAttribute("id"), text(h)],
    ),
    [
      ["regles-communes", "Règles communes"],
      ["arrondis", "Arrondis et valeurs masquées"],
      ["glossaire", "Glossaire"],
      ["etape-ressources", "Ressources"],
      ["etape-activites", "Activités"],
      ["etape-realisations", "Réalisations"],
      ["etape-effets", "Effets"],
      ["etape-impacts", "Impacts"],
    ],
  );
  // Nothing left for the browser to compute: no `${…}` of the texts became live code.
  assert.equal(page.code.length, 0);

  assert.equal(
    text(document.querySelector("[data-testid=lede]")),
    "L'observatoire calcule 3 indicateurs, chacun décrit ci-dessous tel qu'il figure dans le catalogue des indicateurs de l'observatoire : définition, unité, place dans la chaîne de valeur, dimension du socle commun, cible et question évaluative, références ISO 26000, sens de lecture, règle de confidentialité, sources et requête de calcul.",
  );
  assert.deepEqual(
    Array.from(
      document.querySelectorAll("[data-testid=stage-index] a"),
      (a) => [a.getAttribute("href"), text(a)],
    ),
    [
      ["#regles-communes", "Règles communes"],
      ["#arrondis", "Arrondis"],
      ["#glossaire", "Glossaire (2 termes)"],
      ["#etape-ressources", "Ressources (1)"],
      ["#etape-activites", "Activités (1)"],
      ["#etape-realisations", "Réalisations (1)"],
      ["#etape-effets", "Effets (0)"],
      ["#etape-impacts", "Impacts (0)"],
    ],
  );
  // The common rules are Markdown: emphasis rendered, threshold and baseline years filled in.
  const rules = document.querySelector("[data-testid=general-rules]");
  assert.equal(rules?.previousElementSibling?.getAttribute("id"), "regles-communes");
  assert.match(text(rules)!, /la moyenne des années 2017 et 2018 disponibles/);
  assert.match(text(rules)!, /\*?Confidentialité\*? : seuil de 5 personnes\.$/);

  // Entries by stage, in catalogue order, each one its own link target.
  assert.deepEqual(
    Array.from(document.querySelectorAll("[data-testid=indicators] section.stage"), (s) => [
      s.querySelector("h2")?.getAttribute("id"),
      Array.from(s.querySelectorAll("article.indicator"), (a) => a.getAttribute("id")),
    ]),
    [
      ["etape-ressources", ["benevoles"]],
      ["etape-activites", ["seances"]],
      ["etape-realisations", ["part_jeunes"]],
      ["etape-effets", []],
      ["etape-impacts", []],
    ],
  );

  const entry = document.querySelector("article#part_jeunes")!;
  assert.equal(entry.getAttribute("data-indicator"), "part_jeunes");
  assert.equal(text(entry.querySelector("h3")), "Part des < 18 ans & familles #");
  assert.equal(entry.querySelector("h3 a.anchor")?.getAttribute("href"), "#part_jeunes");
  // Markup in a definition is shown as text, never interpreted.
  assert.equal(
    entry.querySelector("p.definition")?.textContent,
    "Personnes de moins de 18 ans <b>inscrites</b> & leurs familles, ${hors} adultes.",
  );
  assert.equal(entry.querySelectorAll("p.definition *").length, 0);
  const rows = Object.fromEntries(
    Array.from(entry.querySelectorAll("dt"), (dt) => [text(dt), text(dt.nextElementSibling)]),
  );
  assert.deepEqual(rows, {
    "Identifiant": "part_jeunes",
    "Unité": "part (0-1)",
    "Étape": "Réalisations",
    "Dimension": "Cohésion sociale",
    "Cible FONDA": "Habitants",
    "Question évaluative": "Efficacité",
    "ISO 26000": "question centrale 6.8, domaine d'action 6.8.4",
    "Sens": "plus est mieux",
    "Diffusion":
      "part de personnes : masquée quand moins de 5 personnes sont concernées, ou quand le numérateur ou le reste compte de 1 à 4 personnes",
    "Sources": "personnes ; présences (tables de l'entrepôt : stg_people, stg_attendance)",
  });
  assert.equal(entry.querySelectorAll("dd i.sq").length, 2);
  // The SQL, byte for byte (line breaks, `<`, `&`, `$`, `\`, backquotes), as text in <details>.
  assert.equal(
    text(entry.querySelector("details.sql summary")),
    "Formule (requête SQL, data/indicators/sql/part_jeunes.sql)",
  );
  assert.equal(entry.querySelector("details.sql pre code")?.textContent, SQL);
  assert.equal(entry.querySelectorAll("pre code *").length, 0);
  assert.deepEqual(Array.from(entry.querySelectorAll("ul.caveats li"), (li) => li.textContent), [
    "Valeurs de 2017 à 2024 : 1\u202f234 valeurs (périmètres × années), dont 1\u202f230 complètes et 4 partielles ; 2 masquées « < 5 » ; 3 structures concernées.",
    "Requête « part_jeunes » : 1 ligne ignorée",
  ]);

  // Without values, without optional fields, without SQL.
  const missing = document.querySelector("article#benevoles")!;
  const missingRows = Object.fromEntries(
    Array.from(missing.querySelectorAll("dt"), (dt) => [text(dt), text(dt.nextElementSibling)]),
  );
  assert.equal(missingRows["Dimension"], "—");
  assert.equal(missingRows["Cible FONDA"], "—");
  assert.equal(missingRows["ISO 26000"], "—");
  assert.equal(missingRows["Sens"], "neutre (ni mieux ni moins bien)");
  assert.equal(missingRows["Diffusion"], "effectif de personnes : une valeur de 1 à 4 est affichée « < 5 »");
  assert.equal(missing.querySelector("pre code")?.textContent, "fichier introuvable");
  assert.deepEqual(Array.from(missing.querySelectorAll("ul.caveats li"), (li) => li.textContent), [
    "Aucune valeur calculée sur les données actuelles (source non reçue).",
  ]);
  // First values after the baseline years: no comparison.
  assert.deepEqual(
    Array.from(document.querySelectorAll("article#seances ul.caveats li"), (li) => li.textContent),
    [
      "Valeurs de 2020 à 2024 : 5 valeurs (périmètres × années), dont 5 complètes ; 1 structure concernée.",
      "Pas de valeur en 2017 ou 2018 : pas de comparaison à la référence.",
    ],
  );

  // The published data stays downloadable, and ties the page to it (the dev server watches it).
  const download = document.querySelector("[data-testid=sources] a[download]");
  assert.equal(download?.getAttribute("href"), "./data/generated/methodologie.json");
});

Deno.test("escapeHtml leaves nothing for HTML, Markdown blocks or Framework expressions", () => {
  assert.equal(
    escapeHtml('a < b && "c" > ${d} \\e `f`'),
    "a &lt; b &amp;&amp; &quot;c&quot; &gt; &#36;{d} &#92;e &#96;f&#96;",
  );
  assert.equal(escapeHtml("une\n\ndeux\r\n"), "une&#10;&#10;deux&#13;&#10;");
  assert.equal(escapeHtml(null), "");
});

Deno.test("the page says so when the data has not been published yet", async () => {
  const dir = await Deno.makeTempDir({ prefix: "methodology_page_" });
  try {
    assert.equal(await readMethodologyData(join(dir, "methodologie.json")), null);
    const { page, document } = built(methodologyPagePending());
    assert.equal(page.code.length, 0);
    assert.match(text(document.querySelector("[data-testid=lede]"))!, /ne sont pas encore publiées/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readMethodologyData waits for a file being written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "methodology_page_" });
  try {
    const file = join(dir, "methodologie.json");
    const json = JSON.stringify(DATA);
    await Deno.writeTextFile(file, json.slice(0, 100));
    const finished = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      Deno.writeTextFile(file, json)
    );
    assert.deepEqual(await readMethodologyData(file), DATA);
    await finished;
    await Deno.writeTextFile(file, "{");
    await assert.rejects(() => readMethodologyData(file, 2), SyntaxError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the glossary section: one anchored entry a term, alphabetical, scale and reading, escaped", () => {
  const { document } = built(methodologyPage(DATA));
  const terms = Array.from(document.querySelectorAll("[data-testid=glossary] .term"));
  assert.deepEqual(terms.map((t) => t.getAttribute("id")), ["glossaire-diversite-ages", "glossaire-van"]);
  const ages = terms[0];
  assert.equal(text(ages.querySelector("dt")), "Diversité des âges #");
  assert.deepEqual(Array.from(ages.querySelectorAll("dd p"), (p) => text(p)), [
    "Indice de Shannon sur les tranches d'âge ${x} <b>.",
    "Échelle : indice sans unité, de 0 à 1,79.",
    "Lecture : 0 : une seule tranche.",
    "Calcul de l'indicateur",
  ]);
  assert.equal(ages.querySelector("dd a")?.getAttribute("href"), "#seances");
  // No indicator: no link.
  assert.equal(terms[1].querySelectorAll("dd a").length, 0);
});
