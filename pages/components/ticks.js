// Year axes that fit their width: on a phone, nine years side by side ran together
// (« 2017201820192020… »). A chart passes its years and its width; it gets the years to label.

/** Space a year label needs, in px (« 2024 » is about 27 px at 11 px, plus a gap). */
const YEAR_LABEL_GAP = 42;

/**
 * The years to label on an x axis `width` px wide (margins included): every year when they fit,
 * otherwise every k-th year, counted back from the last one (the year the page talks about).
 *
 * @param {Iterable<number|string>} years the years on the axis (duplicates and order do not matter)
 * @param {number} [width] the chart's width in px (640 when unknown)
 * @param {{margins?: number, gap?: number}} [options] px taken by the left and right margins; px per label
 * @returns {number[]} ascending years
 * @example yearTicks([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], 340) // [2017, 2019, 2021, 2023, 2025]
 */
export function yearTicks(years, width = 640, {margins = 80, gap = YEAR_LABEL_GAP} = {}) {
  const all = [...new Set([...years].map(Number))].filter(Number.isFinite).sort((a, b) => a - b);
  if (all.length <= 1) return all;
  const fit = Math.max(1, Math.floor(Math.max(0, (width ?? 640) - margins) / gap));
  const step = Math.ceil(all.length / fit);
  return all.filter((_, i) => (all.length - 1 - i) % step === 0);
}

/** Average width of a character of the charts' sans-serif, in em (measured ≈ 0,5–0,6). */
const CHAR_EM = 0.56;

/**
 * How many characters fit in `px` at `fontSize` (11 px: the size charts print at).
 * @param {number} px
 * @param {number} [fontSize]
 */
export function charsIn(px, fontSize = 11) {
  return Math.max(4, Math.floor(px / (fontSize * CHAR_EM)));
}

/**
 * A label cut into at most `lines` lines of at most `chars` characters, word by word (Plot draws
 * « \n » as a line break); what still does not fit ends with « … ».
 * @param {string} label
 * @param {number} chars
 * @param {number} [lines]
 * @example wrapLabel("Centre social d'Anneyron", 14) // "Centre social\nd'Anneyron"
 */
export function wrapLabel(label, chars, lines = 2) {
  const text = String(label ?? "");
  if (text.length <= chars) return text;
  const out = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  out.push(line);
  const kept = out.slice(0, lines).map((l) => (l.length > chars ? `${l.slice(0, chars - 1)}…` : l));
  if (out.length > lines) kept[lines - 1] = `${kept[lines - 1].slice(0, chars - 1).replace(/…$/, "")}…`;
  return kept.join("\n");
}

/**
 * The left margin of a chart whose y labels are `labels`: wide enough for the longest one at
 * 11 px, but never more than `share` of the chart's width (labels are then wrapped with
 * {@link wrapLabel} to `charsIn(margin − 8)` characters).
 * @param {string[]} labels
 * @param {number} width
 * @param {{share?: number, min?: number}} [options]
 */
export function labelMargin(labels, width = 640, {share = 0.42, min = 40} = {}) {
  const longest = Math.max(0, ...labels.map((l) => String(l ?? "").length));
  const needed = Math.ceil(longest * 11 * CHAR_EM) + 10;
  return Math.max(min, Math.min(needed, Math.floor((width ?? 640) * share)));
}
