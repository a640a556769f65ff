// Appraisal (thẩm định): the default eligibility checklist and the pass/fail decision for one clip.
import type { AppraisalCriterion, AppraisalInput, AppraisalOutcome, AppraisalStatus } from './types';

/** The District 11 clip requirements, in the plan's order; all required. */
export const DEFAULT_APPRAISAL_CRITERIA: AppraisalCriterion[] = [
  { code: 'TT1', text: 'Thời lượng từ 3 đến 5 phút', required: true },
  { code: 'TT2', text: 'Khung hình tỉ lệ 4:3', required: true },
  { code: 'TT3', text: 'Chất lượng hình ảnh từ Full HD trở lên (4:3 từ 1440×1080)', required: true },
  { code: 'TT4', text: 'Âm thanh rõ ràng, không có tạp âm', required: true },
  { code: 'TT5', text: 'Có tên tác giả (hoặc nhóm tác giả) và tên đơn vị', required: true },
  { code: 'TT6', text: 'Có hình ảnh của Đoàn TNCS Hồ Chí Minh', required: true },
  { code: 'TT7', text: 'Người tham gia mặc áo Thanh niên Việt Nam', required: true },
  { code: 'TT8', text: 'Tác phẩm mới, không sao chép', required: true },
  { code: 'TT9', text: 'Chưa đăng trên phương tiện thông tin đại chúng', required: true },
  { code: 'TT10', text: 'Đúng chủ đề phong trào "3 trách nhiệm"', required: true },
];

/** What the "Kết quả" column of "Thẩm định" shows for each status. */
export const APPRAISAL_LABELS: Record<AppraisalStatus, string> = {
  pending: 'Chờ thẩm định',
  passed: 'Đạt',
  failed: 'Không đạt',
};

/**
 * Start of "Lý do" for a failed clip. "Lý do" sits next to "Kết quả" = "Không đạt", so it names only
 * the criteria; the bare criterion text alone ("Âm thanh rõ ràng…") would read as praise.
 */
const FAILED_CRITERIA_PREFIX = 'Chưa đạt tiêu chí';

/** The unticked criteria as one phrase, in criteria order: "Khung hình tỉ lệ 4:3; Âm thanh rõ ràng, không có tạp âm". */
export function criteriaList(missing: AppraisalCriterion[]): string {
  return missing.map((c) => c.text).join('; ');
}

/**
 * Decide one clip: nothing ticked at all → pending (not yet appraised); every required criterion
 * ticked → passed; otherwise failed, the reason listing the unticked required criteria in order.
 * @example ticks TT1..TT9 but not TT10 → failed, 'Chưa đạt tiêu chí: Đúng chủ đề phong trào "3 trách nhiệm"'
 */
export function appraise(input: AppraisalInput, criteria: AppraisalCriterion[]): AppraisalOutcome {
  const ticked = (c: AppraisalCriterion) => input.ticks[c.code] === true;
  const anyTicked = criteria.some(ticked);
  if (!anyTicked) return { clipId: input.clipId, status: 'pending', missing: [], reason: '' };
  const missing = criteria.filter((c) => c.required && !ticked(c));
  if (missing.length === 0) return { clipId: input.clipId, status: 'passed', missing: [], reason: '' };
  return {
    clipId: input.clipId,
    status: 'failed',
    missing,
    reason: `${FAILED_CRITERIA_PREFIX}: ${criteriaList(missing)}`,
  };
}
