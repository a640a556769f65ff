// Schema of "Tiến độ chấm" (one row per juror: clips to mark, marked, missing, conflicts, invalid marks, last reminder) and its rows.
import type { JurorProgress } from '../domain/progress';
import { DATE_TIME_FORMAT, defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table } from './table';

export const JURY_PROGRESS = defineSchema({
  name: 'Tiến độ chấm',
  protection: 'organizers',
  description: 'Tiến độ chấm của Ban giám khảo (add-on ghi; chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'code', header: 'Mã', role: 'computed', width: 70 },
    { key: 'name', header: 'Họ tên', role: 'computed', width: 200 },
    { key: 'toMark', header: 'Số bài cần chấm', role: 'computed', width: 120 },
    { key: 'marked', header: 'Đã chấm', role: 'computed', width: 80 },
    { key: 'missing', header: 'Còn thiếu', role: 'computed', width: 80, note: 'Số bài chưa có điểm (ô trống); không tính bài cùng đơn vị với giám khảo.' },
    { key: 'conflicts', header: 'Không chấm (cùng đơn vị)', role: 'computed', width: 170 },
    { key: 'invalid', header: 'Điểm không hợp lệ', role: 'computed', width: 130, note: 'Số bài có ô điểm không đọc được (chữ, ngoài thang điểm).' },
    { key: 'reminded', header: 'Nhắc lần cuối', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
  ],
});
export type JuryProgressKey = SchemaKey<typeof JURY_PROGRESS>;
export const JURY_PROGRESS_KEYS: JuryProgressKey[] = JURY_PROGRESS.columns.map((c) => c.key);

/** Clips with at least one unreadable mark, each once, in clip order. */
export function invalidClips(p: JurorProgress): string[] {
  return [...new Set(p.invalid.map((m) => m.clipId))];
}

/** The row of one juror; `reminded` is the last reminder kept from the sheet (or just sent), '' when none. */
export function juryProgressRow(p: JurorProgress, reminded: Date | ''): unknown[] {
  const byKey: Record<JuryProgressKey, unknown> = {
    code: p.jurorCode,
    name: p.name,
    toMark: p.toMark,
    marked: p.marked,
    missing: p.missing.length,
    conflicts: p.conflicts,
    invalid: invalidClips(p).length,
    reminded,
  };
  return JURY_PROGRESS_KEYS.map((k) => byKey[k]);
}

/** "Nhắc lần cuối" of each juror code (upper case) as the sheet holds it; cells that are no date are ignored. */
export function lastReminders(table: Table<JuryProgressKey>): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const r of table.rows) {
    const code = text(table, r, 'code').toUpperCase();
    const v = cell(table, r, 'reminded');
    if (code !== '' && v instanceof Date && !Number.isNaN(v.getTime()) && !out.has(code)) out.set(code, v);
  }
  return out;
}
