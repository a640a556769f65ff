// The form's response sheet, where Google writes every response (even when a trigger fails): found by its form, read in one pass.

/** One response as the sheet holds it: stored values (the timestamp is a Date) and the text each cell shows. */
export interface ResponseSheetRow {
  row: number;
  stored: unknown[];
  shown: string[];
}

export interface ResponseSheet {
  name: string;
  /** Row 1: the timestamp header, then each question's title as Google wrote it. */
  headers: string[];
  rows: ResponseSheetRow[];
}

/**
 * The sheet of `ss` that receives the responses of the form with id `formId` (Sheet.getFormUrl names
 * the form by its edit URL, which holds the id), or null when none does (the form is not linked here).
 */
export function findResponseSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  if (formId === '') return null;
  return ss.getSheets().find((s) => (s.getFormUrl() ?? '').indexOf(formId) >= 0) ?? null;
}

/** Every response row (two reads, whatever the number of responses: values and display values). */
export function readResponseSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): ResponseSheet {
  const range = sheet.getDataRange();
  const stored = range.getValues();
  const shown = range.getDisplayValues();
  const headers = (stored[0] ?? []).map((h) => String(h));
  const rows: ResponseSheetRow[] = [];
  for (let i = 1; i < stored.length; i++) {
    if (stored[i].every((v) => v === '' || v === null)) continue;
    rows.push({ row: i + 1, stored: stored[i], shown: shown[i] });
  }
  return { name: sheet.getName(), headers, rows };
}

/**
 * Formats the answer columns of the response sheet as plain text, so a phone "0901 234 567" or
 * "0901234567" keeps its leading zero when Google writes a new response (the usual workaround; Google
 * does not document it). The timestamp column keeps its date format. One call.
 */
export function keepAnswersAsText(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const columns = sheet.getMaxColumns() - 1;
  if (columns > 0) sheet.getRange(2, 2, sheet.getMaxRows() - 1, columns).setNumberFormat('@');
}
