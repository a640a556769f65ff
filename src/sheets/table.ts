// Batched table I/O: one getValues to read a sheet, one setValues per run of adjacent output columns.
import { isBlank } from '../domain/parse';
import type { Problem } from '../domain/types';
import { ContestError, missingSheet } from './errors';
import { headerKey, type SheetSchema } from './schema';
import type { SheetLookup } from './sheetIndex';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One non-blank data row: its 1-based sheet row and its cells in sheet column order. */
export interface TableRow {
  row: number;
  cells: unknown[];
}

/** A sheet read once; columns located by header text, so reordered or extra columns are fine. */
export interface Table<K extends string = string> {
  readonly sheet: Sheet;
  readonly schema: SheetSchema<K>;
  /** Row-1 texts as found. */
  readonly headers: string[];
  /** 0-based sheet column of each schema column; -1 when an optional column is absent. */
  readonly col: Record<K, number>;
  /** Non-blank data rows (row 2 onwards), in sheet order. */
  readonly rows: TableRow[];
  /** Last sheet row that the data range covered (1 when there are only headers). */
  lastRow: number;
  /** Width of the data range in columns. */
  readonly width: number;
  /**
   * Rows the sheet has, once a write of this table asked (getMaxRows) or grew it: appends one at a time
   * (a log line per mail sent) then ask once, not per row. The add-on never deletes rows.
   */
  maxRows?: number;
}

/** The sheet called `name`, or a Vietnamese error telling the organizer to run setup. */
export function requireSheet(spreadsheet: SheetLookup, name: string): Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw missingSheet(name);
  return sheet;
}

/** Maps each schema column to its 0-based position in `headers`; reports missing required headers. */
export function locateColumns<K extends string>(schema: SheetSchema<K>, headers: unknown[]): { col: Record<K, number>; problems: Problem[] } {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    // The first of two identical headers wins, as a person reading left to right would expect.
    if (key !== '' && !positions.has(key)) positions.set(key, i);
  });
  const col = {} as Record<K, number>;
  const problems: Problem[] = [];
  for (const c of schema.columns) {
    const at = positions.get(headerKey(c.header));
    col[c.key] = at ?? -1;
    if (at === undefined && c.required !== false) {
      problems.push({
        code: 'sheet.header_missing',
        severity: 'stops-action',
        message: `Trang "${schema.name}" thiếu cột "${c.header}" ở dòng 1. Hãy thêm lại tiêu đề cột này hoặc chạy "Hội thi → Thiết lập hội thi" để sửa.`,
        sheet: schema.name,
        row: 1,
        column: c.header,
      });
    }
  }
  return { col, problems };
}

/**
 * Reads `sheet` with ONE getDataRange().getValues(). Throws a ContestError naming the sheet and
 * header when a required header is missing. Rows whose schema cells are all blank are skipped (their
 * row numbers are still counted, so `row` is always what the user sees).
 */
export function readTable<K extends string>(sheet: Sheet, schema: SheetSchema<K>): Table<K> {
  const values = sheet.getDataRange().getValues();
  const headers = (values[0] ?? []).map((h) => String(h ?? ''));
  const { col, problems } = locateColumns(schema, headers);
  if (problems.length > 0) throw new ContestError(problems);
  const used = schema.columns.map((c) => col[c.key]).filter((i) => i >= 0);
  const rows: TableRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    if (used.some((i) => !isBlank(cells[i]))) rows.push({ row: r + 1, cells });
  }
  return {
    sheet,
    schema,
    headers,
    col,
    rows,
    lastRow: Math.max(1, values.length),
    width: headers.length,
  };
}

/** Reads the sheet called `schema.name` from `spreadsheet` (error when it does not exist). */
export function readSheet<K extends string>(spreadsheet: SheetLookup, schema: SheetSchema<K>): Table<K> {
  return readTable(requireSheet(spreadsheet, schema.name), schema);
}

/** The cell of `row` in column `key` ('' when the column is absent). */
export function cell<K extends string>(table: Table<K>, row: TableRow, key: K): unknown {
  const i = table.col[key];
  return i >= 0 ? (row.cells[i] ?? '') : '';
}

/** Trimmed text of a cell (numbers and dates as String() would show them). */
export function text<K extends string>(table: Table<K>, row: TableRow, key: K): string {
  const v = cell(table, row, key);
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Makes a value safe to write with setValues. setValues parses strings as if typed: "=…" becomes a
 * formula, "+84 90…" a broken formula, "0901234567" the number 901234567, "TRUE" a boolean. Every
 * non-empty string therefore gets a leading apostrophe, which Sheets keeps as "this is text" and
 * neither stores nor shows — except in a cell formatted as plain text ("@"), where Sheets stores
 * strings as they are and an apostrophe would stay visible. Numbers, booleans and dates pass through.
 * @example escapeCell('=IMPORTXML("http://x","//a")') === '\'=IMPORTXML("http://x","//a")'
 */
export function escapeCell(value: unknown, numberFormat = ''): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value !== '' && numberFormat !== '@') return `'${value}`;
  return value;
}

/**
 * Grows the sheet to at least `lastRow` rows: getRange beyond the sheet's size throws in Google
 * ("The coordinates of the range are outside the dimensions of the sheet"), and only appendRow grows
 * a sheet by itself. New rows inherit the formatting and validation of the row above them.
 * Returns the sheet's row count afterwards.
 */
export function ensureRows(sheet: Sheet, lastRow: number): number {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
  return Math.max(max, lastRow);
}

/**
 * Groups column positions into runs of adjacent columns, so each run takes one Range call instead of
 * one per column. `positions[i]` is item i's column (any base; negative = absent, skipped); the items
 * of a run are listed in `members` by index, left to right. With `groupOf`, only adjacent items of the
 * same group share a run (e.g. columns with the same number format).
 * @example adjacentRuns([3, 1, 2, -1, 7]) → [{ start: 1, members: [1, 2, 0] }, { start: 7, members: [4] }]
 */
export function adjacentRuns(positions: number[], groupOf?: (index: number) => string): { start: number; members: number[] }[] {
  const order = positions
    .map((p, i) => ({ p, i }))
    .filter((x) => x.p >= 0)
    .sort((a, b) => a.p - b.p);
  const runs: { start: number; members: number[]; group: string }[] = [];
  for (const { p, i } of order) {
    const group = groupOf ? groupOf(i) : '';
    const last = runs[runs.length - 1];
    if (last && last.start + last.members.length === p && last.group === group) last.members.push(i);
    else runs.push({ start: p, members: [i], group });
  }
  return runs.map(({ start, members }) => ({ start, members }));
}

/**
 * Writes `values` (one array per row, cells in `keys` order) from sheet row `startRow` down, into
 * the columns named by `keys` only. Adjacent columns are written together: one setValues per run,
 * so the default layout costs one call and extra columns between ours are never touched.
 * Strings are escaped with escapeCell (one getNumberFormats per run tells plain-text cells).
 * Returns the number of setValues calls made.
 */
export function writeCells<K extends string>(table: Table<K>, startRow: number, keys: K[], values: unknown[][]): number {
  if (values.length === 0) return 0;
  // Rows up to the table's last row exist (the data range covered them, or this table wrote them), and
  // up to its maxRows once a write has asked.
  const end = startRow + values.length - 1;
  if (end > table.lastRow && end > (table.maxRows ?? 0)) table.maxRows = ensureRows(table.sheet, end);
  const runs = adjacentRuns(keys.map((k) => table.col[k]));
  for (const run of runs) {
    const range = table.sheet.getRange(startRow, run.start + 1, values.length, run.members.length);
    const formats = range.getNumberFormats();
    range.setValues(values.map((row, r) => run.members.map((m, c) => escapeCell(row[m], formats[r][c]))));
  }
  return runs.length;
}

/**
 * Replaces the data rows of the `keys` columns with `values` (row 2 onwards) and blanks what is
 * left below from an earlier, longer run — in the same setValues. Other columns keep their values.
 */
export function replaceColumns<K extends string>(table: Table<K>, keys: K[], values: unknown[][]): void {
  const height = Math.max(values.length, table.lastRow - 1);
  if (height === 0) return;
  const padded = values.slice();
  while (padded.length < height) padded.push(keys.map(() => ''));
  writeCells(table, 2, keys, padded);
  table.lastRow = Math.max(table.lastRow, values.length + 1);
}

/**
 * Updates `keys` columns of existing rows in place: `updates` maps a sheet row to its new cells (in
 * `keys` order). Rows not in `updates` are rewritten with the values they already had, so the whole
 * span is still one setValues per column run. Only use on computed columns.
 */
export function updateRows<K extends string>(table: Table<K>, keys: K[], updates: Map<number, unknown[]>): void {
  if (updates.size === 0) return;
  const rowsByNumber = new Map(table.rows.map((r) => [r.row, r]));
  const first = Math.min(...updates.keys());
  const last = Math.max(...updates.keys());
  const block: unknown[][] = [];
  for (let r = first; r <= last; r++) {
    const update = updates.get(r);
    if (update) block.push(update);
    else {
      const existing = rowsByNumber.get(r);
      block.push(keys.map((k) => (existing ? cell(table, existing, k) : '')));
    }
  }
  writeCells(table, first, keys, block);
}

/**
 * Appends rows (cells in `keys` order) below the last row, one setValues per run of adjacent
 * columns; extra (non-schema) columns of the new rows stay empty. Returns the first new row.
 */
export function appendRows<K extends string>(table: Table<K>, keys: K[], rows: unknown[][]): number {
  if (rows.length === 0) return table.lastRow;
  const start = table.lastRow + 1;
  writeCells(table, start, keys, rows);
  table.lastRow = start + rows.length - 1;
  return start;
}

/** appendRows for records keyed by schema column; keys missing from a record are written blank. */
export function appendRecords<K extends string>(table: Table<K>, records: Partial<Record<K, unknown>>[]): number {
  const keys = table.schema.columns.map((c) => c.key).filter((k) => table.col[k] >= 0);
  return appendRows(
    table,
    keys,
    records.map((rec) => keys.map((k) => (rec[k] === undefined ? '' : rec[k]))),
  );
}
