/**
 * What a survey export says once per file, not once per row: the columns set aside because the
 * tool marks them personal (LimeSurvey `ipaddr`, `token`, `refurl`; Google Forms' e-mail; Kobo
 * GPS positions), the responses without a date because the tool wrote its « unknown date »
 * (LimeSurvey's `1980-01-01 00:00:00`), and the incomplete responses (LimeSurvey's empty
 * `submitdate`: loaded, marked `complete = false`).
 *
 * @module
 */
import type { AnswerFormat, SurveyResponse } from "../survey_answers.ts";

type Note = { line: number | null; column: string | null; severity: "avertissement"; message: string };

/** « 3 réponses », « 1 réponse ». */
function responses(n: number, adjective = ""): string {
  return `${n} réponse${n > 1 ? "s" : ""}${adjective ? ` ${adjective}${n > 1 ? "s" : ""}` : ""}`;
}

/** Lines listed in a message, the first ten. */
function lines(list: number[]): string {
  return list.length > 10 ? `${list.slice(0, 10).join(", ")}…` : list.join(", ");
}

/**
 * The GPS columns known only with the other headers (`q` beside `_q_latitude`) or by their
 * value (`"45.76 4.83 170 5"`), once per column; those known by their own header are reported
 * with the header's other issues.
 */
export function gpsNotes(
  format: Pick<AnswerFormat, "columnRole" | "isGeoValue">,
  records: readonly { unknownCells: { header: string; value: string }[] }[],
  headerLine: number,
): Note[] {
  const allHeaders = [...new Set(records.flatMap((r) => r.unknownCells.map((c) => c.header)))];
  const gps = new Set<string>();
  for (const { unknownCells } of records) {
    for (const { header, value } of unknownCells) {
      if (gps.has(header) || format.columnRole?.(header, [header]) === "gps") continue;
      const role = format.columnRole?.(header, allHeaders);
      if (role === "gps" || (role === "question" && format.isGeoValue?.(value))) gps.add(header);
    }
  }
  return [...gps].map((header) => ({
    line: headerLine,
    column: header,
    severity: "avertissement" as const,
    message:
      `colonne « ${header} » écartée : position GPS (question geopoint, geotrace ou geoshape), jamais chargée`,
  }));
}

/**
 * The file-level notes of one survey table (see the module's notes).
 *
 * @example
 * ```ts
 * fileNotes(LIMESURVEY, { records, headers: { submitted: "submitdate" }, headerLine: 1 })
 * // [{ column: "submitdate", message: "2 réponses incomplètes (« submitdate » vide, lignes 4, 6) : …" }]
 * ```
 */
export function fileNotes(
  format: AnswerFormat,
  file: {
    records: readonly {
      line: number;
      record: SurveyResponse;
      unknownCells: { header: string; value: string }[];
    }[];
    headers: Record<string, string>;
    headerLine: number;
  },
): Note[] {
  const notes: Note[] = [];
  const at = { line: file.headerLine, severity: "avertissement" as const };
  for (const [field, reason] of Object.entries(format.personalMetaReasons ?? {})) {
    const header = file.headers[field];
    if (header === undefined) continue;
    notes.push({
      ...at,
      column: header,
      message: `colonne « ${header} » écartée : ${reason}, donnée personnelle jamais chargée`,
    });
  }
  notes.push(...gpsNotes(format, file.records, file.headerLine));
  const repeated = new Set<string>();
  for (const { unknownCells } of file.records) {
    const seen = new Set<string>();
    for (const { header } of unknownCells) seen.has(header) ? repeated.add(header) : seen.add(header);
  }
  for (const header of repeated) {
    notes.push({
      ...at,
      column: header,
      message:
        `plusieurs colonnes « ${header} » : la deuxième est rangée sous « ${header} (2) », la suivante « (3) »…`,
    });
  }
  const submitted = file.headers.submitted;
  const unknown = file.records.filter((r) => r.record.date_unknown);
  if (unknown.length > 0) {
    notes.push({
      line: null,
      column: submitted ?? null,
      severity: "avertissement",
      message: `${responses(unknown.length)} datée${unknown.length > 1 ? "s" : ""} « ${
        unknown[0].record.submitted
      } » (date d'une enquête anonymisée, l'outil n'a pas gardé la date) : date de réponse inconnue, laissée vide`,
    });
  }
  if (format.emptySubmittedIsIncomplete && submitted !== undefined) {
    const incomplete = file.records.filter((r) => r.record.submitted === null).map((r) => r.line);
    if (incomplete.length > 0) {
      notes.push({
        line: null,
        column: submitted,
        severity: "avertissement",
        message: `${responses(incomplete.length, "incomplète")} (« ${submitted} » vide, ligne${
          incomplete.length > 1 ? "s" : ""
        } ${lines(incomplete)}) : chargée${incomplete.length > 1 ? "s" : ""} et marquée${
          incomplete.length > 1 ? "s" : ""
        } incomplète${incomplete.length > 1 ? "s" : ""} (complete = false), comptée${
          incomplete.length > 1 ? "s" : ""
        } à part des réponses complètes`,
      });
    }
  }
  return notes;
}
