// The unit of an indicator as an axis label or a subtitle says it: the catalogue writes a share
// « part (0-1) » but every page shows it in %, so the label says « % » (regression: an axis
// « part (0-1) » carried % ticks). Pure (no import): used by story.js, socle.js, departement.js.

/**
 * The catalogue unit as a reader says it: « % » for a share, « niveau de 1 à 4 », « score » for
 * the questionnaire's scale, « indice » as it is; other units unchanged (« personnes », « € »).
 *
 * @param {string|null|undefined} unit the catalogue unit
 * @returns {string}
 */
export function unitCaption(unit) {
  if (!unit) return "";
  if (/^part(\s|$)/.test(unit)) return "%";
  const level = /^niveau \((\d+)[–-](\d+)\)$/.exec(unit);
  if (level) return `niveau de ${level[1]} à ${level[2]}`;
  if (/^score\b/.test(unit) && unit !== "points de score") return "score";
  return unit;
}

/** « Participants réguliers (%) », « Bénévoles (personnes) »: a label with its unit, for an axis. */
export function labelWithUnit(label, unit) {
  const caption = unitCaption(unit);
  return caption ? `${label} (${caption})` : label;
}
