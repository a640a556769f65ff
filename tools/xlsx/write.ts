// Writing plain sheet grids to an .xlsx file that Excel, LibreOffice and Google Sheets all open.
import { renameSync } from 'fs';
import ExcelJS from 'exceljs';
import { rectToA1 } from '../../packages/gas-emulator/src';
import { DATE_TIME_FORMAT } from '../../src/sheets/schema';
import { addImages, type SheetImage } from './images';
import type { GridValue } from './read';
import { TEXT_FORMAT, backgroundToArgb, keptFormat } from './style';
import { CHECKBOX_RULE, worksheetValidations, type RangeValidation } from './validation';
import { instantToXlsxWall } from './zone';

export interface SheetOut {
  name: string;
  values: GridValue[][];
  /** Rows frozen at the top; at least the header row is frozen and bold. */
  frozenRows: number;
  hidden?: boolean;
  /** Same shape as `values`: true where the cell is a checkbox (written as TRUE/FALSE, blank → FALSE). */
  checkboxes?: boolean[][];
  /** Same shape as `values`: true where the cell is bold. */
  bold?: boolean[][];
  /**
   * Same shape as `values`: Sheets number formats ("@", "0.00", "#,##0"…). Plain text ("@") is kept on
   * any cell, so text typed later in Excel stays text; others on numbers and blanks; dates always get DATE_FORMAT.
   */
  numberFormats?: string[][];
  /**
   * Per column: the number format of every row below `values` (e.g. "@" down a phone column), written
   * as the column's own format so rows typed later in Excel get it too.
   */
  columnFormats?: (string | undefined)[];
  /** Same shape as `values`: Sheets backgrounds ("#d9d9d9"); white and colour names are not written. */
  backgrounds?: string[][];
  /** Pixel widths per column as Sheets reports them; missing ones are sized from the content. */
  columnWidths?: (number | undefined)[];
  /** Pictures placed over cells (e.g. the QR codes), anchored at their top-left cell. */
  images?: SheetImage[];
  /**
   * Dropdowns, checkbox lists and number ranges, also over rows not used yet. When given, checkbox
   * cells get their TRUE/FALSE list from here rather than one per cell.
   */
  validations?: RangeValidation[];
}

/** Boolean display for checkbox cells: positive and negative both read TRUE, zero FALSE. */
const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

/**
 * How date cells are shown: the add-on's DATE_TIME_FORMAT (dd/MM/yyyy HH:mm) in Excel's notation,
 * where codes are lower case and "mm" after "hh" means minutes.
 */
const DATE_FORMAT = DATE_TIME_FORMAT.toLowerCase();

/** The number format a non-date, non-checkbox cell holding `v` gets in the file, or '' for none. */
function cellFormat(v: GridValue, format: string | undefined): string {
  const kept = keptFormat(format);
  if (kept === TEXT_FORMAT) return kept;
  return kept !== '' && (typeof v === 'number' || v === '') ? kept : '';
}

/** Excel column width in characters for a column, from the longest line of text it holds. */
function autoWidth(values: GridValue[][], c: number): number {
  let longest = 6;
  for (const row of values) {
    const v = row[c];
    const text = v instanceof Date ? '00/00/0000 00:00' : String(v ?? '');
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(60, longest + 2);
}

/** Writes one cell's value: checkboxes as booleans, dates as the wall clock of `timeZone`. */
function writeValue(cell: ExcelJS.Cell, v: GridValue, isBox: boolean, ownRule: boolean, timeZone: string): void {
  if (isBox) {
    cell.value = v === true || v === 'TRUE';
    // Excel and Google Sheets show a boolean as TRUE/FALSE by themselves; LibreOffice shows 1/0
    // unless the cell says how to display it.
    cell.numFmt = BOOLEAN_FORMAT;
    // Excel has no checkbox; a TRUE/FALSE list keeps the cell to booleans.
    if (ownRule) cell.dataValidation = { ...CHECKBOX_RULE };
  } else if (v instanceof Date) {
    cell.value = instantToXlsxWall(v, timeZone);
    cell.numFmt = DATE_FORMAT;
  } else if (v !== '') {
    cell.value = v;
  }
}

/** Row `r` (0-based) of `s`, `width` cells wide: values, number formats, fills and bold; rows above `frozen` are headers. */
function writeRow(xrow: ExcelJS.Row, s: SheetOut, r: number, width: number, frozen: number, timeZone: string): void {
  const row = s.values[r];
  for (let c = 0; c < width; c++) {
    const v = row[c] ?? '';
    const isBox = s.checkboxes?.[r]?.[c] === true;
    const fill = backgroundToArgb(s.backgrounds?.[r]?.[c]);
    const format = isBox || v instanceof Date ? '' : cellFormat(v, s.numberFormats?.[r]?.[c]);
    // A blank cell is written only when it carries a format or a fill (a greyed conflict row, a text column).
    if (v === '' && !isBox && !fill && !format) continue;
    const cell = xrow.getCell(c + 1);
    // With `s.validations` the checkbox list comes from there rather than one per cell.
    writeValue(cell, v, isBox, !s.validations, timeZone);
    if (format) cell.numFmt = format;
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    if (r < frozen || s.bold?.[r]?.[c]) cell.font = { bold: true };
  }
  // A header row is bold even where its cells are empty, so added headers look the same.
  if (r < frozen) xrow.font = { bold: true };
}

/** Column formats, then widths of the first `width` columns. */
function writeColumns(ws: ExcelJS.Worksheet, s: SheetOut, width: number): void {
  (s.columnFormats ?? []).forEach((format, c) => {
    const kept = keptFormat(format);
    // Assigned to the column's style, not through column.numFmt, which would also restyle the header cells.
    if (kept !== '') ws.getColumn(c + 1).style = { ...ws.getColumn(c + 1).style, numFmt: kept };
  });
  for (let c = 0; c < width; c++) {
    const px = s.columnWidths?.[c];
    // Sheets reports pixels (default 100); Excel wants characters (~7 px each).
    ws.getColumn(c + 1).width = px && px !== 100 ? Math.max(4, Math.round((px - 5) / 7)) : autoWidth(s.values, c);
  }
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetOut, timeZone: string): void {
  const frozen = Math.max(1, s.frozenRows);
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: 'frozen', ySplit: frozen, xSplit: 0 }],
    state: s.hidden ? 'hidden' : 'visible',
  });
  const width = s.values.reduce((m, r) => Math.max(m, r.length), 0);
  s.values.forEach((_, r) => writeRow(ws.getRow(r + 1), s, r, width, frozen, timeZone));
  for (const v of s.validations ?? []) {
    const a1 = rectToA1({ row: v.row, col: v.column, numRows: v.numRows, numCols: v.numColumns });
    worksheetValidations(ws).add(a1, v.rule);
  }
  addImages(wb, ws, s.images ?? []);
  writeColumns(ws, s, width);
}

/** Writes `sheets` in order; dates are written as the wall clock of `timeZone`. */
export async function writeXlsx(sheets: SheetOut[], path: string, timeZone: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hoithi';
  // A fixed timestamp keeps the output identical run to run.
  wb.created = new Date(Date.UTC(2023, 5, 1));
  wb.modified = wb.created;
  for (const s of sheets) writeSheet(wb, s, timeZone);
  // Written beside the target, then renamed: an interrupted run never leaves a truncated workbook.
  const partial = `${path}.partial`;
  await wb.xlsx.writeFile(partial);
  renameSync(partial, path);
}
