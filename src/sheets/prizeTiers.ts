// Schema of "Cơ cấu giải" (prize tiers: prize, count, reward) and its row mapping.
import { DEFAULT_PRIZE_TIERS, PRIZE_SHEET } from '../domain/awards';
import { groupThousandsVi, parseNumberCell } from '../domain/parse';

/** More prizes of one tier than any contest gives (and than there are clips to award). */
const MAX_PRIZE_COUNT = 10_000;
import type { PrizeTier, Problem } from '../domain/types';
import { cellProblem } from './errors';
import { defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table } from './table';

export const PRIZE_TIERS = defineSchema({
  name: PRIZE_SHEET,
  protection: 'organizers',
  description: 'Cơ cấu giải thưởng (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'name', header: 'Giải', role: 'input', width: 180 },
    { key: 'count', header: 'Số lượng', role: 'input', width: 90, validation: { kind: 'number', min: 0 } },
    { key: 'reward', header: 'Hình thức khen thưởng', role: 'input', width: 320 },
  ],
});
export type PrizeTierKey = SchemaKey<typeof PRIZE_TIERS>;

/** Seed rows of a fresh "Cơ cấu giải": the engine's District 11 defaults, so the two never disagree. */
export function prizeTierSeedRows(): Record<PrizeTierKey, unknown>[] {
  return DEFAULT_PRIZE_TIERS.map((t) => ({ ...t }));
}

export function readPrizeTiers(table: Table<PrizeTierKey>): { tiers: PrizeTier[]; problems: Problem[] } {
  const tiers: PrizeTier[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  for (const r of table.rows) {
    const name = text(table, r, 'name');
    const count = parseNumberCell(cell(table, r, 'count'));
    if (name === '') {
      problems.push(cellProblem('prize.name', 'stops-action', { sheet, row: r.row, column: 'Giải' }, 'chưa có tên giải.'));
      continue;
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      problems.push(
        cellProblem('prize.count', 'stops-action', { sheet, row: r.row, column: 'Số lượng' }, `số lượng giải "${name}" phải là số nguyên không âm.`),
      );
      continue;
    }
    if (count > MAX_PRIZE_COUNT) {
      // The award list lays out one slot per prize: 1e15 would never finish, not just be wrong.
      problems.push(
        cellProblem(
          'prize.count',
          'stops-action',
          { sheet, row: r.row, column: 'Số lượng' },
          `số lượng giải "${name}" là ${count}, lớn quá mức hợp lý (tối đa ${groupThousandsVi(MAX_PRIZE_COUNT)}).`,
        ),
      );
      continue;
    }
    tiers.push({ name, count, reward: text(table, r, 'reward') });
  }
  return { tiers, problems };
}
