// Moving whole workbooks between .xlsx files and a Spreadsheet (the emulator's, through the Apps Script API).
import { readXlsx, type GridValue, type SheetData, type WorkbookData } from './read';
import { keptFormat } from './style';
import { fromXlsxRule, rectangles, toXlsxRule } from './validation';
import type { SheetImage } from './images';
import { writeXlsx, type SheetOut } from './write';
import { normalizeName } from '../../src/domain/parse';
import { DEFAULT_TIME_ZONE, SETTINGS_HEADERS, SETTINGS_SHEET, SETTING_DEFINITIONS } from '../../src/domain/settings';
import { isValidTimeZone } from '../../src/domain/zone';
import { headerKey } from '../../src/sheets/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The add-on's own label of the time-zone setting ("Múi giờ"), matched as parseSettings matches labels. */
const TIME_ZONE_LABEL = normalizeName(SETTING_DEFINITIONS.find((d) => d.key === 'timeZone')!.label);

/**
 * The contest's "Múi giờ" setting read straight from the raw "Cấu hình" grid (columns found by header),
 * or null when absent or not a zone name. A downloaded .xlsx loses the spreadsheet's own zone; the
 * contest's setting is the best evidence of the wall clock its dates were written in.
 */
export function timeZoneFromSettings(data: WorkbookData): string | null {
  const sheet = data.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sheet || sheet.values.length === 0) return null;
  const headers = sheet.values[0].map(headerKey);
  const keyCol = headers.indexOf(headerKey(SETTINGS_HEADERS[0]));
  const valueCol = headers.indexOf(headerKey(SETTINGS_HEADERS[1]));
  if (keyCol < 0 || valueCol < 0) return null;
  for (const row of sheet.values.slice(1)) {
    if (normalizeName(String(row[keyCol])) === TIME_ZONE_LABEL) {
      const zone = String(row[valueCol]).trim();
      return isValidTimeZone(zone) ? zone : null;
    }
  }
  return null;
}

/**
 * Text read from a file must stay exactly that text. Sheets (and the emulator) parse a `setValues`
 * string as if typed: "0901234567" and "9,5" become numbers, "TRUE" a boolean, "=…", "+…" a formula.
 * A leading apostrophe marks typed text and is not stored, so every non-empty string gets one.
 */
function keepAsText(s: string): string {
  return s === '' ? s : `'${s}`;
}

export interface LoadReport {
  timeZone: string;
  sheets: { name: string; rows: number; columns: number }[];
  /** Formula cells with no stored value (1-based row and column, row-1 header of the column). */
  unevaluated: { sheet: string; row: number; column: number; header: string; formula: string }[];
}

export interface LoadOptions {
  /** Zone of the file's wall-clock dates; default: the workbook's "Múi giờ" setting, else Asia/Ho_Chi_Minh. */
  timeZone?: string;
}

/** Gives `sheet` at least `rows` rows and `cols` columns. */
function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/**
 * Sets the file's number formats: per column, one setNumberFormat per run of rows sharing a format
 * (a whole "@" column is one call), the column's own format continuing down to the sheet's last row.
 */
function applyNumberFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, data: SheetData): void {
  const rows = data.values.length;
  const maxRows = sheet.getMaxRows();
  const width = Math.max(data.values[0]?.length ?? 0, data.columnFormats.length);
  for (let c = 0; c < width; c++) {
    const tail = data.columnFormats[c] ?? '';
    const at = (r: number): string => (r < rows ? (data.numberFormats[r]?.[c] ?? '') : tail);
    const end = tail !== '' ? maxRows : rows;
    let start = 0;
    while (start < end) {
      const format = at(start);
      let stop = start + 1;
      while (stop < rows && at(stop) === format) stop++;
      if (stop >= rows && format === tail) stop = end;
      if (format !== '') sheet.getRange(start + 1, c + 1, stop - start, 1).setNumberFormat(format);
      start = stop;
    }
  }
}

function writeSheet(ss: Spreadsheet, app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, data: SheetData): void {
  let sheet = ss.getSheetByName(data.name);
  // clear() also drops a plain-text ("@") format, under which the apostrophe below would be kept.
  if (!sheet) sheet = ss.insertSheet(data.name);
  else sheet.clear();
  const rows = data.values.length;
  const cols = rows > 0 ? data.values[0].length : 0;
  if (rows > 0 && cols > 0) {
    ensureSize(sheet, rows, cols);
    const values = data.values.map((row) => row.map((v) => (typeof v === 'string' ? keepAsText(v) : v)));
    sheet.getRange(1, 1, rows, cols).setValues(values);
    for (const r of data.boldRows) sheet.getRange(r, 1, 1, cols).setFontWeight('bold');
    // After the values: under "@" the apostrophe that keeps text as text would be stored with it.
    applyNumberFormats(sheet, data);
    if (data.backgrounds.some((row) => row.some((b) => b !== ''))) {
      // null resets a cell to the default (white), as Sheets' setBackgrounds documents.
      sheet.getRange(1, 1, rows, cols).setBackgrounds(data.backgrounds.map((row) => row.map((b) => b || null)) as string[][]);
    }
    data.columnWidths.forEach((w, c) => {
      if (w) sheet!.setColumnWidth(c + 1, w);
    });
  }
  // Dropdowns and checkboxes come back too, so a workbook written again (score --out) keeps them.
  for (const v of data.validations) {
    const rule = fromXlsxRule(app, v.rule);
    if (!rule) continue;
    ensureSize(sheet, v.row + v.numRows - 1, v.column + v.numColumns - 1);
    sheet.getRange(v.row, v.column, v.numRows, v.numColumns).setDataValidation(rule);
  }
  if (data.frozenRows > 0) sheet.setFrozenRows(data.frozenRows);
  if (data.hidden) sheet.hideSheet();
}

/**
 * Loads every worksheet of the .xlsx at `path` into the emulator's spreadsheet: one sheet per worksheet
 * (same name, replacing the contents of a sheet already there), values as Google's getValues returns
 * them (formulas → cached result, rich text → plain text, dates → Date instants), dropdowns, number
 * ranges and TRUE/FALSE lists back as validation and checkboxes. Sheets the spreadsheet
 * had that the file lacks are removed when they are empty (the emulator's blank first sheet). The file
 * is only read.
 */
export async function loadWorkbookIntoEmulator(
  path: string,
  target: { spreadsheet: Spreadsheet; SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp },
  options: LoadOptions = {},
): Promise<LoadReport> {
  const ss = target.spreadsheet;
  let zone = DEFAULT_TIME_ZONE;
  const data = await readXlsx(path, (raw) => {
    zone = options.timeZone ?? timeZoneFromSettings(raw) ?? DEFAULT_TIME_ZONE;
    return zone;
  });
  ss.setSpreadsheetTimeZone(zone);
  const before = ss.getSheets();
  for (const s of data.sheets) writeSheet(ss, target.SpreadsheetApp, s);
  const names = new Set(data.sheets.map((s) => s.name));
  for (const sheet of before) {
    if (!names.has(sheet.getName()) && sheet.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
  return {
    timeZone: zone,
    sheets: data.sheets.map((s) => ({ name: s.name, rows: s.values.length, columns: s.values[0]?.length ?? 0 })),
    unevaluated: data.sheets.flatMap((s) => s.unevaluated.map((u) => ({ sheet: s.name, ...u, header: String(s.values[0]?.[u.column - 1] ?? '').trim() }))),
  };
}

/** "Trang tính1", "Sheet1"…: the name a new spreadsheet gives its first sheet (Vietnamese and English locales). */
const DEFAULT_SHEET_NAME = /^(Trang tính|Sheet)\d+$/;

/** A blank sheet still under its default name (the emulator's first sheet): not worth a tab in the file. */
function isUnusedDefaultSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, options: SaveOptions): boolean {
  if (!DEFAULT_SHEET_NAME.test(sheet.getName()) || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return false;
  return (options.images?.(sheet.getName()) ?? []).length === 0;
}

function isCheckbox(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): boolean {
  return rule !== null && String(rule.getCriteriaType()) === 'CHECKBOX';
}

/**
 * Per column, the number format shared by every row from `from` to the end of `formats`, when there is
 * one worth keeping (e.g. "@" set down a whole column for rows not typed yet); otherwise undefined.
 */
function tailFormats(formats: string[][], from: number, cols: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let c = 0; c < cols; c++) {
    const f = formats[from]?.[c];
    let same = f !== undefined && keptFormat(f) !== '';
    for (let r = from + 1; same && r < formats.length; r++) same = formats[r][c] === f;
    out.push(same ? f : undefined);
  }
  return out;
}

/**
 * Reads one sheet of `ss` into what the writer needs (a handful of batched range reads). Validation and
 * number formats are read down to the sheet's last row, so the file keeps dropdowns and plain-text
 * columns for rows not typed yet.
 */
function sheetOut(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetOut {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  const out: SheetOut = { name: sheet.getName(), values: [], frozenRows: sheet.getFrozenRows(), hidden: sheet.isSheetHidden() };
  if (rows === 0 || cols === 0) return out;
  const range = sheet.getRange(1, 1, rows, cols);
  out.values = range.getValues() as GridValue[][];
  const whole = sheet.getRange(1, 1, Math.max(rows, sheet.getMaxRows()), cols);
  const rules = whole.getDataValidations();
  out.checkboxes = rules.slice(0, rows).map((row) => row.map(isCheckbox));
  const xlsxRules = rules.map((row) => row.map(toXlsxRule));
  out.validations = rectangles(xlsxRules.length, cols, (r, c) => xlsxRules[r][c]);
  out.bold = range.getFontWeights().map((row) => row.map((w) => w === 'bold'));
  const formats = whole.getNumberFormats();
  out.numberFormats = formats.slice(0, rows);
  out.columnFormats = tailFormats(formats, rows, cols);
  out.backgrounds = range.getBackgrounds();
  out.columnWidths = [];
  for (let c = 1; c <= cols; c++) out.columnWidths.push(sheet.getColumnWidth(c));
  return out;
}

export interface SaveOptions {
  /** Zone whose wall clock date cells show; default: the spreadsheet's time zone. */
  timeZone?: string;
  /**
   * Pictures of a sheet. Apps Script cannot read an over-grid image's bytes back, so the caller
   * (the demo, from the emulator's record of insertImage) supplies them.
   */
  images?: (sheetName: string) => SheetImage[];
}

/**
 * Writes every sheet of `spreadsheet` to `path` as .xlsx: bold frozen header row, checkbox cells as
 * TRUE/FALSE, dates as date cells (dd/mm/yyyy hh:mm, the spreadsheet zone's wall clock), widths and
 * the validations .xlsx can hold kept. A blank sheet still named "Trang tính1" (or "Sheet1") is left out.
 */
export async function saveEmulatorToXlsx(spreadsheet: Spreadsheet, path: string, options: SaveOptions = {}): Promise<void> {
  const zone = options.timeZone ?? (spreadsheet.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE);
  const all = spreadsheet.getSheets();
  const kept = all.filter((sheet) => !isUnusedDefaultSheet(sheet, options) || all.length === 1);
  const sheets = kept.map((sheet) => {
    const out = sheetOut(sheet);
    if (options.images) out.images = options.images(sheet.getName());
    return out;
  });
  await writeXlsx(sheets, path, zone);
}
