// Reading and typing sheet rows by header text, as a person (or the demo acting as one) does in the workbook.
import { adjacentRuns, ensureRows, escapeCell } from '../../src/sheets/table';
import type { SheetSchema } from '../../src/sheets/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A schema's header texts by column key, so the demo types under the add-on's own headers: headersOf(UNITS).code === 'Mã đơn vị'. */
export function headersOf<K extends string>(schema: SheetSchema<K>): Record<K, string> {
  return Object.fromEntries(schema.columns.map((c) => [c.key, c.header])) as Record<K, string>;
}

export interface SheetRecord {
  /** 1-based sheet row. */
  row: number;
  /** Cell values keyed by header text (trimmed). */
  values: Record<string, unknown>;
}

export interface SheetRecords {
  headers: string[];
  rows: SheetRecord[];
}

/** Every non-blank data row of `sheet`, keyed by its row-1 headers (one getValues). */
export function readRecords(sheet: Sheet): SheetRecords {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return { headers: [], rows: [] };
  const grid = sheet.getRange(1, 1, lastRow, lastCol).getValues();
  const headers = grid[0].map((h) => String(h).trim());
  const rows: SheetRecord[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === '' || c === null)) return;
    const values: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      if (h !== '' && !(h in values)) values[h] = cells[c];
    });
    rows.push({ row: i + 2, values });
  });
  return { headers, rows };
}

function columnOf(headers: string[], header: string, sheet: Sheet): number {
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`Trang "${sheet.getName()}" không có cột "${header}".`);
  return c;
}

/**
 * Appends rows after the last one, each value under its header (one setValues), growing the sheet
 * when they go past its last row. With `asText`, strings stay text (a leading apostrophe, as the
 * add-on writes what people typed): "0901234567" or "01/06/2023 08:00" is not turned into a number or a date.
 */
export function appendByHeader(sheet: Sheet, records: Record<string, unknown>[], options: { asText?: boolean } = {}): void {
  if (records.length === 0) return;
  const width = sheet.getLastColumn();
  const headers = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => String(h).trim());
  const grid = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [h, v] of Object.entries(rec)) row[columnOf(headers, h, sheet)] = options.asText ? escapeCell(v) : v;
    return row;
  });
  const start = sheet.getLastRow() + 1;
  ensureRows(sheet, start + grid.length - 1);
  sheet.getRange(start, 1, grid.length, width).setValues(grid);
}

/**
 * Rewrites the adjacent columns headed `first` … `last` in every row from 2 to the last one with
 * `cells(record)` (one getValues, one setValues): a column of ticks or marks for a whole sheet at once.
 * Blank rows stay blank.
 */
export function rewriteColumns(sheet: Sheet, first: string, last: string, cells: (record: SheetRecord) => unknown[]): void {
  const { headers, rows } = readRecords(sheet);
  const from = columnOf(headers, first, sheet);
  const to = columnOf(headers, last, sheet);
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const block = Array.from({ length: lastRow - 1 }, (_, i) => {
    const r = byRow.get(i + 2);
    return r ? cells(r) : new Array(to - from + 1).fill('');
  });
  sheet.getRange(2, from + 1, block.length, to - from + 1).setValues(block);
}

/** A value to type into the cell at (`row`, column headed `header`). */
export interface CellEdit {
  row: number;
  header: string;
  value: unknown;
}

/**
 * Writes `edits`, one setValues per run of adjacent rows in a column, so a column of marks costs one
 * call; cells not named are left as they are.
 */
export function writeByHeader(sheet: Sheet, edits: CellEdit[]): void {
  if (edits.length === 0) return;
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).trim());
  const byColumn = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const c = columnOf(headers, e.header, sheet);
    const list = byColumn.get(c);
    if (list) list.push(e);
    else byColumn.set(c, [e]);
  }
  for (const [c, list] of byColumn) {
    for (const run of adjacentRuns(list.map((e) => e.row))) {
      sheet.getRange(run.start, c + 1, run.members.length, 1).setValues(run.members.map((i) => [list[i].value]));
    }
  }
}
