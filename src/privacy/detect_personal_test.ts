import assert from "node:assert/strict";
import { detectPersonal, headerCues } from "./detect_personal.ts";

const TODAY = new Date(Date.UTC(2026, 11, 7));
const detect = (header: string, values: string[]) => detectPersonal(header, values, TODAY);

Deno.test("birth dates under an innocent or a birth header are detected", () => {
  // The Google Forms « When is your birthday? » question.
  assert.equal(detect("When is your birthday?", ["1985-03-14", "1992-11-02", "1978-07-30"]), "birth_dates");
  assert.equal(detect("Quand est votre anniversaire ?", ["14/03/1985", "02/11/1992"]), "birth_dates");
  // A birthday without its year is still a birthday.
  assert.equal(detect("Date d'anniversaire", ["14/03", "2 novembre"]), "birth_dates");
  // No cue: dates spread over decades, most of them old.
  assert.equal(detect("q12", ["12/05/1952", "03/09/1968", "21/01/1990", "30/06/2001"]), "birth_dates");
});

Deno.test("names are detected by a name header or by first names", () => {
  // The Kobo repeat group question `participants/Participant_name`.
  assert.equal(detect("participants/Participant_name", ["Awa", "Kouassi", "Jean-Baptiste"]), "names");
  assert.equal(detect("Qui êtes-vous ?", ["Marie Durand", "DIALLO Awa", "Karim Benali"]), "names");
  assert.equal(detect("Comment vous appelez-vous ?", ["lucas petit", "nadia"]), "names");
  assert.equal(detect("Q3", ["Marie de la Tour", "Jean-Pierre B."]), "names");
});

Deno.test("e-mails, phones, addresses and GPS points are detected", () => {
  assert.equal(detect("Votre contact", ["awa.diallo@exemple.fr", "lucas.petit@exemple.org"]), "emails");
  // A contact question answered by e-mails and phones: the more frequent one names it.
  assert.equal(
    detect("Votre contact", ["06 12 34 56 78", "+33 7 98 76 54 32", "awa@exemple.fr"]),
    "phones",
  );
  assert.equal(detect("q9", ["0612345678", "04.75.12.34.56", "+44 20 7946 0958"]), "phones");
  // A spreadsheet dropped the leading 0: only under a phone header.
  assert.equal(detect("Téléphone", ["612345678", "475123456"]), "phones");
  assert.equal(detect("q9", ["612345678", "475123456"]), null);
  assert.equal(
    detect("Où habitez-vous ?", ["12 rue des Lilas, 26000 Valence", "3 bis allée Jean Moulin", "Valence"]),
    "addresses",
  );
  assert.equal(detect("Adresse", ["rue des Lilas", "chemin des Vignes"]), "addresses");
  assert.equal(detect("q7_lieu", ["45.04 5.05 210 5", "1.464691 27.751719 1.9 0"]), "gps");
  assert.equal(detect("Position", ["45.04,5.05", "44.93, 4.89"]), "gps");
  assert.equal(detect("_q7_lieu_latitude", ["45.0412", "44.9334"]), "gps");
  // A geotrace: points joined by « ; ».
  assert.equal(detect("parcours", ["45.04 5.05 0 0;45.05 5.06 0 0"]), "gps");
});

Deno.test("a single personal value is enough for specific patterns, not for names", () => {
  assert.equal(detect("q4", ["awa@exemple.fr"]), "emails");
  assert.equal(detect("q4", ["Marie"]), null);
  assert.equal(detect("Prénom", ["Marie"]), "names");
});

Deno.test("ordinary survey answers are not flagged", () => {
  const ordinary: [string, string[]][] = [
    ["Je connais mes voisins", ["Tout à fait d'accord", "Plutôt d'accord", "Pas du tout d'accord", "Neutre"]],
    ["Satisfaction (1 à 5)", ["1", "2", "5", "4", "3", "5"]],
    ["Venez-vous souvent ?", ["Oui", "Non", "Oui", "N/A"]],
    ["Nombre d'enfants", ["0", "2", "3", "1"]],
    ["Date de l'atelier", ["12/03/2024", "19/03/2024", "2024-04-02", "05/11/2025"]],
    ["Horodateur", ["17/01/2024 18:07:45", "2024/01/17 6:07:45 PM GMT+1"]],
    ["Structure", ["Maison de quartier des Ors", "Centre social Saint-Nicolas", "MJC Noël Guichard"]],
    ["Nom de la structure", ["Saint-Nicolas", "Les Ors"]],
    ["Commune", ["Valence", "Romans-sur-Isère", "Bourg-lès-Valence", "Saint-Martin-d'Hères"]],
    ["Où habitez-vous ?", ["Valence", "Fontbarlet", "26000 Valence", "Centre-ville"]],
    ["Votre avis", ["J'aime beaucoup l'atelier cuisine", "Trop court", "Super ambiance, merci !"]],
    ["Activités", ["atelier_cuisine jardin", "sorties", "Atelier cuisine, Sorties familles"]],
    ["Montant", ["12,50", "1 250", "3.5"]],
    // Free text mentioning an e-mail or an address is redacted by the survey loaders, not dropped.
    ["q6_commentaire", ["Merci ! Écrivez-moi : awa.diallo@exemple.fr ou au 06 12 34 56 78, à bientôt"]],
    ["Remarques", [
      "Je suis venue au 12 rue des Lilas pour l'atelier du mardi et je reviendrai avec mes enfants",
    ]],
    ["Quartier", ["Fontbarlet", "Polygone", "Valensolles"]],
    ["Identifiant", ["38154000123456", "26362000111111"]],
    ["Année de naissance", ["1985", "1992", "1978"]],
  ];
  for (const [header, values] of ordinary) assert.equal(detect(header, values), null, header);
});

Deno.test("header cues: a name header is not one when it names a place or a group", () => {
  assert.equal(headerCues("Nom du quartier").names, false);
  assert.equal(headerCues("identite/q0_prenom").names, true);
  assert.equal(headerCues("Date de naissance").birth, true);
  assert.equal(headerCues("Nombre de participants").names, false);
});
