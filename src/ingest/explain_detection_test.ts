import assert from "node:assert/strict";
import { z } from "zod";
import { parseDelimited } from "../read/parse_delimited.ts";
import { detectLoader } from "./detect_loader.ts";
import { loaderLabel, rankCandidates, runnerUpIssues, unrecognisedMessage } from "./explain_detection.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";

/** A loader reduced to what detection reads. */
function spec(kind: string, fields: Record<string, { aliases: string[]; required?: boolean }>): LoaderSpec {
  return {
    kind,
    format: `format-${kind}`,
    label: `format ${kind}`,
    tables: { t: ["id"] },
    needsStructure: false,
    fields: Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, { type: "text", ...f }])),
    schema: z.object({}),
    toRows: () => [],
  };
}

const table = (text: string): RawTable => ({
  sheet: null,
  encoding: "utf-8",
  rows: parseDelimited(text, ";"),
});

const A = spec("alpha", { date: { aliases: ["Date", "Jour"], required: true }, who: { aliases: ["Nom"] } });
const B = spec("beta", { date: { aliases: ["Date"], required: true }, who: { aliases: ["Nom"] } });
const C = spec("gamma", {
  when: { aliases: ["Date"], required: true },
  code: { aliases: ["Code", "Référence", "Réf."], required: true },
});

Deno.test("ties go to the loader listed first, in detection and in the runner-up, whatever the call", () => {
  const t = table("Titre\nDate;Nom\n12/03/2024;Roux\n");
  for (const order of [[A, B], [B, A]]) {
    const found = detectLoader(order, t)!;
    assert.equal(found.spec, order[0]);
    assert.equal(found.runnerUp!.spec, order[1]);
    // Two columns each: a tie, so it is reported.
    assert.equal(
      runnerUpIssues(found)[0].message,
      `reconnu comme ${order[0].kind} (format ${order[0].kind}) (2 colonnes) plutôt que ${
        order[1].kind
      } (format ${
        order[1].kind
      }) (2 colonnes) : si ce n'est pas le bon type, rechargez le fichier avec --kind ${order[1].kind}`,
    );
  }
});

Deno.test("a runner-up whose columns the winner reads too, two columns behind, is not reported", () => {
  const wide = spec("wide", {
    date: { aliases: ["Date"], required: true },
    who: { aliases: ["Nom"] },
    where: { aliases: ["Lieu"] },
    what: { aliases: ["Atelier"] },
  });
  const found = detectLoader([wide, B], table("Date;Nom;Lieu;Atelier\n"))!;
  assert.equal(found.runnerUp!.spec, B);
  assert.deepEqual(runnerUpIssues(found), []);
  // The same runner-up reading a column the winner leaves aside is reported.
  const other = spec("other", { date: { aliases: ["Date"], required: true }, code: { aliases: ["Code"] } });
  const found2 = detectLoader([wide, other], table("Date;Nom;Lieu;Atelier;Code\n"))!;
  assert.equal(runnerUpIssues(found2).length, 1);
});

Deno.test("candidates rank by matched columns, then fewer missing, then loader order; the best row of the first 30", () => {
  const t = table("Export du 3 mars\nNom;Réf.\n");
  const ranked = rankCandidates([A, B, C], t);
  assert.deepEqual(ranked.map((c) => [c.spec.kind, c.matched, c.line, c.missing]), [
    ["alpha", 1, 2, ["date"]],
    ["beta", 1, 2, ["date"]],
    ["gamma", 1, 2, ["when"]],
  ]);
  assert.equal(
    unrecognisedMessage([C], t),
    "type d'export non reconnu (aucun type n'a toutes ses colonnes obligatoires dans les 30 premières lignes). Le plus proche : gamma (format gamma), 1 colonne reconnue ligne 2 — il manque la colonne obligatoire « Date ». Corrigez l'en-tête (ou précisez --kind) ; colonnes de chaque type : deno task formats ou la page « Formats acceptés » du site",
  );
  assert.match(unrecognisedMessage([A, B, C], table("Remarque\n")), /aucune colonne connue/);
});

Deno.test("a label says the kind and the format only when the format says more", () => {
  assert.equal(
    loaderLabel({ ...A, kind: "attendance", label: "feuille d'émargement" }),
    "présences (feuille d'émargement)",
  );
  assert.equal(
    loaderLabel({ ...A, kind: "structures", label: "registre des structures" }),
    "registre des structures",
  );
});
