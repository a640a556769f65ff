// Schema of "Đơn vị" (unit roster) and its row mapping.
import { normalizeName } from '../domain/parse';
import { splitAliases } from '../domain/units';
import type { Problem, Unit } from '../domain/types';
import { cellProblem } from './errors';
import { defineSchema, type SchemaKey } from './schema';
import { readTable, text, type Table } from './table';

export const UNITS = defineSchema({
  name: 'Đơn vị',
  protection: 'organizers',
  description: 'Danh sách cơ sở Đoàn (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'code', header: 'Mã đơn vị', role: 'input', width: 100 },
    { key: 'name', header: 'Tên đơn vị', role: 'input', width: 260 },
    { key: 'aliases', header: 'Tên gọi khác', role: 'input', width: 260, note: 'Các tên gọi khác, cách nhau bởi dấu ;' },
    { key: 'email', header: 'Email', role: 'input', width: 220 },
    // Written by "Mã QR / link nộp bài" (src/forms); organizers do not type it.
    { key: 'link', header: 'Link nộp bài', role: 'computed', width: 320, validation: { kind: 'url' } },
  ],
});
export type UnitKey = SchemaKey<typeof UNITS>;

/** A roster unit with the sheet row it came from. */
export interface UnitRow extends Unit {
  row: number;
  link: string;
}

/** Units in sheet order; rows without a name are problems; a repeated name is reported once. */
export function readUnits(table: Table<UnitKey>): { units: UnitRow[]; problems: Problem[] } {
  const units: UnitRow[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const name = text(table, r, 'name');
    const place = { sheet, row: r.row, column: 'Tên đơn vị' };
    if (name === '') {
      problems.push(cellProblem('unit.name', 'info', place, 'chưa có tên đơn vị.'));
      continue;
    }
    const key = normalizeName(name);
    if (seen.has(key)) {
      problems.push(cellProblem('unit.duplicate', 'info', place, `"${name}" trùng với dòng ${seen.get(key)}.`));
      continue;
    }
    seen.set(key, r.row);
    units.push({
      row: r.row,
      code: text(table, r, 'code'),
      name,
      aliases: splitAliases(text(table, r, 'aliases')),
      email: text(table, r, 'email'),
      link: text(table, r, 'link'),
    });
  }
  return { units, problems };
}

/** "Đơn vị" as read once per action: the table (null when the sheet is missing), its units, and notes about rows that could not be read. */
export interface Roster {
  table: Table<UnitKey> | null;
  units: UnitRow[];
  notes: string[];
}

/** Reads "Đơn vị" (one getValues); a missing sheet is a note, not an error. */
export function rosterUnits(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Roster {
  const sheet = ss.getSheetByName(UNITS.name);
  if (!sheet) return { table: null, units: [], notes: [`Chưa có trang "${UNITS.name}"; danh sách đơn vị trên biểu mẫu để trống.`] };
  const table = readTable(sheet, UNITS);
  const { units, problems } = readUnits(table);
  return { table, units, notes: problems.map((p) => p.message) };
}
