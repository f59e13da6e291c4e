// CSV export of a table, ready for a French Excel: `;` separator, decimal comma, UTF-8 with BOM.
// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) are
// neutralised with a leading apostrophe, so free text stays inert text.

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe for a spreadsheet: "=SOMME(A1)" → "'=SOMME(A1)". */
export function neutraliseCell(value) {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function formatCell(value) {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(neutraliseCell(String(value)));
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV text of `rows` (objects) with `columns` (keys, in order; defaults to the first row's).
 *
 * @example
 * toCsv([{Structure: "Les Ors", Part: 0.5}]) // "\ufeffStructure;Part\r\nLes Ors;0,5\r\n"
 */
export function toCsv(rows, columns = Object.keys(rows[0] ?? {})) {
  const lines = [columns.map(formatCell).join(";")];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c])).join(";"));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** A download link for `rows` as a CSV file named `name`. */
export function csvDownload(rows, name, label = "Télécharger (CSV)") {
  const link = document.createElement("a");
  link.textContent = label;
  link.download = name;
  link.className = "download";
  link.href = URL.createObjectURL(new Blob([toCsv(rows)], {type: "text/csv;charset=utf-8"}));
  return link;
}
