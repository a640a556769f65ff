// Schema of "Tương tác" (per passed clip: post link, reactions, shares) and its row mapping.
import { MAX_COUNT, groupThousandsVi, parseCountCell } from '../domain/parse';
import type { EngagementCount, Problem } from '../domain/types';
import { RepeatTracker, cellSignature, duplicateKeyProblems } from './duplicates';
import { cellProblem } from './errors';
import { DATE_TIME_FORMAT, defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table, type TableRow } from './table';

export const ENGAGEMENT = defineSchema({
  name: 'Tương tác',
  protection: 'organizers',
  description: 'Lượt tương tác trên fanpage (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'post', header: 'Link bài đăng', role: 'input', width: 280, validation: { kind: 'url' } },
    { key: 'reactions', header: 'Lượt cảm xúc', role: 'input', width: 110, validation: { kind: 'number', min: 0, allowText: true } },
    { key: 'shares', header: 'Lượt chia sẻ', role: 'input', width: 110, validation: { kind: 'number', min: 0, allowText: true } },
    { key: 'updated', header: 'Cập nhật lúc', role: 'input', width: 140, format: DATE_TIME_FORMAT },
    { key: 'source', header: 'Nguồn', role: 'input', width: 160 },
  ],
});
export type EngagementKey = SchemaKey<typeof ENGAGEMENT>;

/** Counts per clip; a blank count is 0 (nothing recorded), a non-numeric or negative one is a problem. */
export function readEngagement(table: Table<EngagementKey>): { counts: EngagementCount[]; ids: Set<string>; problems: Problem[] } {
  const counts: EngagementCount[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const sheet = table.schema.name;
  const repeats = new RepeatTracker<{ shown: string; r: TableRow }>();
  for (const r of table.rows) {
    const clipId = text(table, r, 'id');
    if (clipId === '') continue;
    ids.add(clipId.toUpperCase());
    repeats.see(clipId.toUpperCase(), { shown: clipId, r });
    const read = (key: 'reactions' | 'shares', header: string): number => {
      const v = cell(table, r, key);
      // Counts read "1.000" as one thousand (Vietnamese grouping), see parseCountCell.
      const n = parseCountCell(v);
      if (n === null) return 0;
      if (n === 'invalid' || n < 0 || !Number.isInteger(n)) {
        problems.push(
          cellProblem(
            'engagement.count',
            'changes-score',
            { sheet, row: r.row, column: header },
            `"${String(v)}" không phải số nguyên không âm.`,
            'tạm tính là 0 cho đến khi sửa',
          ),
        );
        return 0;
      }
      if (n > MAX_COUNT) {
        problems.push(
          cellProblem(
            'engagement.count',
            'changes-score',
            { sheet, row: r.row, column: header },
            `"${String(v)}" lớn quá mức hợp lý (tối đa ${groupThousandsVi(MAX_COUNT)}).`,
            'tạm tính là 0 cho đến khi sửa',
          ),
        );
        return 0;
      }
      return n;
    };
    counts.push({ clipId, reactions: read('reactions', 'Lượt cảm xúc'), shares: read('shares', 'Lượt chia sẻ') });
  }
  // A clip counted twice: identical counts are a warning, different ones stop scoring ('engagement.duplicate').
  const groups = repeats.groups().map((g) =>
    g.map(({ shown, r }) => ({
      shown,
      row: r.row,
      signature: `${cellSignature(cell(table, r, 'reactions'))}\u0000${cellSignature(cell(table, r, 'shares'))}`,
    })),
  );
  problems.push(...duplicateKeyProblems(sheet, 'Mã bài', 'engagement', groups, 'số lượt'));
  return { counts, ids, problems };
}
