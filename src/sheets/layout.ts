// Creates or repairs a sheet from its schema: headers, bold frozen header row, widths, formats, validation, protection, seed rows.
import { headerKey, type ColumnSpec, type ColumnValidation, type SheetSchema } from './schema';
import { adjacentRuns, ensureRows, escapeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface LayoutContext {
  spreadsheet: Spreadsheet;
  /** SpreadsheetApp, for data-validation builders and the ProtectionType enum. */
  app: SpreadsheetApp;
  /** Emails of the organizers (the user running setup); they can always edit protected sheets. */
  organizers: string[];
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
}

export interface EnsureResult {
  sheet: Sheet;
  created: boolean;
  /** Headers appended because they were missing. */
  addedHeaders: string[];
  seededRows: number;
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
export function ensureSheet<K extends string>(
  ctx: LayoutContext,
  schema: SheetSchema<K>,
  options: EnsureOptions<K> = {},
): EnsureResult {
  let sheet = ctx.spreadsheet.getSheetByName(schema.name);
  const created = !sheet;
  if (!sheet) sheet = insertSheetLast(ctx.spreadsheet, schema.name);
  const lastRow = sheet.getLastRow();
  const { missing, position } = layOutColumns(sheet, schema, ctx.app);

  let seededRows = 0;
  if (options.seed && options.seed.length > 0) {
    seededRows = writeSeed(sheet, schema, options, lastRow, position);
  }
  ensureProtection(ctx, sheet, schema, options.jurorEmail, options.jurorEmails);
  return { sheet, created, addedHeaders: missing.map((c) => c.header), seededRows };
}

/** A new sheet called `name`, inserted last so the workbook keeps the order in which sheets are created. */
export function insertSheetLast(spreadsheet: Spreadsheet, name: string): Sheet {
  return spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
}

/**
 * The column part of ensureSheet: appends missing headers (trailing blank header cells are reused),
 * makes row 1 bold and frozen, sets widths of the columns it adds, number formats and — when `app` is
 * given, for its validation builders — data validation. No seed rows, no protection: appendAudit uses
 * it to recreate a deleted "Nhật ký" with the same header setup would give it.
 */
export function layOutColumns<K extends string>(
  sheet: Sheet,
  schema: SheetSchema<K>,
  app?: SpreadsheetApp,
): { missing: ColumnSpec<K>[]; position: (c: ColumnSpec<K>) => number } {
  const lastCol = sheet.getLastColumn();
  const headers = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const present = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k !== '' && !present.has(k)) present.set(k, i);
  });
  const missing = schema.columns.filter((c) => !present.has(headerKey(c.header)));
  // Trailing blank header cells are reused so a repaired sheet has no gap column.
  let width = headers.length;
  while (width > 0 && headerKey(headers[width - 1]) === '') width--;
  if (missing.length > 0) {
    const maxCols = sheet.getMaxColumns();
    if (width + missing.length > maxCols) sheet.insertColumnsAfter(maxCols, width + missing.length - maxCols);
    sheet.getRange(1, width + 1, 1, missing.length).setValues([missing.map((c) => escapeCell(c.header))]);
    missing.forEach((c, i) => present.set(headerKey(c.header), width + i));
  }
  const totalCols = Math.max(width + missing.length, 1);
  const position = (c: ColumnSpec<K>): number => present.get(headerKey(c.header))! + 1;

  sheet.getRange(1, 1, 1, totalCols).setFontWeight('bold');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // Adjacent columns sharing a width, format or rule (e.g. the ten TT checkboxes) take one call.
  for (const run of runsOf(missing, position, (c) => (c.width ? String(c.width) : ''))) {
    sheet.setColumnWidths(run.start, run.count, Number(run.value));
  }
  const dataRows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const run of runsOf(schema.columns, position, (c) => c.format ?? '')) {
    sheet.getRange(2, run.start, dataRows, run.count).setNumberFormat(run.value);
  }
  if (app) {
    for (const run of runsOf(schema.columns, position, (c) => (c.validation ? JSON.stringify(c.validation) : ''))) {
      const rule = buildRule(app, JSON.parse(run.value) as ColumnValidation);
      sheet.getRange(2, run.start, dataRows, run.count).setDataValidation(rule);
    }
  }
  return { missing, position };
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
  ensureRows(sheet, start + rows.length - 1);
  // One setValues per run of adjacent schema columns; in a fresh sheet that is a single block.
  for (const run of adjacentRuns(schema.columns.map(position))) {
    const cols = run.members.map((m) => schema.columns[m]);
    // A plain-text ("@") column stores strings as they are: an apostrophe there would stay visible.
    const block = rows.map((r) => cols.map((c) => escapeCell(r[c.key] ?? '', c.format ?? '')));
    sheet.getRange(start, run.start, block.length, cols.length).setValues(block);
  }
  return rows.length;
}

/**
 * Sheet protection: `organizers` and `juror` sheets are protected (created once, restricted to the
 * organizers, plus the juror for a jury tab); `open` sheets are left as they are. Re-running only adds
 * missing editors, so co-organizers added by hand keep their access. On a jury tab a re-run also
 * removes other jurors (`jurorEmails`), because a juror must never edit another's marks; the owner,
 * the organizer running it, that juror and anyone else added by hand stay.
 */
function ensureProtection(ctx: LayoutContext, sheet: Sheet, schema: SheetSchema<string>, jurorEmail?: string, jurorEmails: string[] = []): void {
  if (schema.protection === 'open') return;
  const allowed = ctx.organizers.filter((e) => e !== '');
  if (schema.protection === 'juror' && jurorEmail) allowed.push(jurorEmail);
  const allowedKeys = new Set(allowed.map((e) => e.toLowerCase()));
  let protection = sheet.getProtections(ctx.app.ProtectionType.SHEET)[0];
  const fresh = !protection;
  if (!protection) protection = sheet.protect().setDescription(schema.description);
  if (fresh || schema.protection === 'juror') {
    // A fresh protection copies every editor of the file (jurors, appraisers): keep only the allowed.
    // An existing jury tab loses only other jurors, not the people an organizer added by hand.
    const jurorKeys = new Set(jurorEmails.map((e) => e.toLowerCase()));
    const others = protection
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e !== '' && !allowedKeys.has(e.toLowerCase()) && (fresh || jurorKeys.has(e.toLowerCase())));
    if (others.length > 0) protection.removeEditors(others);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }
  const current = new Set(protection.getEditors().map((u) => u.getEmail().toLowerCase()));
  const toAdd = allowed.filter((e) => !current.has(e.toLowerCase()));
  if (toAdd.length > 0) protection.addEditors(toAdd);
}
