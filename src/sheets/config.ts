// Schema of "Cấu hình" (key–value settings) and reading/upserting its rows.
import { SETTING_DEFINITIONS, SETTINGS_HEADERS, SETTINGS_SHEET, parseSettings } from '../domain/settings';
import { normalizeName } from '../domain/parse';
import type { Parsed, Settings } from '../domain/types';
import { defineSchema, type SchemaKey } from './schema';
import type { SheetLookup } from './sheetIndex';
import { appendRecords, cell, readSheet, readTable, updateRows, type Table } from './table';

export const CONFIG = defineSchema({
  name: SETTINGS_SHEET,
  protection: 'organizers',
  description: 'Thiết lập hội thi (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'label', header: SETTINGS_HEADERS[0], role: 'input', width: 300 },
    // Plain text ("@"): a date typed as "05/06/2023 23:59" stays that text, which the add-on reads as
    // dd/MM/yyyy in "Múi giờ"; a General cell in a US-locale file would turn it into 6 May.
    { key: 'value', header: SETTINGS_HEADERS[1], role: 'input', width: 320, format: '@' },
    { key: 'note', header: SETTINGS_HEADERS[2], role: 'input', required: false, width: 480 },
  ],
});
export type ConfigKey = SchemaKey<typeof CONFIG>;

/**
 * Seed rows: every setting with its District 11 default and a note. Numbers are written as numbers;
 * dates stay the text "dd/MM/yyyy HH:mm" so no spreadsheet locale can misread day and month.
 */
export function configSeedRows(): Record<ConfigKey, unknown>[] {
  return SETTING_DEFINITIONS.map((d) => ({
    label: d.label,
    value: d.kind === 'number' || d.kind === 'integer' ? Number(d.defaultText) : d.defaultText,
    note: d.note,
  }));
}

/** The "Cấu hình" rows as parseSettings wants them. */
export function configRows(table: Table<ConfigKey>): { label: string; value: unknown; row: number }[] {
  return table.rows.map((r) => ({ label: String(cell(table, r, 'label')), value: cell(table, r, 'value'), row: r.row }));
}

/** An edit of "Cấu hình": the sheet's rows (read once for every part of the edit trigger) and the rows the edit touched. */
export interface ConfigEdit {
  rows: ReturnType<typeof configRows>;
  first: number;
  last: number;
}

/** The ConfigEdit of `range`, an edited range of `sheet` ("Cấu hình", as the caller has checked). */
export function configEdit(sheet: GoogleAppsScript.Spreadsheet.Sheet, range: GoogleAppsScript.Spreadsheet.Range): ConfigEdit {
  const first = range.getRow();
  return { rows: configRows(readTable(sheet, CONFIG)), first, last: first + range.getNumRows() - 1 };
}

/** configEdit of an edited range, or null when it is on another sheet than "Cấu hình". */
export function readConfigEdit(range: GoogleAppsScript.Spreadsheet.Range): ConfigEdit | null {
  const sheet = range.getSheet();
  return sheet.getName() === CONFIG.name ? configEdit(sheet, range) : null;
}

/** Reads and validates the settings (one getValues). */
export function readSettings(spreadsheet: SheetLookup): Parsed<Settings> {
  const table = readSheet(spreadsheet, CONFIG);
  return parseSettings(configRows(table), CONFIG.name);
}

/**
 * Sets the value (and note) of rows found by label, appending rows for labels not present yet —
 * e.g. the form id and URLs recorded by the form builder. One read, one write per block.
 */
export function upsertConfigValues(spreadsheet: SheetLookup, entries: { label: string; value: unknown; note?: string }[]): void {
  const table = readSheet(spreadsheet, CONFIG);
  const byLabel = new Map(table.rows.map((r) => [normalizeName(String(cell(table, r, 'label'))), r]));
  const updates = new Map<number, unknown[]>();
  const appended: Record<ConfigKey, unknown>[] = [];
  for (const e of entries) {
    const existing = byLabel.get(normalizeName(e.label));
    if (existing) updates.set(existing.row, [e.value]);
    else appended.push({ label: e.label, value: e.value, note: e.note ?? '' });
  }
  // Only the value column is rewritten for existing rows; the organizer's notes stay.
  updateRows(table, ['value'], updates);
  appendRecords(table, appended);
}
