// Tests for runContest: one call gives results, awards, participation and rule problems together.
import { runContest, validateRubric } from '../../src/domain/contest';
import type { Juror } from '../../src/domain/types';
import { contest, passed, submission, unit } from './fixtures';

const jurors: Juror[] = [{ code: 'GK1', name: 'A', email: '', unit: '' }];

describe('runContest', () => {
  const base = contest({
    units: [unit('A', 'Đoàn A'), unit('B', 'Đoàn B')],
    jurors,
    submissions: [submission('HT-001', 'Đoàn A'), submission('HT-002', 'Đoàn B')],
    appraisals: [passed('HT-001'), passed('HT-002')],
    juryMarks: [
      { clipId: 'HT-001', jurorCode: 'GK1', marks: [50] }, // 40 × 50 / 100 = 20
      { clipId: 'HT-002', jurorCode: 'GK1', marks: [75] }, // 40 × 75 / 100 = 30
    ],
  });

  it('uses the default prize tiers when none are given', () => {
    const out = runContest(base);
    expect(out.problems).toEqual([]);
    expect(out.awards.awards.map((a) => [a.prize, a.unit])).toEqual([['Giải Nhất', 'Đoàn B'], ['Giải Nhì', 'Đoàn A']]);
    // Ba 1 + KK 3 left
    expect(out.awards.unawarded).toEqual([{ prize: 'Giải Ba', count: 1 }, { prize: 'Giải Khuyến khích', count: 3 }]);
    expect(out.participation.map((p) => p.unit)).toEqual(['Đoàn A', 'Đoàn B']);
    expect(out.results.map((r) => r.clipId)).toEqual(['HT-002', 'HT-001']);
  });

  it('uses given tiers and reports problems with settings, tiers and rubric while still computing', () => {
    const out = runContest({
      ...base,
      settings: { ...base.settings, juryWeight: 50 },
      prizeTiers: [{ name: 'Giải Đặc biệt', count: 0.5, reward: '' }],
      rubric: [{ name: 'Điểm', max: 0 }],
    });
    expect(out.problems.map((p) => p.code)).toEqual(['setting.juryWeight.sum', 'prize.count', 'rubric.max']);
    expect(out.results).toHaveLength(2);
  });

  it('a clip of a unit not in the roster wins nothing until its unit is corrected to a roster name or alias', () => {
    const units = [unit('A', 'Đoàn A'), unit('B', 'Đoàn B', ['Chi đoàn B'])];
    const input = contest({
      units,
      jurors,
      submissions: [submission('HT-001', 'Đoàn A'), submission('HT-002', 'Đoàn Bê')],
      appraisals: [passed('HT-001'), passed('HT-002')],
      juryMarks: [
        { clipId: 'HT-001', jurorCode: 'GK1', marks: [50] }, // 40 × 50 / 100 = 20
        { clipId: 'HT-002', jurorCode: 'GK1', marks: [75] }, // 40 × 75 / 100 = 30
      ],
    });
    const before = runContest(input);
    // "Đoàn Bê" matches neither name nor alias: HT-002 ranks first (30 > 20) but only Đoàn A is awarded.
    expect(before.results.map((r) => [r.clipId, r.rank, r.unitKnown])).toEqual([['HT-002', 1, false], ['HT-001', 2, true]]);
    expect(before.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([['Giải Nhất', 'Đoàn A', 'HT-001']]);
    // Nhì, Ba and 3 KK stay open: only one eligible unit.
    expect(before.awards.unawarded).toEqual([
      { prize: 'Giải Nhì', count: 1 }, { prize: 'Giải Ba', count: 1 }, { prize: 'Giải Khuyến khích', count: 3 },
    ]);
    // The organizer types the alias, without diacritics or case: the clip is Đoàn B's and wins Nhất (30 > 20).
    const fixed = runContest({ ...input, submissions: [input.submissions[0], { ...input.submissions[1], unit: 'chi doan b' }] });
    expect(fixed.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([['Giải Nhất', 'Đoàn B', 'HT-002'], ['Giải Nhì', 'Đoàn A', 'HT-001']]);
    expect(fixed.results[0].note).toBe('');
  });

  it('a clip with no unit (the unit is required) is scored and ranked but wins nothing, and says what to fill in', () => {
    const input = contest({
      units: [unit('A', 'Đoàn A')],
      jurors,
      submissions: [submission('HT-001', 'Đoàn A'), submission('HT-002', '   ')],
      appraisals: [passed('HT-001'), passed('HT-002')],
      juryMarks: [
        { clipId: 'HT-001', jurorCode: 'GK1', marks: [50] }, // 40 × 50 / 100 = 20
        { clipId: 'HT-002', jurorCode: 'GK1', marks: [90] }, // 40 × 90 / 100 = 36
      ],
    });
    const out = runContest(input);
    // HT-002 (36) ranks above HT-001 (20) but has no unit: only Đoàn A is awarded.
    expect(out.results.map((r) => [r.clipId, r.rank, r.unit, r.unitKnown])).toEqual([['HT-002', 1, '', false], ['HT-001', 2, 'Đoàn A', true]]);
    expect(out.results[0].note).toBe('Chưa ghi đơn vị – chưa xét giải; BTC điền cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại.');
    expect(out.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([['Giải Nhất', 'Đoàn A', 'HT-001']]);
  });

  it('validateRubric wants at least one criterion', () => {
    expect(validateRubric([]).map((p) => p.code)).toEqual(['rubric.none']);
  });
});
