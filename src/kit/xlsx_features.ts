/**
 * What write-excel-file 4.1 does not write itself, added through its `features` hook (raw access
 * to the XML parts before they are zipped): data-validation lists and checks, sheet protection
 * that locks only headers and formulas, hidden sheets and the workbook's defined names.
 *
 * write-excel-file writes frozen header rows (`stickyRowsCount`), column widths, number and date
 * formats and formulas itself; see {@link kitFeature} for the rest.
 *
 * @module
 */
import { insertElementMarkupAccordingToOrderOfSiblings } from "write-excel-file/utility";

/** Text colour of the cells a protected sheet locks (headers use white on blue). */
export const LOCKED_TEXT_COLOURS = ["#FFFFFF", "#404040"] as const;

/** One data validation of a sheet, in Excel's own terms. */
export interface DataValidation {
  /** Cell range, « C2:C1000 ». */
  sqref: string;
  type: "list" | "date" | "decimal" | "whole";
  /** `between`, `greaterThanOrEqual`… (not for lists). */
  operator?: string;
  /** A defined name, a range or a literal. */
  formula1: string;
  formula2?: string;
  /** `stop` refuses the value; `information` only tells (the list suggests). */
  errorStyle: "stop" | "information";
  /** French message shown when a wrong value is typed. */
  error: string;
  /** French help shown when the cell is selected. */
  prompt?: string;
}

/** What the feature adds to one sheet. */
export interface SheetExtras {
  validations?: DataValidation[];
  /** Lock the header and formula cells (no password: « Révision › Ôter la protection »). */
  protect?: boolean;
  hidden?: boolean;
}

/** Worksheet children in schema order (ECMA-376 part 1, CT_Worksheet). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Escapes text for an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Excel caps the titles at 32 characters and the messages at 255. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The `<dataValidations>` element of a sheet. */
export function dataValidationsXml(validations: readonly DataValidation[]): string {
  const items = validations.map((v) => {
    const attributes = [
      `type="${v.type}"`,
      v.operator ? `operator="${v.operator}"` : "",
      `errorStyle="${v.errorStyle}"`,
      `allowBlank="1"`,
      `showInputMessage="${v.prompt ? 1 : 0}"`,
      `showErrorMessage="1"`,
      `errorTitle="${xmlEscape(clip("Valeur à vérifier", 32))}"`,
      `error="${xmlEscape(clip(v.error, 255))}"`,
      v.prompt
        ? `promptTitle="${xmlEscape(clip("À saisir", 32))}" prompt="${xmlEscape(clip(v.prompt, 255))}"`
        : "",
      `sqref="${v.sqref}"`,
    ].filter((a) => a !== "").join(" ");
    const formulas = `<formula1>${xmlEscape(v.formula1)}</formula1>` +
      (v.formula2 === undefined ? "" : `<formula2>${xmlEscape(v.formula2)}</formula2>`);
    return `<dataValidation ${attributes}>${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${validations.length}">${items.join("")}</dataValidations>`;
}

/**
 * Protection that leaves everything but locked cells editable, and lets people add rows, sort,
 * filter and resize (in `sheetProtection`, « 0 » means the action stays allowed).
 */
const SHEET_PROTECTION = '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" ' +
  'formatColumns="0" formatRows="0" insertRows="0" deleteRows="0" sort="0" autoFilter="0"/>';

/** Marks every cell style unlocked except those whose font has a locked colour. */
export function unlockStyles(stylesXml: string): string {
  const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(stylesXml)?.[1] ?? "";
  const lockedColours = LOCKED_TEXT_COLOURS.map((c) => `FF${c.slice(1).toUpperCase()}`);
  const lockedFonts = new Set<number>();
  [...fonts.matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].forEach((m, index) => {
    if (lockedColours.some((colour) => (m[1] ?? "").includes(`rgb="${colour}"`))) lockedFonts.add(index);
  });
  return stylesXml.replace(
    /<cellXfs[^>]*>[\s\S]*?<\/cellXfs>/,
    (block) =>
      block.replace(/<xf\b([^>]*?)(\/>|>([\s\S]*?)<\/xf>)/g, (_all, attributes: string, _end, inner = "") => {
        const font = Number(/fontId="(\d+)"/.exec(attributes)?.[1] ?? 0);
        const locked = lockedFonts.has(font) ? 1 : 0;
        const clean = attributes.replace(/\s*applyProtection="\d"/, "").trimEnd();
        const body = String(inner).replace(/<protection[^>]*\/>/, "");
        return `<xf${clean} applyProtection="1">${body}<protection locked="${locked}"/></xf>`;
      }),
  );
}

/**
 * A write-excel-file feature adding `extras[i]` to sheet `i` and `definedNames` to the workbook.
 *
 * @example
 * ```ts
 * await writeExcelFile(sheets, { features: [kitFeature([{ protect: true }], { liste_oui_non: "Listes!$A$2:$A$3" })] })
 * ```
 */
export function kitFeature(extras: readonly SheetExtras[], definedNames: Record<string, string>) {
  const anyProtected = extras.some((e) => e.protect);
  return {
    files: {
      transform: {
        "xl/worksheets/sheet{id}.xml": {
          transform(xml: string, _options: unknown, { sheetIndex }: { sheetIndex: number }): string {
            const extra = extras[sheetIndex] ?? {};
            let out = xml;
            if (extra.protect) {
              out = insertElementMarkupAccordingToOrderOfSiblings(
                out,
                SHEET_PROTECTION,
                WORKSHEET_ORDER,
                "worksheet",
              );
            }
            if (extra.validations?.length) {
              out = insertElementMarkupAccordingToOrderOfSiblings(
                out,
                dataValidationsXml(extra.validations),
                WORKSHEET_ORDER,
                "worksheet",
              );
            }
            return out;
          },
        },
        "xl/workbook.xml": {
          transform(xml: string): string {
            let index = 0;
            let out = xml.replace(/<sheet\b([^>]*?)\/>/g, (all, attributes: string) => {
              const hidden = extras[index++]?.hidden;
              return hidden ? `<sheet${attributes} state="hidden"/>` : all;
            });
            const names = Object.entries(definedNames).map(([name, ref]) =>
              `<definedName name="${xmlEscape(name)}">${xmlEscape(ref)}</definedName>`
            ).join("");
            if (names) {
              out = /<definedNames\s*\/>/.test(out)
                ? out.replace(/<definedNames\s*\/>/, `<definedNames>${names}</definedNames>`)
                : out.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
            }
            return out;
          },
        },
        "xl/styles.xml": {
          transform(xml: string): string {
            return anyProtected ? unlockStyles(xml) : xml;
          },
        },
      },
    },
  };
}
