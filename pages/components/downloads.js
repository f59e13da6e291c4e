// CSV and XLSX downloads under a table. Both neutralise formula-like text cells (=, +, -, @,
// tab, carriage return) with a leading apostrophe, so a spreadsheet never runs them; numbers stay
// numbers, dates stay dates. The XLSX is written in the browser by write-excel-file (vendored
// offline by src/site/vendor_npm.ts), only when the button is pressed.
import {neutraliseCell, toCsv} from "./csv_export.js";

/** Turns a result cell into a spreadsheet value: bigint → number, text neutralised. */
export function spreadsheetValue(value) {
  if (value == null) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean" || value instanceof Date) return value;
  return neutraliseCell(String(value));
}

/** The column names of `rows` (first row's keys) unless given. */
function columnsOf(rows, columns) {
  return columns ?? Object.keys(rows[0] ?? {});
}

/**
 * The cells of an XLSX sheet for write-excel-file: a bold header row, then one typed cell per
 * value. Dates use the French `jj/mm/aaaa` display.
 */
export function xlsxSheetData(rows, columns) {
  const cols = columnsOf(rows, columns);
  const header = cols.map((c) => ({value: String(neutraliseCell(String(c))), fontWeight: "bold"}));
  const body = rows.map((row) => cols.map((c) => {
    const value = spreadsheetValue(row[c]);
    if (value == null) return null;
    if (value instanceof Date) return {value, type: Date, format: "dd/mm/yyyy"};
    if (typeof value === "number") return {value, type: Number};
    if (typeof value === "boolean") return {value, type: Boolean};
    return {value, type: String};
  }));
  return [header, ...body];
}

/** An XLSX file (Blob) of `rows`. */
export async function toXlsxBlob(rows, {columns, sheet = "Données"} = {}) {
  const {default: writeXlsxFile} = await import("npm:write-excel-file");
  const cols = columnsOf(rows, columns);
  return writeXlsxFile(xlsxSheetData(rows, cols), {
    sheet: sheet.slice(0, 31),
    columns: cols.map((c) => ({width: Math.min(40, Math.max(10, String(c).length + 2))})),
    stickyRowsCount: 1
  }).toBlob();
}

function save(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  setTimeout(() => (URL.revokeObjectURL(link.href), link.remove()), 1000);
}

/**
 * Two download buttons, « CSV » and « Excel (XLSX) », for `rows` (objects), under a table.
 * `name` is the file name without extension.
 *
 * @example
 * display(downloadButtons(rows, "la-cooperation-2024"));
 */
export function downloadButtons(rows, name, {columns, label = "Télécharger ce tableau"} = {}) {
  const cols = columnsOf(rows, columns);
  const box = document.createElement("div");
  box.className = "downloads";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", label);
  const text = document.createElement("span");
  text.textContent = `${label} : `;
  const csv = document.createElement("button");
  csv.type = "button";
  csv.textContent = "CSV";
  csv.dataset.format = "csv";
  csv.title = "Fichier CSV pour Excel (séparateur point-virgule, UTF-8)";
  csv.onclick = () => save(new Blob([toCsv(rows, cols)], {type: "text/csv;charset=utf-8"}), `${name}.csv`);
  const xlsx = document.createElement("button");
  xlsx.type = "button";
  xlsx.textContent = "Excel (XLSX)";
  xlsx.dataset.format = "xlsx";
  xlsx.title = "Classeur Excel";
  xlsx.onclick = async () => {
    xlsx.disabled = true;
    try {
      save(await toXlsxBlob(rows, {columns: cols}), `${name}.xlsx`);
    } finally {
      xlsx.disabled = false;
    }
  };
  box.append(text, csv, " ", xlsx);
  return box;
}
