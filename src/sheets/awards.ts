// Schema of "Giải thưởng" (the award list) and the mapping from Award to its row.
import { roundToScoreUnits } from '../domain/ranking';
import type { Award } from '../domain/types';
import { SCORE_FORMAT, defineSchema, type SchemaKey } from './schema';

export const AWARDS = defineSchema({
  name: 'Giải thưởng',
  protection: 'organizers',
  description: 'Danh sách khen thưởng (add-on ghi; chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'prize', header: 'Giải', role: 'computed', width: 160 },
    { key: 'unit', header: 'Đơn vị', role: 'computed', width: 220 },
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'title', header: 'Tên tác phẩm', role: 'computed', width: 260 },
    { key: 'authors', header: 'Tác giả', role: 'computed', width: 220 },
    { key: 'total', header: 'Tổng điểm', role: 'computed', width: 100, format: SCORE_FORMAT },
    { key: 'reward', header: 'Hình thức khen thưởng', role: 'computed', width: 260 },
    { key: 'note', header: 'Ghi chú', role: 'computed', width: 360 },
    // Written by "Giấy khen (PDF)" (src/flows/certificates.ts); blanked when the list is rebuilt.
    { key: 'certificate', header: 'Giấy khen (PDF)', role: 'computed', required: false, width: 320 },
  ],
});
export type AwardKey = SchemaKey<typeof AWARDS>;
export const AWARD_KEYS: AwardKey[] = AWARDS.columns.map((c) => c.key);

export function awardRow(a: Award): unknown[] {
  const byKey: Record<AwardKey, unknown> = {
    prize: a.prize,
    unit: a.unit,
    id: a.clipId,
    title: a.title,
    authors: a.authors,
    total: roundToScoreUnits(a.total),
    reward: a.reward,
    note: a.note,
    certificate: '',
  };
  return AWARD_KEYS.map((k) => byKey[k]);
}
