/**
 * The French summary printed by `deno task sroi` without `--json`.
 * @module
 */

import { formatEuros, formatNumber, formatPercent, formatProxy, formatRatio } from "./format_fr.ts";
import type { SroiReport } from "./sroi_report.ts";

const PARAMETER_LABELS: Record<string, string> = {
  proxy: "proxy financier",
  quantity: "quantité",
  duration_years: "durée",
  deadweight: "aubaine",
  displacement: "déplacement",
  attribution: "attribution",
  drop_off: "décroissance",
  discount_rate: "taux d'actualisation",
};

/** A tested value in French; a proxy with the decimals of the line's own proxy (`base`). */
function parameterValue(parameter: string, value: number, base: number): string {
  if (parameter === "proxy") return formatProxy(value, base);
  if (parameter === "quantity") return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  if (parameter === "duration_years") return `${value} an${value > 1 ? "s" : ""}`;
  return formatPercent(value);
}

const ratioText = (ratio: number | null) => ratio === null ? "—" : formatRatio(ratio);

/**
 * Renders the report as French text (numbers « 12 345,6 », ratio « 1 : 3,42 »).
 *
 * @example
 * console.log(reportText(report, "carte.xlsx"))
 * // SROI — carte d'impact « carte.xlsx »
 * // …
 * // Ratio SROI : 1 : 3,42, soit 3,42 € de valeur sociale par euro investi
 */
export function reportText(report: SroiReport, fileName: string): string {
  const out: string[] = [];
  out.push(`SROI — carte d'impact « ${fileName} »`);
  out.push(
    `Taux d'actualisation ${formatPercent(report.discount_rate)}, horizon ${report.horizon_years} ans ` +
      `(valeur actuelle à la manière de la fonction VAN d'Excel).`,
  );
  out.push("");
  out.push(`Investissements (numéraire et valorisé) : ${formatEuros(report.inputs_total)}`);
  out.push(`Valeur actuelle des impacts : ${formatEuros(report.pv)}`);
  out.push(`Valeur actuelle nette (VAN) : ${formatEuros(report.npv)}`);
  out.push(
    report.ratio === null
      ? "Ratio SROI : non calculé (aucun investissement)"
      : `Ratio SROI : ${formatRatio(report.ratio)}, soit ${
        formatNumber(report.ratio, 2)
      } € de valeur sociale ` +
        "par euro investi",
  );
  out.push(
    report.payback_months === null
      ? `Délai de retour : non calculé${
        report.inputs_total > 0 && report.annual_impact <= 0 ? " (impact annuel net négatif ou nul)" : ""
      }`
      : `Délai de retour : ${formatNumber(report.payback_months, 1)} mois ` +
        `(investissements ÷ impact annuel de ${formatEuros(report.annual_impact)} ÷ 12)`,
  );
  out.push("");
  out.push("Valeur par année (avant actualisation) :");
  out.push("  " + report.year_totals.map((v, i) => `année ${i + 1} : ${formatEuros(v)}`).join(" ; "));
  out.push("");
  out.push("Impacts par ligne :");
  for (const line of report.lines) {
    const who = line.stakeholder ? `${line.stakeholder} — ` : "";
    out.push(
      `  ligne ${line.row} · ${who}${line.outcome} : impact annuel ${formatEuros(line.impact)}, ` +
        `${line.duration_years} an${line.duration_years > 1 ? "s" : ""}` +
        `${line.start === 2 ? " après l'action" : ""}` +
        `${line.proxy < 0 ? `, changement négatif (proxy ${formatProxy(line.proxy)})` : ""}` +
        `, valeur actuelle ${formatEuros(line.pv)}`,
    );
  }
  if (report.sensitivity.length > 0) {
    out.push("");
    out.push(
      "Sensibilité (chaque hypothèse variée seule ; seuil = valeur qui ramène le ratio à 1 : 1, " +
        "« aucun seuil » quand le ratio ne passe pas 1 : 1 dans les valeurs possibles) :",
    );
    for (const s of report.sensitivity) {
      const where = s.row === null ? "  ensemble" : `  ligne ${s.row}`;
      const label = PARAMETER_LABELS[s.parameter] ?? s.parameter;
      const threshold = s.break_even === null
        ? "aucun seuil"
        : `seuil ${parameterValue(s.parameter, s.break_even, s.base)}`;
      out.push(
        `${where} · ${label} ${parameterValue(s.parameter, s.base, s.base)} : ` +
          `${parameterValue(s.parameter, s.low.value, s.base)} → ${ratioText(s.low.ratio)}, ` +
          `${parameterValue(s.parameter, s.high.value, s.base)} → ${ratioText(s.high.ratio)} ; ${threshold}`,
      );
    }
  }
  const mc = report.monte_carlo;
  if (mc.p50 !== null) {
    out.push("");
    out.push(
      `Incertitude (Monte Carlo, ${formatNumber(mc.iterations, 0)} tirages, graine ${mc.seed}, ` +
        `${mc.uncertain_inputs} hypothèse${mc.uncertain_inputs > 1 ? "s" : ""} avec une plage) : ` +
        `médiane ${ratioText(mc.p50)}, intervalle à 90 % de ${ratioText(mc.p5)} à ${ratioText(mc.p95)}`,
    );
  }
  if (report.warnings.length > 0) {
    out.push("");
    out.push("Avertissements :");
    for (const warning of report.warnings) out.push(`  - ${warning}`);
  }
  return out.join("\n");
}
