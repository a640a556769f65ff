// Tests for the appraisal checklist decision.
import { APPRAISAL_LABELS, DEFAULT_APPRAISAL_CRITERIA, appraise } from '../../src/domain/appraisal';
import type { AppraisalCriterion } from '../../src/domain/types';

const allTicked = () => Object.fromEntries(DEFAULT_APPRAISAL_CRITERIA.map((c) => [c.code, true]));

describe('DEFAULT_APPRAISAL_CRITERIA', () => {
  it('is TT1…TT10 in the plan’s order, all required', () => {
    expect(DEFAULT_APPRAISAL_CRITERIA.map((c) => c.code)).toEqual(['TT1', 'TT2', 'TT3', 'TT4', 'TT5', 'TT6', 'TT7', 'TT8', 'TT9', 'TT10']);
    expect(DEFAULT_APPRAISAL_CRITERIA.every((c) => c.required)).toBe(true);
    expect(DEFAULT_APPRAISAL_CRITERIA[0].text).toContain('3 đến 5 phút');
    expect(DEFAULT_APPRAISAL_CRITERIA[1].text).toContain('4:3');
    expect(DEFAULT_APPRAISAL_CRITERIA[9].text).toContain('3 trách nhiệm');
  });
  it('"4:3" and "Full HD" together mean a 4:3 frame of 1080 lines or more: TT3 tells the appraiser 1440×1080', () => {
    // Full HD's own 1920×1080 is 16:9; a 4:3 frame 1080 lines high is 1080 × 4 / 3 = 1440 wide.
    // The rule is a checkbox the appraiser ticks (no video metadata is read), so the text must say it.
    const tt2 = DEFAULT_APPRAISAL_CRITERIA.find((c) => c.code === 'TT2')!;
    const tt3 = DEFAULT_APPRAISAL_CRITERIA.find((c) => c.code === 'TT3')!;
    expect(tt2.text).toBe('Khung hình tỉ lệ 4:3');
    expect(tt3.text).toBe('Chất lượng hình ảnh từ Full HD trở lên (4:3 từ 1440×1080)');
    // A clip filmed in 16:9 Full HD fails TT2 only; its reason names the frame rule.
    const r = appraise({ clipId: 'HT-009', ticks: { ...allTicked(), TT2: false } }, DEFAULT_APPRAISAL_CRITERIA);
    expect(r).toMatchObject({ status: 'failed', reason: 'Chưa đạt tiêu chí: Khung hình tỉ lệ 4:3' });
  });
});

describe('appraise', () => {
  it('nothing ticked → pending (not yet appraised)', () => {
    expect(appraise({ clipId: 'HT-001', ticks: {} }, DEFAULT_APPRAISAL_CRITERIA)).toEqual({
      clipId: 'HT-001',
      status: 'pending',
      missing: [],
      reason: '',
    });
    expect(appraise({ clipId: 'HT-001', ticks: { TT1: false } }, DEFAULT_APPRAISAL_CRITERIA).status).toBe('pending');
  });
  it('every required criterion ticked → passed', () => {
    expect(appraise({ clipId: 'HT-001', ticks: allTicked() }, DEFAULT_APPRAISAL_CRITERIA)).toMatchObject({
      status: 'passed',
      reason: '',
    });
  });
  it('any required criterion unticked → failed, reason lists them by name in criteria order', () => {
    const ticks = { ...allTicked(), TT2: false, TT7: false };
    const r = appraise({ clipId: 'HT-002', ticks }, DEFAULT_APPRAISAL_CRITERIA);
    expect(r.status).toBe('failed');
    expect(r.missing.map((c) => c.code)).toEqual(['TT2', 'TT7']);
    expect(r.reason).toBe('Chưa đạt tiêu chí: Khung hình tỉ lệ 4:3; Người tham gia mặc áo Thanh niên Việt Nam');
  });
  it('optional criteria may stay unticked', () => {
    const criteria: AppraisalCriterion[] = [
      { code: 'A', text: 'Bắt buộc', required: true },
      { code: 'B', text: 'Khuyến khích', required: false },
    ];
    expect(appraise({ clipId: 'x', ticks: { A: true } }, criteria).status).toBe('passed');
    expect(appraise({ clipId: 'x', ticks: { B: true } }, criteria)).toMatchObject({ status: 'failed', reason: 'Chưa đạt tiêu chí: Bắt buộc' });
  });
  it('labels are the sheet’s words', () => {
    expect(APPRAISAL_LABELS).toEqual({ pending: 'Chờ thẩm định', passed: 'Đạt', failed: 'Không đạt' });
  });
});
