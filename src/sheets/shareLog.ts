// Schema of "Nhật ký chia sẻ" (optional share log: clip ID, account, time) and its row mapping.
import { facebookTime } from '../domain/facebookTime';
import { formatDateTime, parseDateTime } from '../domain/parse';
import type { Problem, ShareLogEntry } from '../domain/types';
import { cellProblem } from './errors';
import { DATE_TIME_FORMAT, defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table } from './table';

export const SHARE_LOG = defineSchema({
  name: 'Nhật ký chia sẻ',
  protection: 'organizers',
  description: 'Nhật ký lượt chia sẻ do Ban tổ chức ghi lại (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'id', header: 'Mã bài', role: 'input', width: 90 },
    { key: 'account', header: 'Tài khoản', role: 'input', width: 240 },
    { key: 'time', header: 'Thời gian', role: 'input', width: 140, format: DATE_TIME_FORMAT },
  ],
});
export type ShareLogKey = SchemaKey<typeof SHARE_LOG>;

/** What happens to a share-log row with a problem. */
const SKIPPED = 'dòng này không được tính';

/**
 * Entries with a clip and account; an unreadable time is a problem and the entry is left out. Besides
 * dd/MM/yyyy HH:mm, a time pasted from the Page's "shares" list ("19 tháng 6 lúc 15:30") is read, in the
 * year of `votingEnd` when it shows none.
 */
export function readShareLog(table: Table<ShareLogKey>, timeZone: string, votingEnd?: Date): { entries: ShareLogEntry[]; problems: Problem[] } {
  const year = votingEnd ? Number(formatDateTime(votingEnd, timeZone).slice(6, 10)) : NaN;
  const entries: ShareLogEntry[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  for (const r of table.rows) {
    const clipId = text(table, r, 'id');
    const account = text(table, r, 'account');
    if (clipId === '' || account === '') {
      const column = clipId === '' ? 'Mã bài' : 'Tài khoản';
      problems.push(cellProblem('share.incomplete', 'changes-score', { sheet, row: r.row, column }, `thiếu ${column.toLowerCase()}.`, SKIPPED));
      continue;
    }
    const raw = cell(table, r, 'time');
    const parsed = parseDateTime(raw, timeZone);
    const time = parsed === 'invalid' && typeof raw === 'string' && !Number.isNaN(year) ? (facebookTime(raw, timeZone, year) ?? 'invalid') : parsed;
    if (time === 'invalid') {
      problems.push(
        cellProblem(
          'share.time',
          'changes-score',
          { sheet, row: r.row, column: 'Thời gian' },
          `"${String(raw)}" không phải ngày giờ (dd/MM/yyyy HH:mm).`,
          SKIPPED,
        ),
      );
      continue;
    }
    entries.push({ clipId, account, time });
  }
  return { entries, problems };
}
