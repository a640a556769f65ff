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
    expect(out.awards.awards.map((a) => [a.prize, a.unit])).toEqual([
      ['Giải Nhất', 'Đoàn B'],
      ['Giải Nhì', 'Đoàn A'],
    ]);
    // Ba 1 + KK 3 left
    expect(out.awards.unawarded).toEqual([
      { prize: 'Giải Ba', count: 1 },
      { prize: 'Giải Khuyến khích', count: 3 },
    ]);
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
    expect(before.results.map((r) => [r.clipId, r.rank, r.unitKnown])).toEqual([
      ['HT-002', 1, false],
      ['HT-001', 2, true],
    ]);
    expect(before.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([['Giải Nhất', 'Đoàn A', 'HT-001']]);
    // Nhì, Ba and 3 KK stay open: only one eligible unit.
    expect(before.awards.unawarded).toEqual([
      { prize: 'Giải Nhì', count: 1 },
      { prize: 'Giải Ba', count: 1 },
      { prize: 'Giải Khuyến khích', count: 3 },
    ]);
    // The organizer types the alias, without diacritics or case: the clip is Đoàn B's and wins Nhất (30 > 20).
    const fixed = runContest({ ...input, submissions: [input.submissions[0], { ...input.submissions[1], unit: 'chi doan b' }] });
    expect(fixed.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([
      ['Giải Nhất', 'Đoàn B', 'HT-002'],
      ['Giải Nhì', 'Đoàn A', 'HT-001'],
    ]);
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
    expect(out.results.map((r) => [r.clipId, r.rank, r.unit, r.unitKnown])).toEqual([
      ['HT-002', 1, '', false],
      ['HT-001', 2, 'Đoàn A', true],
    ]);
    expect(out.results[0].note).toBe('Chưa ghi đơn vị – chưa xét giải; BTC điền cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại.');
    expect(out.awards.awards.map((a) => [a.prize, a.unit, a.clipId])).toEqual([['Giải Nhất', 'Đoàn A', 'HT-001']]);
  });

  it('validateRubric wants at least one criterion', () => {
    expect(validateRubric([]).map((p) => p.code)).toEqual(['rubric.none']);
  });

  describe('what the flows used to recompute (issue 8 item 7)', () => {
    const three: Juror[] = [
      { code: 'GK1', name: 'An', email: '', unit: '' },
      { code: 'GK2', name: 'Bình', email: '', unit: 'Đoàn B' },
      { code: 'GK3', name: '', email: '', unit: '' },
    ];
    const input = contest({
      units: [unit('A', 'Đoàn A'), unit('B', 'Đoàn B')],
      jurors: three,
      submissions: [submission('HT-001', 'Đoàn A'), submission('HT-002', 'Đoàn B'), submission('HT-003', 'Đoàn A')],
      appraisals: [passed('HT-001'), passed('HT-002')], // HT-003 not appraised: never sent to the jury
      juryMarks: [
        { clipId: 'HT-001', jurorCode: 'GK1', marks: [80], row: 2 },
        { clipId: 'HT-002', jurorCode: 'GK1', marks: [60], row: 3 },
        { clipId: 'HT-001', jurorCode: 'GK2', marks: [null], row: 2 },
        // GK2 is of Đoàn B: HT-002 is a conflict, never expected.
        { clipId: 'HT-001', jurorCode: 'GK3', marks: [70], row: 2 },
        { clipId: 'HT-002', jurorCode: 'GK3', marks: [null], invalid: [{ sheet: 'BGK - GK3', row: 3, column: 'Điểm' }], row: 3 },
      ],
    });
    const out = runContest(input);
    const r = (id: string) => out.results.find((x) => x.clipId === id)!;

    it('each clip carries every expected juror’s total and status', () => {
      expect(r('HT-001').jurorMarks).toEqual([
        { jurorCode: 'GK1', name: 'An', total: 80, status: 'marked' },
        { jurorCode: 'GK2', name: 'Bình', total: null, status: 'missing' },
        { jurorCode: 'GK3', name: '', total: 70, status: 'marked' },
      ]);
      expect(r('HT-002').jurorMarks).toEqual([
        { jurorCode: 'GK1', name: 'An', total: 60, status: 'marked' },
        { jurorCode: 'GK3', name: '', total: null, status: 'invalid' },
      ]);
    });

    it('per juror: missing and invalid marks over the clips sent to the jury only', () => {
      expect(out.jurorProgress.map((p) => [p.jurorCode, p.toMark, p.marked, p.missing, p.conflicts, p.invalid.map((c) => `${c.clipId}@${c.row}`)])).toEqual([
        ['GK1', 2, 2, [], 0, []],
        ['GK2', 1, 0, ['HT-001'], 1, []],
        ['GK3', 2, 1, [], 0, ['HT-002@3']],
      ]);
    });

    it('one total per mark row, with its tab row, for the "Tổng" cells', () => {
      expect(out.markTotals).toEqual([
        { clipId: 'HT-001', jurorCode: 'GK1', row: 2, total: 80, invalid: false },
        { clipId: 'HT-002', jurorCode: 'GK1', row: 3, total: 60, invalid: false },
        { clipId: 'HT-001', jurorCode: 'GK2', row: 2, total: null, invalid: false },
        { clipId: 'HT-001', jurorCode: 'GK3', row: 2, total: 70, invalid: false },
        { clipId: 'HT-002', jurorCode: 'GK3', row: 3, total: null, invalid: true },
      ]);
    });

    it('appraisal is decided once, in submission order, and participation agrees with it', () => {
      expect(out.appraisals.map((a) => [a.clipId, a.status])).toEqual([
        ['HT-001', 'passed'],
        ['HT-002', 'passed'],
        ['HT-003', 'pending'],
      ]);
      expect(out.participation.map((p) => [p.unit, p.submitted, p.passed])).toEqual([
        ['Đoàn A', 2, 1],
        ['Đoàn B', 1, 1],
      ]);
    });
  });
});
