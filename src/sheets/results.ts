// Schema of "Kết quả" (every clip's score breakdown) and the mapping from ClipResult to its row.
import { roundToScoreUnits } from '../domain/ranking';
import type { ClipResult } from '../domain/types';
import { SCORE_FORMAT, defineSchema, type SchemaKey } from './schema';

export const RESULTS = defineSchema({
  name: 'Kết quả',
  protection: 'organizers',
  description: 'Kết quả tính điểm (add-on ghi; chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'rank', header: 'Hạng', role: 'computed', width: 60 },
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'unit', header: 'Đơn vị', role: 'computed', width: 220 },
    { key: 'title', header: 'Tên tác phẩm', role: 'computed', width: 260 },
    { key: 'juryAggregate', header: 'Điểm BGK', role: 'computed', width: 90, format: SCORE_FORMAT },
    { key: 'juryPart', header: 'Điểm BGK quy đổi', role: 'computed', width: 120, format: SCORE_FORMAT },
    { key: 'points', header: 'Điểm tương tác', role: 'computed', width: 110 },
    { key: 'countedPoints', header: 'Điểm tương tác tính', role: 'computed', width: 140 },
    { key: 'engagementPart', header: 'Điểm tương tác quy đổi', role: 'computed', width: 150, format: SCORE_FORMAT },
    { key: 'total', header: 'Tổng điểm', role: 'computed', width: 100, format: SCORE_FORMAT },
    { key: 'note', header: 'Ghi chú', role: 'computed', width: 360 },
    // After the documented columns (docs/workbook.md), so a workbook without it still reads; filled only while "Chuẩn hoá điểm BGK" is on.
    {
      key: 'juryAggregateNormalised',
      header: 'Điểm BGK (chuẩn hoá)',
      role: 'computed',
      required: false,
      width: 140,
      format: SCORE_FORMAT,
      note: 'Điểm BGK sau khi chuẩn hoá theo từng giám khảo (chỉ khi "Chuẩn hoá điểm BGK" bật); "Điểm BGK" là điểm thô.',
    },
  ],
});
export type ResultKey = SchemaKey<typeof RESULTS>;

export const RESULT_KEYS: ResultKey[] = RESULTS.columns.map((c) => c.key);

/** Rounded to 4 decimals so the cells hold the same numbers the ranking compared. */
function r4(x: number | null): number | '' {
  return x === null ? '' : roundToScoreUnits(x);
}

export function resultRow(r: ClipResult): unknown[] {
  const byKey: Record<ResultKey, unknown> = {
    rank: r.rank ?? '',
    id: r.clipId,
    unit: r.unit,
    title: r.title,
    juryAggregate: r4(r.juryAggregate),
    juryPart: r4(r.juryPart),
    // Clips that never reached the fanpage (failed, pending, late) show blanks, like their jury cells.
    points: r.reachedEngagement ? r.engagementPoints : '',
    countedPoints: r.reachedEngagement ? r.countedPoints : '',
    engagementPart: r.reachedEngagement ? r4(r.engagementPart) : '',
    total: r4(r.total),
    note: r.note,
    juryAggregateNormalised: r.juryAggregateNormalised === undefined ? '' : r4(r.juryAggregateNormalised),
  };
  return RESULT_KEYS.map((k) => byKey[k]);
}
