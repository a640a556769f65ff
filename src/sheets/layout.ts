// Creates or repairs a sheet from its schema: headers, bold frozen header row, widths, formats, validation, protection, seed rows.
import { headerKey, type ColumnSpec, type ColumnValidation, type SheetSchema } from './schema';
import { ensureProtection } from './protection';
import type { SheetIndex } from './sheetIndex';
import { adjacentRuns, escapeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface LayoutContext {
  spreadsheet: Spreadsheet;
  /** The action's sheets by name: ensureSheet finds and inserts sheets through it. */
  sheets: SheetIndex;
  /** SpreadsheetApp, for data-validation builders and the ProtectionType enum. */
  app: SpreadsheetApp;
  /** Emails of the organizers (the user running setup); they can always edit protected sheets. */
  organizers: string[];
  /**
   * Validation rules built so far in this action, by rule: a DataValidation is a value any number of
   * ranges can take, so the ten jury tabs share one rule instead of building ten.
   */
  rules?: Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;
}

/** What layOutColumns needs for data validation: the builders' app, and the action's rules built so far. */
export interface RuleSource {
  app: SpreadsheetApp;
  rules?: Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;
}

export interface EnsureOptions<K extends string> {
  /** Rows written when the sheet has no data rows yet (a fresh sheet). */
  seed?: Partial<Record<K, unknown>>[];
  /**
   * Key column for "repair" seeding: seed rows whose key is not in the sheet yet are appended
   * (used for settings, so a newly added setting appears without touching the others).
   */
  seedKey?: K;
  /** Extra editor of a `juror` sheet. */
  jurorEmail?: string;
  /**
   * Emails of every juror: on a re-run, a `juror` sheet loses only these (other jurors'), so editors
   * an organizer added by hand (a secretary, a co-organizer) keep their access.
   */
  jurorEmails?: string[];
  /**
   * Missing columns that come before this one in the schema are inserted just left of it instead of
   * appended at the end (jury tabs: a criterion added to "Tiêu chí chấm" goes before "Tổng", next to the
   * other marks where the juror expects it). Appended as usual when this column is missing too.
   */
  insertBefore?: K;
  /**
   * Called when the sheet is missing, before creating it: a sheet it returns (the same table under
   * another name) is reported in `renamedFrom` and left as it is, instead of creating an empty twin.
   */
  findRenamed?: () => { sheet: Sheet; name: string; headers: unknown[] } | null;
}

export interface EnsureResult<K extends string = string> {
  sheet: Sheet;
  created: boolean;
  /** Headers added because they were missing (appended, or inserted before `insertBefore`). */
  addedHeaders: string[];
  /** Headers of `addedHeaders` that were inserted before `insertBefore` rather than appended. */
  insertedHeaders: string[];
  seededRows: number;
  /** 1-based sheet column of a schema column, after the repair. */
  columnOf: (key: K) => number;
  /** Name of the sheet found by `findRenamed` (then nothing was created or repaired; `sheet` is that sheet). */
  renamedFrom?: string;
}

/** The rule for one column's validation. */
function buildRule(app: SpreadsheetApp, v: ColumnValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = app.newDataValidation();
  switch (v.kind) {
    case 'checkbox':
      // requireCheckbox rather than insertCheckboxes: the latter sets every cell to FALSE, wiping ticks.
      return b.requireCheckbox().build();
    case 'list':
      return b.requireValueInList(v.values, true).setAllowInvalid(false).build();
    case 'number':
      // allowText: in an English-locale file "8,5" is text; it must stay typeable and be parsed by the add-on.
      return (v.max === undefined ? b.requireNumberGreaterThanOrEqualTo(v.min) : b.requireNumberBetween(v.min, v.max))
        .setAllowInvalid(v.allowText === true)
        .build();
    case 'url':
      return b.requireTextIsUrl().setAllowInvalid(true).build();
    case 'date':
      return b.requireDate().setAllowInvalid(true).build();
  }
}

/**
 * Creates the sheet if needed, appends missing headers at the end of row 1 (never moving existing
 * columns or values), and (re)applies the bold frozen header, column formats, validation and
 * protection. Widths are set only for columns it creates, so organizers' resizing survives. Running
 * it again on a repaired sheet produces the same sheet.
 */
export function ensureSheet<K extends string>(ctx: LayoutContext, schema: SheetSchema<K>, options: EnsureOptions<K> = {}): EnsureResult<K> {
  let sheet = ctx.sheets.getSheetByName(schema.name);
  if (!sheet && options.findRenamed) {
    const found = options.findRenamed();
    if (found) {
      const renamed = found.sheet;
      // First of two identical headers wins, as when reading a table.
      const at = new Map(found.headers.map((h, i) => [headerKey(h), i + 1] as [string, number]).reverse());
      const byKey = new Map(schema.columns.map((c) => [c.key, c]));
      return {
        sheet: renamed,
        created: false,
        addedHeaders: [],
        insertedHeaders: [],
        seededRows: 0,
        columnOf: (key: K) => at.get(headerKey(byKey.get(key)!.header)) ?? -1,
        renamedFrom: found.name,
      };
    }
  }
  const created = !sheet;
  if (!sheet) sheet = ctx.sheets.insertSheetLast(schema.name);
  // A sheet insertSheet has just made is blank: nothing to ask it, and its seed goes in with its headers.
  const fresh = created ? { seed: options.seed ?? [] } : undefined;
  const lastRow = created ? 0 : sheet.getLastRow();
  const { missing, inserted, position, maxRows } = layOutColumns(sheet, schema, ctx, options.insertBefore, fresh);

  let seededRows = fresh ? fresh.seed.length : 0;
  if (!fresh && options.seed && options.seed.length > 0) {
    seededRows = writeSeed(sheet, schema, options, lastRow, maxRows, position);
  }
  ensureProtection(ctx, sheet, schema, options.jurorEmail, options.jurorEmails, created);
  const byKey = new Map(schema.columns.map((c) => [c.key, c]));
  return {
    sheet,
    created,
    addedHeaders: missing.map((c) => c.header),
    insertedHeaders: inserted.map((c) => c.header),
    seededRows,
    columnOf: (key: K) => position(byKey.get(key)!),
  };
}

/**
 * Whether row 1 of a sheet holds exactly the headers of `schema` (in any order): every required
 * header, and nothing that is not one of its headers. Used to recognise a renamed contest sheet.
 */
export function hasExactHeaders(headers: unknown[], schema: SheetSchema<string>): boolean {
  const keys = headers.map(headerKey).filter((k) => k !== '');
  const known = new Set(schema.columns.map((c) => headerKey(c.header)));
  if (keys.length === 0 || keys.some((k) => !known.has(k))) return false;
  const have = new Set(keys);
  return schema.columns.every((c) => c.required === false || have.has(headerKey(c.header)));
}

/** A new sheet called `name`, inserted last so the workbook keeps the order in which sheets are created. */
export function insertSheetLast(spreadsheet: Spreadsheet, name: string): Sheet {
  return spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
}

/**
 * The column part of ensureSheet: appends missing headers (trailing blank header cells are reused),
 * makes row 1 bold and frozen, sets widths of the columns it adds, number formats and — when
 * `validation` is given (the builders' app, and the rules this action has built) — data validation.
 * No seed rows, no protection: appendAudit uses it to recreate a deleted "Nhật ký" with the same
 * header setup would give it. `fresh`: the sheet was just inserted, so it has no headers and no
 * frozen row to ask about, and its headers and `fresh.seed` rows are written last, as one block (see
 * writeFreshBlock). Returns the sheet's row count as read for the formats (`maxRows`).
 */
export function layOutColumns<K extends string>(
  sheet: Sheet,
  schema: SheetSchema<K>,
  validation?: RuleSource,
  insertBefore?: K,
  fresh?: { seed: Partial<Record<K, unknown>>[] },
): { missing: ColumnSpec<K>[]; inserted: ColumnSpec<K>[]; position: (c: ColumnSpec<K>) => number; maxRows: number } {
  const lastCol = fresh ? 0 : sheet.getLastColumn();
  const headerRange = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol) : null;
  const headers = headerRange ? headerRange.getValues()[0] : [];
  const present = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k !== '' && !present.has(k)) present.set(k, i);
  });
  const missing = schema.columns.filter((c) => !present.has(headerKey(c.header)));
  // Trailing blank header cells are reused so a repaired sheet has no gap column.
  let width = headers.length;
  while (width > 0 && headerKey(headers[width - 1]) === '') width--;

  // Columns the schema puts before `insertBefore` go just left of it (one insertColumnsBefore); the
  // columns right of it move with their values, so no typed value changes its header.
  const anchor = insertBefore === undefined ? -1 : schema.columns.findIndex((c) => c.key === insertBefore);
  const anchorAt = anchor < 0 ? undefined : present.get(headerKey(schema.columns[anchor].header));
  const inserted = anchorAt === undefined ? [] : missing.filter((c) => schema.columns.indexOf(c) < anchor);
  const appended = missing.filter((c) => !inserted.includes(c));
  if (anchorAt !== undefined && inserted.length > 0) {
    sheet.insertColumnsBefore(anchorAt + 1, inserted.length);
    for (const [k, i] of present) if (i >= anchorAt) present.set(k, i + inserted.length);
    sheet.getRange(1, anchorAt + 1, 1, inserted.length).setValues([inserted.map((c) => escapeCell(c.header))]);
    inserted.forEach((c, i) => present.set(headerKey(c.header), anchorAt + i));
    width += inserted.length;
  }
  if (appended.length > 0) {
    const maxCols = sheet.getMaxColumns();
    if (width + appended.length > maxCols) sheet.insertColumnsAfter(maxCols, width + appended.length - maxCols);
    if (!fresh) sheet.getRange(1, width + 1, 1, appended.length).setValues([appended.map((c) => escapeCell(c.header))]);
    appended.forEach((c, i) => present.set(headerKey(c.header), width + i));
    width += appended.length;
  }
  const totalCols = Math.max(width, 1);
  const position = (c: ColumnSpec<K>): number => present.get(headerKey(c.header))! + 1;

  // The header range just read is row 1 already when no column was added or inserted (one getRange fewer).
  const sameRow1 = headerRange !== null && missing.length === 0 && totalCols === lastCol;
  if (!fresh) (sameRow1 ? headerRange : sheet.getRange(1, 1, 1, totalCols)).setFontWeight('bold');
  if (fresh || sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // Adjacent columns sharing a width, format or rule (e.g. the ten TT checkboxes) take one call.
  for (const run of runsOf(missing, position, (c) => (c.width ? String(c.width) : ''))) {
    sheet.setColumnWidths(run.start, run.count, Number(run.value));
  }
  const maxRows = sheet.getMaxRows();
  applyFormatsAndRules(sheet, schema, position, Math.max(maxRows - 1, 1), validation);
  if (fresh) writeFreshBlock(sheet, schema, fresh.seed, maxRows);
  return { missing, inserted, position, maxRows };
}

/** Number formats and (with `validation`) data validation on the `dataRows` rows under the header, one call per run of adjacent columns. */
function applyFormatsAndRules<K extends string>(
  sheet: Sheet,
  schema: SheetSchema<K>,
  position: (c: ColumnSpec<K>) => number,
  dataRows: number,
  validation?: RuleSource,
): void {
  for (const run of runsOf(schema.columns, position, (c) => c.format ?? '')) {
    sheet.getRange(2, run.start, dataRows, run.count).setNumberFormat(run.value);
  }
  if (!validation) return;
  for (const run of runsOf(schema.columns, position, (c) => (c.validation ? JSON.stringify(c.validation) : ''))) {
    let rule = validation.rules?.get(run.value);
    if (!rule) {
      rule = buildRule(validation.app, JSON.parse(run.value) as ColumnValidation);
      validation.rules?.set(run.value, rule);
    }
    sheet.getRange(2, run.start, dataRows, run.count).setDataValidation(rule);
  }
}

/**
 * A fresh sheet's bold header row and seed rows (its columns are the schema's, in order, from A): one
 * range, one setValues, one setFontWeights. Written after the number formats, as writeSeed does, so a
 * plain-text ("@") column takes its seed text without an apostrophe.
 */
function writeFreshBlock<K extends string>(sheet: Sheet, schema: SheetSchema<K>, seed: Partial<Record<K, unknown>>[], maxRows: number): void {
  const header = schema.columns.map((c) => escapeCell(c.header));
  const rows = seed.map((r) => schema.columns.map((c) => escapeCell(r[c.key] ?? '', c.format ?? '')));
  const height = rows.length + 1;
  if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);
  const block = sheet.getRange(1, 1, height, header.length);
  block.setValues([header, ...rows]);
  block.setFontWeights([header.map(() => 'bold' as const), ...rows.map((r) => r.map(() => null))]);
}

/** Runs of adjacent sheet columns (1-based `start`) whose `valueOf` is the same non-empty value. */
function runsOf<K extends string>(
  columns: ColumnSpec<K>[],
  position: (c: ColumnSpec<K>) => number,
  valueOf: (c: ColumnSpec<K>) => string,
): { start: number; count: number; value: string }[] {
  const values = columns.map(valueOf);
  // A column without a value (no format, no rule) is left out, as if absent.
  const positions = columns.map((c, i) => (values[i] === '' ? -1 : position(c)));
  return adjacentRuns(positions, (i) => values[i]).map((run) => ({ start: run.start, count: run.members.length, value: values[run.members[0]] }));
}

function writeSeed<K extends string>(
  sheet: Sheet,
  schema: SheetSchema<K>,
  options: EnsureOptions<K>,
  lastRow: number,
  maxRows: number,
  position: (c: ColumnSpec<K>) => number,
): number {
  const seed = options.seed ?? [];
  let rows = seed;
  if (lastRow > 1) {
    if (!options.seedKey) return 0;
    const keyCol = schema.columns.find((c) => c.key === options.seedKey)!;
    const existing = sheet.getRange(2, position(keyCol), lastRow - 1, 1).getValues();
    const have = new Set(existing.map((r) => headerKey(r[0])));
    rows = seed.filter((r) => !have.has(headerKey(r[options.seedKey!])));
  }
  if (rows.length === 0) return 0;
  const start = Math.max(lastRow, 1) + 1;
  // As ensureRows, with the row count layOutColumns has just read.
  if (start + rows.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, start + rows.length - 1 - maxRows);
  // One setValues per run of adjacent schema columns; in a fresh sheet that is a single block.
  for (const run of adjacentRuns(schema.columns.map(position))) {
    const cols = run.members.map((m) => schema.columns[m]);
    // A plain-text ("@") column stores strings as they are: an apostrophe there would stay visible.
    const block = rows.map((r) => cols.map((c) => escapeCell(r[c.key] ?? '', c.format ?? '')));
    sheet.getRange(start, run.start, block.length, cols.length).setValues(block);
  }
  return rows.length;
}
