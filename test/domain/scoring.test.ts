// Tests for per-clip scoring: parts, totals, ranks, and the reasons a clip is not scored.
import { computeResults, LATE_EXCLUDED_STATUS, submissionStatus } from '../../src/domain/scoring';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ClipResult, Juror } from '../../src/domain/types';
import { contest, passed, submission, unit, vn } from './fixtures';

const units = [unit('P5', 'Đoàn Phường 5', ['P5']), unit('P6', 'Đoàn Phường 6'), unit('BV', 'Chi đoàn Bệnh viện')];
const jurors: Juror[] = [
  { code: 'GK1', name: 'Nguyễn Văn A', email: '', unit: '' },
  { code: 'GK2', name: 'Trần Thị B', email: '', unit: '' },
  { code: 'GK3', name: 'Lê Văn C', email: '', unit: 'p5' }, // alias of Đoàn Phường 5
];
const marks3 = (clipId: string, a: number | null, b: number | null, c: number | null) => [
  { clipId, jurorCode: 'GK1', marks: [a] },
  { clipId, jurorCode: 'GK2', marks: [b] },
  { clipId, jurorCode: 'GK3', marks: [c] },
];
const byId = (rs: ClipResult[], id: string) => rs.find((r) => r.clipId === id)!;

describe('computeResults', () => {
  it('jury 80, 90, 70 → mean 80 → 32.00; 41 shares + 150 reactions → 46.40; total 78.40', () => {
    const rs = computeResults(
      contest({
        units,
        jurors,
        submissions: [submission('HT-001', 'Đoàn Phường 6')],
        appraisals: [passed('HT-001')],
        juryMarks: marks3('HT-001', 80, 90, 70),
        engagement: [{ clipId: 'HT-001', reactions: 150, shares: 41 }],
      }),
    );
    const r = rs[0];
    // (80 + 90 + 70) / 3 = 80; 40 × 80 / 100 = 32
    expect(r.juryAggregate).toBe(80);
    expect(r.juryPart).toBeCloseTo(32, 10);
    // 2 × 41 + 150 = 232 points; 60 × 232 / 300 = 46.4
    expect(r.engagementPoints).toBe(232);
    expect(r.countedPoints).toBe(232);
    expect(r.engagementPart).toBeCloseTo(46.4, 10);
    // 32 + 46.4 = 78.4
    expect(r.total).toBeCloseTo(78.4, 10);
    expect(r).toMatchObject({ scored: true, rank: 1, unscoredReasons: [], unit: 'Đoàn Phường 6', countedShares: 41, sharesFromLog: false });
  });

  it('a juror of the clip’s own unit (matched through an alias) is left out of its aggregate', () => {
    const rs = computeResults(
      contest({
        units,
        jurors,
        submissions: [submission('HT-001', 'doan phuong 5')],
        appraisals: [passed('HT-001')],
        // GK3 belongs to Đoàn Phường 5: his 10 is ignored; (80 + 60) / 2 = 70 → 40 × 70 / 100 = 28
        juryMarks: marks3('HT-001', 80, 60, 10),
      }),
    );
    expect(rs[0]).toMatchObject({ scored: true, juryAggregate: 70, juryExpected: 2, juryMarkCount: 2, unit: 'Đoàn Phường 5' });
    expect(rs[0].juryPart).toBeCloseTo(28, 10);
    // no engagement row → 0 points → total = 28
    expect(rs[0].total).toBeCloseTo(28, 10);
  });

  it('uses the share log when it has entries for the clip (cap 2 per account)', () => {
    const rs = computeResults(
      contest({
        units,
        jurors,
        submissions: [submission('HT-001', 'Đoàn Phường 6')],
        appraisals: [passed('HT-001')],
        juryMarks: marks3('HT-001', 50, 50, 50),
        engagement: [{ clipId: 'HT-001', reactions: 10, shares: 1000 }],
        shareLog: [
          { clipId: 'HT-001', account: 'a', time: vn('2023-06-13T10:00:00') },
          { clipId: 'HT-001', account: 'A ', time: vn('2023-06-13T11:00:00') },
          { clipId: 'HT-001', account: 'a', time: vn('2023-06-13T12:00:00') },
          { clipId: 'HT-001', account: 'b', time: vn('2023-06-19T16:01:00') }, // after the window
        ],
      }),
    );
    // a: min(3, 2) = 2; b: outside → 0; 2 × 2 + 10 = 14 points; 60 × 14 / 300 = 2.8; jury 40 × 50 / 100 = 20
    expect(rs[0]).toMatchObject({ countedShares: 2, sharesFromLog: true, engagementPoints: 14 });
    expect(rs[0].engagementPart).toBeCloseTo(2.8, 10);
    expect(rs[0].total).toBeCloseTo(22.8, 10);
    expect(rs[0].note).toContain('Nhật ký chia sẻ');
  });

  it('every submission gets a row; unscored ones carry reasons and a Vietnamese note', () => {
    const ticksAllButTT10 = { ...passed('x').ticks, TT10: false };
    const rs = computeResults(
      contest({
        units,
        jurors,
        submissions: [
          submission('HT-001', 'Đoàn Phường 6', vn('2023-06-11T00:00:00')), // late
          submission('HT-002', 'Đoàn Phường 6'), // not appraised
          submission('HT-003', 'Đoàn Phường 6'), // failed TT10
          submission('HT-004', 'Đoàn Phường 6'), // GK2 has not marked
          submission('HT-005', 'Đoàn Phường 6'), // nobody marked
          submission('HT-006', 'Đoàn Phường 6', vn('2023-06-10T23:59:59')), // last second of the deadline minute
        ],
        appraisals: [passed('HT-001'), { clipId: 'HT-003', ticks: ticksAllButTT10 }, passed('HT-004'), passed('HT-005'), passed('HT-006')],
        juryMarks: [
          ...marks3('HT-001', 70, 70, 70),
          ...marks3('HT-002', 70, 70, 70),
          ...marks3('HT-003', 70, 70, 70),
          ...marks3('HT-004', 70, null, 70),
          ...marks3('HT-006', 70, 70, 70),
        ],
      }),
    );
    expect(rs).toHaveLength(6);
    expect(byId(rs, 'HT-001')).toMatchObject({ scored: false, total: null, rank: null, unscoredReasons: ['late'] });
    expect(byId(rs, 'HT-001').note).toContain('Nộp trễ');
    expect(byId(rs, 'HT-002')).toMatchObject({ scored: false, unscoredReasons: ['appraisalPending'] });
    expect(byId(rs, 'HT-002').note).toContain('Chưa thẩm định');
    expect(byId(rs, 'HT-003')).toMatchObject({ scored: false, unscoredReasons: ['appraisalFailed'] });
    expect(byId(rs, 'HT-003').note).toContain('Không đạt thẩm định: Đúng chủ đề phong trào "3 trách nhiệm"');
    expect(byId(rs, 'HT-004')).toMatchObject({ scored: false, unscoredReasons: ['juryIncomplete'], juryMarkCount: 2, juryExpected: 3 });
    expect(byId(rs, 'HT-004').note).toContain('Trần Thị B (GK2)');
    expect(byId(rs, 'HT-005')).toMatchObject({ scored: false, unscoredReasons: ['noJuryMarks'], juryAggregate: null, juryPart: null });
    // 23:59:59 is inside the 23:59 deadline minute → on time; 40 × 70 / 100 = 28, no engagement → total 28
    expect(byId(rs, 'HT-006')).toMatchObject({ scored: true, rank: 1, unscoredReasons: [], note: '' });
    expect(byId(rs, 'HT-006').total).toBeCloseTo(28, 10);
    // unscored clips still show their jury aggregate for the organizer
    expect(byId(rs, 'HT-004').juryAggregate).toBe(70);
    // scored first, then unscored by ID
    expect(rs.map((r) => r.clipId)).toEqual(['HT-006', 'HT-001', 'HT-002', 'HT-003', 'HT-004', 'HT-005']);
  });

  it('late entries are scored when allowed, with a note', () => {
    const rs = computeResults(
      contest({
        settingsPatch: { acceptLateEntries: true },
        jurors: jurors.slice(0, 1),
        submissions: [submission('HT-001', 'X', vn('2023-06-11T08:00:00'))],
        appraisals: [passed('HT-001')],
        juryMarks: [{ clipId: 'HT-001', jurorCode: 'GK1', marks: [60] }],
      }),
    );
    // 11/06 08:00 is after the 10/06 23:59 deadline, but late entries are accepted:
    // one juror's 60 → 40 × 60 / 100 = 24; no engagement row → 0; total 24, rank 1.
    expect(rs[0]).toMatchObject({ scored: true, rank: 1, unscoredReasons: [], juryAggregate: 60 });
    expect(rs[0].total).toBeCloseTo(24, 10);
    // The unit "X" is not in the (empty) roster, so its note follows the late-entry remark.
    expect(rs[0].note).toMatch(/^Nộp trễ \(BTC cho phép nhận bài trễ\)\. Đơn vị "X" không có trong danh sách/);
  });

  it('partial jury marks allowed: scored on the jurors who marked (needs at least one)', () => {
    const input = contest({
      settingsPatch: { allowPartialJuryMarks: true },
      units,
      jurors,
      submissions: [submission('HT-001', 'Đoàn Phường 6'), submission('HT-002', 'Đoàn Phường 6')],
      appraisals: [passed('HT-001'), passed('HT-002')],
      juryMarks: marks3('HT-001', 90, null, 60),
    });
    const rs = computeResults(input);
    // (90 + 60) / 2 = 75 → 40 × 75 / 100 = 30
    expect(byId(rs, 'HT-001')).toMatchObject({ scored: true, juryAggregate: 75 });
    expect(byId(rs, 'HT-001').total).toBeCloseTo(30, 10);
    expect(byId(rs, 'HT-001').note).toContain('2/3');
    expect(byId(rs, 'HT-002')).toMatchObject({ scored: false, unscoredReasons: ['noJuryMarks'] });
  });

  it('multi-criterion rubric: jury part = weight × aggregate / rubric max; a short row is not fully marked', () => {
    const rs = computeResults(
      contest({
        rubric: [
          { name: 'Nội dung', max: 6 },
          { name: 'Hình ảnh', max: 4 },
        ],
        jurors: jurors.slice(0, 2),
        submissions: [submission('HT-001', 'X'), submission('HT-002', 'X')],
        appraisals: [passed('HT-001'), passed('HT-002')],
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [5, 3.5] }, // 8.5
          { clipId: 'HT-001', jurorCode: 'GK2', marks: [4.5, 2] }, // 6.5
          { clipId: 'HT-002', jurorCode: 'GK1', marks: [5, 3] },
          { clipId: 'HT-002', jurorCode: 'GK2', marks: [5] }, // second criterion missing
        ],
      }),
    );
    // mean (8.5 + 6.5) / 2 = 7.5 of 10 → 40 × 7.5 / 10 = 30
    expect(byId(rs, 'HT-001').juryAggregate).toBe(7.5);
    expect(byId(rs, 'HT-001').juryPart).toBeCloseTo(30, 10);
    expect(byId(rs, 'HT-002').unscoredReasons).toEqual(['juryIncomplete']);
  });

  it('equal totals share a rank; ranks skip after a tie', () => {
    const rs = computeResults(
      contest({
        jurors: jurors.slice(0, 1),
        submissions: ['HT-001', 'HT-002', 'HT-003'].map((id) => submission(id, 'X')),
        appraisals: ['HT-001', 'HT-002', 'HT-003'].map(passed),
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [70] }, // 28
          { clipId: 'HT-002', jurorCode: 'GK1', marks: [90] }, // 36
          { clipId: 'HT-003', jurorCode: 'GK1', marks: [70] }, // 28
        ],
      }),
    );
    expect(rs.map((r) => [r.clipId, r.rank])).toEqual([
      ['HT-002', 1],
      ['HT-001', 2],
      ['HT-003', 2],
    ]);
  });

  it('ranks follow the whole tie-break chain: 92.00 (jury 36), 92.00 (jury 34), 90.00 → 1, 2, 3 (issue 13)', () => {
    const one = [jurors[0]];
    const rs = computeResults(
      contest({
        jurors: one,
        submissions: ['HT-001', 'HT-002', 'HT-003'].map((id) => submission(id, 'X')),
        appraisals: ['HT-001', 'HT-002', 'HT-003'].map(passed),
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [85] }, // 40 × 85 / 100 = 34
          { clipId: 'HT-002', jurorCode: 'GK1', marks: [90] }, // 36
          { clipId: 'HT-003', jurorCode: 'GK1', marks: [60] }, // 24
        ],
        engagement: [
          { clipId: 'HT-001', reactions: 290, shares: 0 }, // 60 × 290 / 300 = 58 → 34 + 58 = 92
          { clipId: 'HT-002', reactions: 280, shares: 0 }, // 60 × 280 / 300 = 56 → 36 + 56 = 92
          { clipId: 'HT-003', reactions: 165, shares: 0 }, // 60 × 165 / 300 = 33 → 24 + 33 = 57
        ],
      }),
    );
    expect(rs.map((r) => [r.clipId, r.total, r.juryPart, r.rank])).toEqual([
      ['HT-002', 92, 36, 1],
      ['HT-001', 92, 34, 2],
      ['HT-003', 57, 24, 3],
    ]);
  });

  it('the earlier submission breaks an equal total and jury part: ranks 1, 2; a full tie shares a rank: 1, 1, 3', () => {
    const one = [jurors[0]];
    const base = {
      jurors: one,
      appraisals: ['HT-001', 'HT-002', 'HT-003'].map(passed),
      juryMarks: [
        { clipId: 'HT-001', jurorCode: 'GK1', marks: [80] }, // 32
        { clipId: 'HT-002', jurorCode: 'GK1', marks: [80] }, // 32
        { clipId: 'HT-003', jurorCode: 'GK1', marks: [50] }, // 20
      ],
    };
    const byTime = computeResults(
      contest({
        ...base,
        submissions: [
          submission('HT-001', 'X', vn('2023-06-05T10:00:00')),
          submission('HT-002', 'X', vn('2023-06-04T10:00:00')), // a day earlier → above HT-001
          submission('HT-003', 'X'),
        ],
      }),
    );
    expect(byTime.map((r) => [r.clipId, r.rank])).toEqual([
      ['HT-002', 1],
      ['HT-001', 2],
      ['HT-003', 3],
    ]);
    // Same total, same jury part, same minute: no rule decides, both are 1st and the next is 3rd.
    const tied = computeResults(contest({ ...base, submissions: ['HT-001', 'HT-002', 'HT-003'].map((id) => submission(id, 'X')) }));
    expect(tied.map((r) => [r.clipId, r.rank])).toEqual([
      ['HT-001', 1],
      ['HT-002', 1],
      ['HT-003', 3],
    ]);
  });

  it('trimmed mean fallback note reaches the result', () => {
    const rs = computeResults(
      contest({
        settingsPatch: { juryAggregation: 'trimmedMean' },
        jurors: jurors.slice(0, 2),
        submissions: [submission('HT-001', 'X')],
        appraisals: [passed('HT-001')],
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [60] },
          { clipId: 'HT-001', jurorCode: 'GK2', marks: [90] },
        ],
      }),
    );
    // Only 2 marks: trimming would leave nothing, so (60 + 90) / 2 = 75 → 40 × 75 / 100 = 30.
    expect(rs[0].juryAggregate).toBe(75);
    expect(rs[0].juryPart).toBeCloseTo(30, 10);
    expect(rs[0].note).toContain('Chỉ có 2 điểm BGK (cần ít nhất 3 để bỏ điểm cao nhất và thấp nhất) nên tính trung bình');
    expect(rs[0].note).toContain('không có trong danh sách');
  });

  it('a clip of a unit not in the roster is still scored and ranked, flagged unitKnown=false with a note for the organizer', () => {
    const rs = computeResults(
      contest({
        units,
        jurors: jurors.slice(0, 1),
        submissions: [submission('HT-001', 'Đoàn Phường 6'), submission('HT-002', 'Đoàn Phường 99')],
        appraisals: [passed('HT-001'), passed('HT-002')],
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [70] }, // 40 × 70 / 100 = 28
          { clipId: 'HT-002', jurorCode: 'GK1', marks: [90] }, // 40 × 90 / 100 = 36
        ],
      }),
    );
    // No engagement: totals are the jury parts, 36 (HT-002) ranks 1 and 28 (HT-001) ranks 2.
    expect(rs.map((r) => [r.clipId, r.rank, r.scored, r.unitKnown, r.unit])).toEqual([
      ['HT-002', 1, true, false, 'Đoàn Phường 99'],
      ['HT-001', 2, true, true, 'Đoàn Phường 6'],
    ]);
    expect(rs[0].total).toBeCloseTo(36, 10);
    expect(rs[0].note).toBe('Đơn vị "Đoàn Phường 99" không có trong danh sách đơn vị – chưa xét giải; BTC sửa cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại.');
    expect(rs[1].note).toBe('');
  });

  it('parts and totals carry no floating-point noise: 36.2 + 56.6 is exactly 92.8', () => {
    const rs = computeResults(
      contest({
        jurors: jurors.slice(0, 2),
        submissions: [submission('HT-001', 'X')],
        appraisals: [passed('HT-001')],
        juryMarks: [
          { clipId: 'HT-001', jurorCode: 'GK1', marks: [90] },
          { clipId: 'HT-001', jurorCode: 'GK2', marks: [91] },
        ],
        engagement: [{ clipId: 'HT-001', reactions: 283, shares: 0 }],
      }),
    );
    // mean (90 + 91) / 2 = 90.5 → 40 × 90.5 / 100 = 36.2; 283 reactions → 60 × 283 / 300 = 56.6;
    // in doubles 36.2 + 56.6 = 92.80000000000001, rounded to millionths it is 92.8.
    expect(rs[0].juryAggregate).toBe(90.5);
    expect(rs[0].juryPart).toBe(36.2);
    expect(rs[0].engagementPart).toBe(56.6);
    expect(rs[0].total).toBe(92.8);
    expect(JSON.stringify(rs[0])).toContain('"total":92.8,');
  });

  it('fractional point values: 3 reactions × 0,1 is 0.3 points, not 0.30000000000000004', () => {
    const rs = computeResults(
      contest({
        settingsPatch: { pointsPerReaction: 0.1 },
        jurors: jurors.slice(0, 1),
        submissions: [submission('HT-001', 'X')],
        appraisals: [passed('HT-001')],
        juryMarks: [{ clipId: 'HT-001', jurorCode: 'GK1', marks: [50] }],
        engagement: [{ clipId: 'HT-001', reactions: 3, shares: 0 }],
      }),
    );
    // 0.1 × 3 = 0.3 points; 60 × 0.3 / 300 = 0.06; jury 40 × 50 / 100 = 20; total 20.06
    expect(rs[0].engagementPoints).toBe(0.3);
    expect(rs[0].engagementPart).toBe(0.06);
    expect(rs[0].total).toBe(20.06);
  });

  it('a clip never sent to the jury (late, failed, pending) gets only its own reason, not "Chưa có điểm BGK"', () => {
    const rs = computeResults(
      contest({
        units,
        jurors,
        submissions: [
          submission('HT-001', 'Đoàn Phường 6', vn('2023-06-11T00:05:00')), // late, passed, nobody marked it
          submission('HT-002', 'Đoàn Phường 6'), // failed TT10
          submission('HT-003', 'Đoàn Phường 6'), // nothing ticked yet
          submission('HT-004', 'Đoàn Phường 6', vn('2023-06-11T00:05:00')), // late and failed
        ],
        appraisals: [
          passed('HT-001'),
          { clipId: 'HT-002', ticks: { ...passed('x').ticks, TT10: false } },
          { clipId: 'HT-004', ticks: { ...passed('x').ticks, TT10: false } },
        ],
      }),
    );
    expect(byId(rs, 'HT-001')).toMatchObject({ unscoredReasons: ['late'], note: 'Nộp trễ.' });
    expect(byId(rs, 'HT-002')).toMatchObject({ unscoredReasons: ['appraisalFailed'], note: 'Không đạt thẩm định: Đúng chủ đề phong trào "3 trách nhiệm".' });
    expect(byId(rs, 'HT-003')).toMatchObject({ unscoredReasons: ['appraisalPending'], note: 'Chưa thẩm định.' });
    expect(byId(rs, 'HT-004')).toMatchObject({
      unscoredReasons: ['late', 'appraisalFailed'],
      note: 'Nộp trễ. Không đạt thẩm định: Đúng chủ đề phong trào "3 trách nhiệm".',
    });
  });

  it('reachedEngagement: only clips that passed appraisal and were accepted reached the engagement stage', () => {
    const rs = computeResults(
      contest({
        units,
        jurors,
        engagement: ['HT-001', 'HT-002', 'HT-003', 'HT-005'].map((clipId) => ({ clipId, reactions: 30, shares: 0 })),
        submissions: [
          submission('HT-001', 'Đoàn Phường 6', vn('2023-06-11T00:05:00')), // late, passed
          submission('HT-002', 'Đoàn Phường 6'), // failed TT10
          submission('HT-003', 'Đoàn Phường 6'), // nothing ticked yet
          submission('HT-005', 'Đoàn Phường 6'), // passed, on time, not marked yet
        ],
        appraisals: [passed('HT-001'), { clipId: 'HT-002', ticks: { ...passed('x').ticks, TT10: false } }, passed('HT-005')],
      }),
    );
    expect(['HT-001', 'HT-002', 'HT-003', 'HT-005'].map((id) => byId(rs, id).reachedEngagement)).toEqual([false, false, false, true]);
    // Engagement is still computed for every clip (JSON consumers read numbers): 30 reactions → 30 points → 60 × 30/300 = 6.
    expect(byId(rs, 'HT-002')).toMatchObject({ engagementPoints: 30, engagementPart: 6 });
  });

  it('a late clip accepted by the organizer is sent to the jury, so a missing mark is named again', () => {
    const rs = computeResults(
      contest({
        settingsPatch: { acceptLateEntries: true },
        units,
        jurors: jurors.slice(0, 1),
        submissions: [submission('HT-001', 'Đoàn Phường 6', vn('2023-06-11T00:05:00'))],
        appraisals: [passed('HT-001')],
      }),
    );
    expect(rs[0]).toMatchObject({ unscoredReasons: ['noJuryMarks'], note: 'Chưa có điểm BGK. Nộp trễ (BTC cho phép nhận bài trễ).' });
  });
});

describe('computeResults: the jury aggregation setting', () => {
  // Five jurors, none in conflict. HT-001 gets 40, 60, 70, 90, 100; HT-002 gets 71 from everyone.
  // Both have 150 reactions → 150 points → 60 × 150 / 300 = 30 engagement.
  const five: Juror[] = ['GK1', 'GK2', 'GK3', 'GK4', 'GK5'].map((code) => ({ code, name: '', email: '', unit: '' }));
  const marksOf = (clipId: string, ms: number[]) => ms.map((m, k) => ({ clipId, jurorCode: five[k].code, marks: [m] }));
  const run = (juryAggregation: 'mean' | 'trimmedMean' | 'median') =>
    computeResults(
      contest({
        settingsPatch: { juryAggregation },
        jurors: five,
        units: [unit('A', 'Đoàn A'), unit('B', 'Đoàn B')],
        submissions: [submission('HT-001', 'Đoàn A'), submission('HT-002', 'Đoàn B')],
        appraisals: [passed('HT-001'), passed('HT-002')],
        juryMarks: [...marksOf('HT-001', [40, 60, 70, 90, 100]), ...marksOf('HT-002', [71, 71, 71, 71, 71])],
        engagement: [
          { clipId: 'HT-001', reactions: 150, shares: 0 },
          { clipId: 'HT-002', reactions: 150, shares: 0 },
        ],
      }),
    );

  it('mean (default): 360 / 5 = 72 → 28.80, total 58.80, above the steady 71 (28.40 + 30 = 58.40)', () => {
    const rs = run('mean');
    expect(byId(rs, 'HT-001').juryAggregate).toBe(72);
    expect(byId(rs, 'HT-001').juryPart).toBeCloseTo(28.8, 10);
    expect(byId(rs, 'HT-001').total).toBeCloseTo(58.8, 10);
    expect(byId(rs, 'HT-002').total).toBeCloseTo(58.4, 10);
    expect(rs.map((r) => [r.clipId, r.rank])).toEqual([
      ['HT-001', 1],
      ['HT-002', 2],
    ]);
  });

  it('trimmed mean drops 40 and 100: (60 + 70 + 90) / 3 = 73.33… → 29.33, total 59.33', () => {
    const rs = run('trimmedMean');
    expect(byId(rs, 'HT-001').juryAggregate).toBeCloseTo(220 / 3, 5);
    expect(byId(rs, 'HT-001').juryPart).toBeCloseTo(29.3333, 4);
    expect(byId(rs, 'HT-001').total).toBeCloseTo(59.3333, 4);
    // 71 everywhere: trimming changes nothing → 28.4 + 30 = 58.4; no fallback note with 5 marks.
    expect(byId(rs, 'HT-002').total).toBeCloseTo(58.4, 10);
    expect(byId(rs, 'HT-001').note).toBe('');
    expect(rs.map((r) => r.clipId)).toEqual(['HT-001', 'HT-002']);
  });

  it('median takes the middle mark 70 → 28.00, total 58.00: the steady 71 (58.40) now ranks first', () => {
    const rs = run('median');
    expect(byId(rs, 'HT-001').juryAggregate).toBe(70);
    expect(byId(rs, 'HT-001').juryPart).toBeCloseTo(28, 10);
    expect(byId(rs, 'HT-001').total).toBeCloseTo(58, 10);
    expect(rs.map((r) => [r.clipId, r.rank])).toEqual([
      ['HT-002', 1],
      ['HT-001', 2],
    ]);
  });
});

describe('computeResults: weights, point values and caps are settings', () => {
  // Jury 30 %, engagement 70 %, 3 points per share, 0,5 per reaction, 1 share per account, cap 100 points.
  const rs = computeResults(
    contest({
      settingsPatch: { juryWeight: 30, engagementWeight: 70, pointsPerShare: 3, pointsPerReaction: 0.5, sharesCapPerAccount: 1, pointsCap: 100 },
      jurors: jurors.slice(0, 1),
      units,
      submissions: [submission('HT-001', 'Đoàn Phường 6'), submission('HT-002', 'Chi đoàn Bệnh viện')],
      appraisals: [passed('HT-001'), passed('HT-002')],
      juryMarks: [
        { clipId: 'HT-001', jurorCode: 'GK1', marks: [80] },
        { clipId: 'HT-002', jurorCode: 'GK1', marks: [50] },
      ],
      engagement: [
        { clipId: 'HT-001', reactions: 40, shares: 99 }, // 99 ignored: the log has entries for HT-001
        { clipId: 'HT-002', reactions: 30, shares: 30 },
      ],
      shareLog: [
        { clipId: 'HT-001', account: 'a', time: vn('2023-06-13T08:00:00') },
        { clipId: 'HT-001', account: 'a', time: vn('2023-06-14T08:00:00') },
        { clipId: 'HT-001', account: 'a', time: vn('2023-06-15T08:00:00') },
        { clipId: 'HT-001', account: 'b', time: vn('2023-06-16T08:00:00') },
      ],
    }),
  );

  it('HT-001: a min(3, 1) + b min(1, 1) = 2 shares; 3 × 2 + 0,5 × 40 = 26 points → 70 × 26 / 100 = 18.20; jury 30 × 80 / 100 = 24; total 42.20', () => {
    const r = byId(rs, 'HT-001');
    expect(r).toMatchObject({ countedShares: 2, sharesFromLog: true, engagementPoints: 26, countedPoints: 26 });
    expect(r.engagementPart).toBeCloseTo(18.2, 10);
    expect(r.juryPart).toBeCloseTo(24, 10);
    expect(r.total).toBeCloseTo(42.2, 10);
  });

  it('HT-002: 3 × 30 + 0,5 × 30 = 105 points, capped at 100 → 70; jury 30 × 50 / 100 = 15; total 85', () => {
    const r = byId(rs, 'HT-002');
    expect(r).toMatchObject({ countedShares: 30, sharesFromLog: false, engagementPoints: 105, countedPoints: 100 });
    expect(r.engagementPart).toBeCloseTo(70, 10);
    expect(r.juryPart).toBeCloseTo(15, 10);
    expect(r.total).toBeCloseTo(85, 10);
    expect(rs.map((x) => [x.clipId, x.rank])).toEqual([
      ['HT-002', 1],
      ['HT-001', 2],
    ]);
  });
});

describe('submissionStatus ("Trạng thái" of "Bài dự thi")', () => {
  const late = { submittedAt: vn('2023-06-11T00:00:00') }; // the minute after the 10/06/2023 23:59 deadline
  const onTime = { submittedAt: vn('2023-06-10T23:59:59') };
  it('a late clip is "Nộp trễ – không tính" while late entries are not accepted, whatever its appraisal', () => {
    expect(LATE_EXCLUDED_STATUS).toBe('Nộp trễ – không tính');
    for (const st of ['passed', 'failed', 'pending'] as const) expect(submissionStatus(late, st, DEFAULT_SETTINGS)).toBe('Nộp trễ – không tính');
    expect(submissionStatus(onTime, 'passed', DEFAULT_SETTINGS)).toBe('Đạt');
  });
  it('shows the appraisal result again once "Nhận bài nộp trễ" is Có, or when settings are unreadable', () => {
    const accept = { ...DEFAULT_SETTINGS, acceptLateEntries: true };
    expect(submissionStatus(late, 'passed', accept)).toBe('Đạt');
    expect(submissionStatus(late, 'failed', accept)).toBe('Không đạt');
    expect(submissionStatus(late, 'passed', null)).toBe('Đạt');
  });
});
