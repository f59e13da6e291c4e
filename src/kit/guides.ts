/**
 * One-page French guides (« comment remplir », « erreurs fréquentes ») for the teams and
 * volunteers: one per template and one for the questionnaire, written into the kit and published
 * on the site under *Outils de recueil* (`pages/outils/`). Built from the same template
 * definitions as the workbooks, so a column added to a loader shows up here too.
 *
 * The pages are plain Markdown for Observable Framework: no `${…}` (it would be evaluated).
 *
 * @module
 */
import { describeColumn, exampleText, mandatoryText } from "./describe.ts";
import { ITEM_BANK } from "./item_bank.ts";
import type { Template } from "./templates.ts";

/** Markdown cell text (no pipe, no line break, no template interpolation). */
function cell(text: string): string {
  return text.replace(/\|/g, "/").replace(/\n/g, " ").replace(/\$\{/g, "$ {");
}

/**
 * The guide of a spreadsheet template. `modelsDir` is where the workbook sits relative to the
 * guide: `../modeles` in the kit folder, `./modeles` on the site (pages/outils/modeles/, written
 * by the build).
 */
export function templateGuide(template: Template, modelsDir = "../modeles"): string {
  const lines = [
    "---",
    `title: ${template.title}`,
    "---",
    "",
    `# ${template.title}`,
    "",
    `Modèle à remplir : <a href="${modelsDir}/${template.id}.xlsx" download>télécharger ${template.id}.xlsx</a> (classeur Excel, à ouvrir avec Excel ou LibreOffice). Il alimente la rubrique « ${template.kindLabel} » de l'observatoire.`,
    "",
    "## Comment remplir",
    "",
    ...template.howTo.map((l) => `- ${l}`),
    "- Ne renommez ni les colonnes ni les feuilles ; ne supprimez pas la feuille « Instructions ».",
    "- Les listes déroulantes proposent les valeurs attendues ; les cellules grisées se remplissent seules.",
    "",
  ];
  for (const sheet of template.sheets) {
    lines.push(
      template.sheets.length > 1 ? `## Feuille « ${sheet.name} »` : "## Les colonnes",
      "",
      "| Colonne | | Ce qu'il faut écrire | Exemple |",
      "|---|---|---|---|",
      ...sheet.columns.map((c) =>
        `| ${cell(c.header)} | ${mandatoryText(c)} | ${cell(describeColumn(c, template.notes[c.field]))} | ${
          sheet.formulas?.[c.field]
            ? "(calculé)"
            : cell(exampleText(template.example[c.field] ?? sheet.prefill?.[0]?.[c.field], c, true))
        } |`
      ),
      "",
    );
  }
  lines.push(
    "## Erreurs fréquentes",
    "",
    ...template.mistakes.map((l) => `- ${l}`),
    "",
    "Une ligne mal remplie n'empêche pas les autres d'être chargées : elle est signalée avec son numéro de ligne et le nom de sa colonne, pour être corrigée et renvoyée.",
    "",
  );
  return lines.join("\n");
}

/** The guide of the participant questionnaire. */
export function questionnaireGuide(): string {
  return [
    "---",
    "title: Questionnaire des participants",
    "---",
    "",
    "# Questionnaire des participants (socle commun)",
    "",
    "Deux fichiers dans le kit : **questionnaire-socle-commun.xlsx**, à importer dans KoboToolbox (Projets › Nouveau › Importer un XLSForm), et **questionnaire-papier.html**, à imprimer (Fichier › Imprimer) pour les personnes sans téléphone.",
    "",
    "## Comment faire passer le questionnaire",
    "",
    "- Au début de l'activité (vague « avant »), puis à la fin (vague « après »), aux mêmes personnes.",
    "- Lisez d'abord la question de consentement : sans « oui », rien d'autre n'est demandé.",
    "- Chaque personne invente son **code personnel** (deux lettres du prénom de sa mère et son jour de naissance, ex. MA14) et le réutilise à la fin : c'est ce qui permet de mesurer l'évolution, sans jamais connaître son nom.",
    "- Une réponse par phrase, de « Pas du tout d'accord » (1) à « Tout à fait d'accord » (5). Certaines phrases sont tournées à l'envers (« Je me sens souvent seul·e ») : c'est voulu, l'analyse en tient compte.",
    "- Les questionnaires papier sont ensuite saisis dans Kobo (même formulaire) par l'équipe.",
    "- Exportez les réponses de Kobo en CSV ou XLSX et déposez-les dans le dossier de la structure, avec le formulaire.",
    "",
    "## Les thèmes abordés",
    "",
    ...ITEM_BANK.map((d) => `- **${d.title}** (${d.dimension}) : ${d.items.length} phrases`),
    "",
    "## Erreurs fréquentes",
    "",
    "- Un nom ou un numéro de téléphone comme code personnel : le code ne doit pas permettre de reconnaître la personne.",
    "- Un code différent avant et après (« MA14 » puis « MA 14 » va, « MA14 » puis « MO14 » non) : la personne ne peut pas être suivie.",
    "- Modifier le formulaire dans Kobo (noms de questions) entre les deux vagues : les réponses ne se rapprochent plus.",
    "- Aider à répondre en suggérant la « bonne » réponse : lisez la phrase, laissez choisir.",
    "",
  ].join("\n");
}

/** The index page of *Outils de recueil*. */
export function toolsIndex(templates: readonly Template[]): string {
  return [
    "---",
    "title: Outils de recueil",
    "---",
    "",
    "# Outils de recueil",
    "",
    "Des modèles prêts à remplir, faits pour que les données des structures se chargent sans erreur dans l'observatoire. Chaque modèle se télécharge depuis sa fiche ci-dessous (lien « télécharger »), avec la façon de le remplir ; la chargée de mission peut aussi transmettre aux équipes un kit préparé pour leur structure. Fiches à imprimer ou à lire avant de commencer.",
    "",
    ...templates.map((t) => `- [${t.title}](./${t.id})`),
    "- [Questionnaire des participants](./questionnaire)",
    "",
    "Les exports des logiciels (Noethys, comptabilité, outils d'enquête…) et les tableaux faits à la main sont lus aussi : la page [Formats acceptés](./formats) liste, pour chaque type d'export, les colonnes obligatoires, les autres noms acceptés et une ligne d'exemple.",
    "",
    "Un fichier rempli avec un modèle du kit est reconnu au chargement : la page *Qualité des données* compare, pour chaque structure, les lignes refusées des modèles et des exports libres.",
    "",
  ].join("\n");
}

/** Every page of `pages/outils/`: file name → Markdown. */
export function toolPages(templates: readonly Template[]): Record<string, string> {
  const pages: Record<string, string> = {
    "index.md": toolsIndex(templates),
    "questionnaire.md": questionnaireGuide(),
  };
  for (const t of templates) pages[`${t.id}.md`] = templateGuide(t, "./modeles");
  return pages;
}
