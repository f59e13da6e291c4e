/**
 * `deno task build` on a fresh clone whose inbox holds nothing loadable (issue 12): the build
 * used to crash publishing page data (NotFound readdir 'pages/data/generated/structures'). It
 * must give a site, exit 0, and every page must open without a JS error, never show
 * « undefined » or NaN, and the pages without data must say, in French, what to load and where.
 *
 * The build writes page data, Framework's cache and dist/ inside its project: it runs in a
 * temporary copy (tests/support/project_copy.ts) so that the site the other browser tests check
 * is left as it is.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import config from "../../observablehq.config.ts";
import { buildCopy, copyProject } from "../support/project_copy.ts";
import { structurePages } from "../../src/site/structure_pages.ts";

/** Pages whose data comes from exports, and the start of what their empty state says. */
const EMPTY_STATES: Record<string, string> = {
  "/": "Aucun export de structure chargé : déposez les exports de chaque structure",
  "/cooperation": "Aucune donnée de présence reçue pour La Coopération : déposez les exports de présences",
  "/chaine-valeur": "Aucun indicateur n'a encore de valeur : déposez les exports de chaque structure",
  "/socle-commun": "Aucun indicateur n'a encore de valeur : déposez les exports de chaque structure",
  "/iso26000": "Aucune auto-évaluation ISO 26000 reçue : déposez la grille d'auto-évaluation",
  "/enquetes": "Aucun questionnaire des participants ni témoignage reçu : déposez le formulaire",
  "/accorderie": "Aucun échange de la banque de temps reçu : déposez les relevés d'échanges de l'Accorderie",
  "/cluster": "Aucune liste de partenariats reçue : déposez la liste des partenaires",
  "/departement": "Aucune valeur d'indicateur pour les structures de la Drôme : déposez les exports",
  "/qualite": "Aucun export chargé : déposez les exports de chaque structure",
};

Deno.test("build on an empty warehouse, inbox with nothing loadable: a site, exit 0, every page says what to load", async (t) => {
  const project = await copyProject();
  const workspace = await Deno.makeTempDir({ prefix: "entrepot_vide_" });
  try {
    const inbox = join(workspace, "inbox");
    // An export in a folder no registry knows, and a file of no known kind: nothing loads.
    await Deno.mkdir(join(inbox, "maison-du-lac"), { recursive: true });
    await Deno.writeTextFile(
      join(inbox, "maison-du-lac", "consommations.csv"),
      "IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite\n1;11;3;7;08/01/2024;14:00;15:30;present;1\n",
    );
    await Deno.writeTextFile(join(inbox, "notes.csv"), "Remarque;Auteur\nSalle fermée en août;Julie\n");

    await t.step("the build exits 0 and writes dist/index.html", async () => {
      const { code, stdout, stderr } = await buildCopy(project, inbox, workspace);
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      assert.match(stdout, /maison-du-lac\/consommations\.csv : refusé/);
      assert.match(stdout, /Site construit dans dist\//);
      assert.ok((await Deno.stat(join(project, "dist", "index.html"))).isFile);
    });

    await t.step("every page opens without error and the empty ones say what to load", async () => {
      const listed = (config.pages as { path?: string; pages?: { path?: string }[] }[])
        .flatMap((p): { path?: string }[] => p.pages ?? [p]).map((p) => String(p.path))
        // The config imported here lists the structure pages of this project's build: the copy's own.
        .filter((p) => !p.startsWith("/structures/"))
        .concat(
          structurePages(join(project, "pages", "data", "generated", "structures.json")).map((p) => p.path),
        );
      // Tool sheets (« Outils de recueil ») hold no warehouse data: their index page stands for them.
      const paths = [
        ...new Set(["/", ...listed.filter((p) => !p.startsWith("/outils/") || p === "/outils/")]),
      ];
      for (const path of Object.keys(EMPTY_STATES)) assert.ok(paths.includes(path), path);
      const server = serveStatic(join(project, "dist"));
      const browser = await launchBrowser();
      try {
        for (const path of paths) {
          const watch = await watchedPage(browser);
          await watch.page.goto(`${server.url}${path}`);
          await watch.page.waitForSelector("#observablehq-main h1").catch((error) => {
            throw new Error(`${path} : pas de titre (${(error as Error).message.split("\n")[0]})`);
          });
          await watch.page.waitForLoadState("networkidle");
          assert.equal(await watch.page.locator(".observablehq--error").count(), 0, `${path}: a cell failed`);
          const main = await watch.page.locator("#observablehq-main").innerText();
          assert.doesNotMatch(main, /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|Infinity/, path);
          assert.deepEqual(watch.consoleErrors, [], path);
          assert.deepEqual(watch.outsideRequests, [], path);
          const expected = EMPTY_STATES[path];
          if (expected) {
            const notice = (await watch.page.locator(".empty-state-page").innerText())
              .replace(/\s+/g, " ");
            assert.ok(notice.startsWith(expected), `${path}: ${notice}`);
            assert.match(notice, /data\/inbox\//, path);
            // The rest of the page, dashes and zeros, is not shown.
            assert.equal(await watch.page.locator("#observablehq-main h2:visible").count(), 0, path);
          }
          await watch.page.close();
        }
      } finally {
        await browser.close();
        await server.close();
      }
    });
  } finally {
    await Deno.remove(project, { recursive: true }).catch(() => {});
    await Deno.remove(workspace, { recursive: true }).catch(() => {});
  }
});
