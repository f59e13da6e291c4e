/**
 * The printable paper version of the participant questionnaire (HTML with print CSS, French),
 * built from the same XLSForm rows as the Kobo form: one page to fill with a pen for people who
 * do not use a phone, typed afterwards into the Kobo form or the paper-questionnaire sheet.
 *
 * @module
 */
import { AGREE5, ITEM_BANK } from "./item_bank.ts";
import type { XlsForm } from "./xlsform.ts";

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The paper questionnaire as a standalone HTML page (no external resource). */
export function paperQuestionnaire(form: XlsForm, structureName: string | null): string {
  const head = form.survey[0];
  const rows = form.survey.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
  const label = (name: string) => escapeHtml(rows.find((r) => r.name === name)?.label ?? "");
  const hint = (name: string) => escapeHtml(rows.find((r) => r.name === name)?.hint ?? "");
  const box = '<span class="box"></span>';
  const scaleHead = AGREE5.map((a) => `<th>${escapeHtml(a.label)}</th>`).join("");
  const groups = ITEM_BANK.map((dim) => {
    const lines = dim.items.map((item) =>
      `<tr><td class="q">${escapeHtml(item.label)}</td>${AGREE5.map(() => `<td>${box}</td>`).join("")}</tr>`
    ).join("\n");
    return `<h2>${escapeHtml(dim.title)}</h2>
<table><thead><tr><th class="q"></th>${scaleHead}</tr></thead><tbody>
${lines}
</tbody></table>`;
  }).join("\n");
  const title = escapeHtml(form.settings[1][1]);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  body { font: 12pt/1.4 system-ui, sans-serif; max-width: 48rem; margin: 1rem auto; color: #111; }
  h1 { font-size: 16pt; margin: 0 0 .3rem; }
  h2 { font-size: 13pt; margin: 1rem 0 .3rem; border-bottom: 1px solid #999; }
  table { width: 100%; border-collapse: collapse; }
  th { font-size: 9pt; font-weight: normal; width: 12%; vertical-align: bottom; }
  th.q, td.q { width: 40%; text-align: left; }
  td { border-top: 1px solid #ddd; padding: .35rem .2rem; text-align: center; }
  .box { display: inline-block; width: 1rem; height: 1rem; border: 1.5px solid #333; vertical-align: middle; }
  .code span { display: inline-block; width: 1.6rem; height: 1.8rem; border: 1.5px solid #333; margin-right: .2rem; }
  .lines { border-bottom: 1px solid #999; height: 1.8rem; }
  .muted { color: #555; font-size: 10pt; }
  @page { size: A4; margin: 12mm; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="muted">${
    structureName ? `${escapeHtml(structureName)} — ` : ""
  }questionnaire anonyme : n'écrivez pas votre nom.</p>
<p>${label("consentement")}<br>${box} Oui &nbsp;&nbsp; ${box} Non</p>
<p>${
    label("vague")
  }<br>${box} Au début de l'activité (avant) &nbsp;&nbsp; ${box} À la fin de l'activité (après)</p>
<p class="code">${
    label("code_repondant")
  } : <span></span><span></span><span></span><span></span><br><span class="muted">${
    hint("code_repondant")
  }</span></p>
<p class="muted">Pour chaque phrase, cochez une seule case.</p>
${groups}
<h2>${label("commentaire")}</h2>
<div class="lines"></div><div class="lines"></div><div class="lines"></div>
<p class="muted">Merci ! À rendre à l'accueil. Les réponses sont saisies sans nom et ne sont publiées que regroupées (jamais moins de 5 personnes).</p>
</body>
</html>
`;
}
