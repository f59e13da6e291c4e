import assert from "node:assert/strict";
import { reasonOf } from "./publish_quality.ts";

Deno.test("reasonOf removes the quoted value, dates and line numbers so reasons group", () => {
  assert.equal(
    reasonOf("« 31/02/2024 » : le 31 février 2024 n'existe pas"),
    "« … » : le … n'existe pas",
  );
  assert.equal(reasonOf("« douze » n'est pas un nombre"), "« … » n'est pas un nombre");
  assert.equal(
    reasonOf("ligne en double dans le fichier (même contenu que la ligne 12) : comptée une seule fois"),
    "ligne en double dans le fichier (même contenu que la ligne …) : comptée une seule fois",
  );
  assert.equal(reasonOf("valeur obligatoire manquante"), "valeur obligatoire manquante");
});
