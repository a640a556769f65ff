// Schema of "Tham gia" (per unit: submitted, passed, disqualified, quota met) and its row mapping.
import type { ParticipationRow } from '../domain/types';
import { defineSchema, type SchemaKey } from './schema';

export const PARTICIPATION = defineSchema({
  name: 'Tham gia',
  protection: 'organizers',
  description: 'Báo cáo tham gia của các đơn vị (add-on ghi; chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'unit', header: 'Đơn vị', role: 'computed', width: 240 },
    { key: 'submitted', header: 'Số bài nộp', role: 'computed', width: 100 },
    { key: 'passed', header: 'Số bài hợp lệ', role: 'computed', width: 110 },
    { key: 'disqualified', header: 'Số bài bị loại', role: 'computed', width: 110 },
    { key: 'quotaMet', header: 'Đạt chỉ tiêu', role: 'computed', width: 110 },
  ],
});
export type ParticipationKey = SchemaKey<typeof PARTICIPATION>;
export const PARTICIPATION_KEYS: ParticipationKey[] = PARTICIPATION.columns.map((c) => c.key);

/** How a unit outside the roster is shown: its name marked as such, or a blank unit named as blank. */
export function outsideRosterLabel(unit: string): string {
  return unit === '' ? '(chưa ghi đơn vị)' : `${unit} (không có trong danh sách đơn vị)`;
}

export function participationRow(p: ParticipationRow): unknown[] {
  const byKey: Record<ParticipationKey, unknown> = {
    // A unit that is not in the roster is marked so organizers can fix the roster or the entry.
    unit: p.inRoster ? p.unit : outsideRosterLabel(p.unit),
    submitted: p.submitted,
    passed: p.passed,
    disqualified: p.disqualified,
    quotaMet: p.quotaMet ? 'Có' : 'Không',
  };
  return PARTICIPATION_KEYS.map((k) => byKey[k]);
}
