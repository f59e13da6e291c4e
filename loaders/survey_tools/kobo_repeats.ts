/**
 * Loader of the repeat sheets of a KoboToolbox XLSX export (format `kobotoolbox-repetition`):
 * one sheet per repeat group, whose rows carry `_index`, `_parent_table_name`, `_parent_index`
 * and the `_submission__…` columns of the submission they belong to.
 *
 * Each row is tied to its submission by the keyed pseudonym of `_submission__uuid`: the same
 * `response_ref` as the main sheet's `_uuid` gives, so the sheets may be read in any order (or
 * the main sheet months later). A row is one `stg_survey_repeats` instance (repeat name = the
 * sheet's name, position = `_index`, parent sheet and parent `_index` for nested repeats) and its
 * answers go to `stg_survey_repeat_answers`, treated like the main sheet's: identity columns
 * and GPS positions dropped and reported, free text redacted, Kobo metadata ignored. The view
 * `survey_repeat_answers` gives them with their submission's structure, wave and date.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec, TableRow } from "../../src/ingest/loader_spec.ts";
import { answerCells, identityOf } from "../survey_answers.ts";
import { gpsNotes } from "./file_notes.ts";
import { isGeoValue, koboColumnRole } from "./kobo.ts";

/** A repeat row after validation. */
export interface RepeatRow extends Record<string, string | number | boolean | null> {
  submission_uuid: string;
  parent_table: string;
  repeat_index: number;
  parent_index: number | null;
}

const KOBO_CELLS = { columnRole: koboColumnRole, isGeoValue };

/** The group path shared by every question column (`participants/nom`, `participants/age` → `participants`). */
function commonGroup(headers: readonly string[]): string | null {
  const groups = headers.filter((h) => !h.startsWith("_") && h.includes("/")).map((h) =>
    h.slice(0, h.lastIndexOf("/"))
  );
  return groups.length > 0 && groups.every((g) => g === groups[0]) ? groups[0] : null;
}

/** The repeat-sheet loader (see the module's notes). */
export const koboRepeatLoader: LoaderSpec<RepeatRow> = {
  kind: "surveys",
  format: "kobotoolbox-repetition",
  label: "répétitions KoboToolbox (feuille d'un groupe répété)",
  tables: {
    stg_survey_repeats: ["response_ref", "repeat_name", "repeat_index"],
    stg_survey_repeat_answers: ["response_ref", "repeat_name", "repeat_index", "question_path"],
    stg_survey_dropped: ["load_id", "question_path"],
  },
  // The structure is the submission's (main sheet): none is needed here.
  needsStructure: false,
  fields: {
    submission_uuid: { type: "text", aliases: ["_submission__uuid"], required: true },
    parent_table: { type: "text", aliases: ["_parent_table_name"], required: true },
    repeat_index: { type: "number", aliases: ["_index"], required: true },
    parent_index: { type: "number", aliases: ["_parent_index"], optional: true },
  },
  schema: z.object({
    submission_uuid: z.string({ error: "identifiant de la soumission (_submission__uuid) manquant" }),
    parent_table: z.string({ error: "feuille parente (_parent_table_name) manquante" }),
    repeat_index: z.number({ error: "position (_index) manquante" }).int(
      "position (_index) : nombre entier attendu",
    ),
    parent_index: z.number().int().nullable(),
  }) as unknown as z.ZodType<RepeatRow>,
  keepUnknownColumns: true,
  unknownColumnIssue(header) {
    if (identityOf(header).identity) {
      return {
        severity: "avertissement",
        message:
          `colonne « ${header} » écartée : elle identifie une personne, ses réponses ne sont jamais chargées`,
      };
    }
    if (koboColumnRole(header, [header]) === "gps") {
      return {
        severity: "avertissement",
        message: `colonne « ${header} » écartée : position GPS, jamais chargée`,
      };
    }
    return null;
  },
  fileIssues: (file) => gpsNotes(KOBO_CELLS, file.records, file.headerLine),
  toRows(r, ctx, extras): TableRow[] {
    const ref = ctx.pseudonym(["enquete", "kobotoolbox", r.submission_uuid.replace(/^uuid:/i, "")]);
    const cells = extras?.unknownCells ?? [];
    const repeat = extras?.sheet ?? commonGroup(cells.map((c) => c.header)) ?? `${r.parent_table}/répétition`;
    const key = { response_ref: ref, repeat_name: repeat, repeat_index: r.repeat_index };
    const rows: TableRow[] = [{
      table: "stg_survey_repeats",
      row: { ...key, parent_table: r.parent_table, parent_index: r.parent_index },
    }];
    const { answers, dropped } = answerCells(KOBO_CELLS, cells);
    for (const { header, reason } of dropped) {
      rows.push({ table: "stg_survey_dropped", row: { structure_id: null, question_path: header, reason } });
    }
    for (const { header, text, number } of answers) {
      rows.push({
        table: "stg_survey_repeat_answers",
        row: { ...key, question_path: header, value_text: text, value_number: number },
      });
    }
    return rows;
  },
};
