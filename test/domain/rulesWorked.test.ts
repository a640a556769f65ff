// Rules of SPEC.md and issue 14 that had no test worked by hand: the points cap at and around 300, the per-account
// share cap with one account typed in two Unicode spellings, and normalisation with a juror left raw.
import { markKey } from '../../src/domain/jury';
import { normaliseJurorTotals, type JurorClipTotal } from '../../src/domain/normalise';
import { runContest } from '../../src/domain/contest';
import { computeResults } from '../../src/domain/scoring';
import type { Juror } from '../../src/domain/types';
import { contest, passed, submission, unit, vn } from './fixtures';

const oneJuror: Juror[] = [{ code: 'GK1', name: 'Nguyễn Văn A', email: '', unit: '' }];

describe('the engagement points cap (Điểm tương tác tối đa 300) at its boundary', () => {
  // Every clip: one juror's 50 → 40 × 50 / 100 = 20.00; 75 shares → 2 × 75 = 150 points, plus reactions.
  //   HT-299: 150 + 149 = 299 → under the cap → 60 × 299 / 300 = 59.80 → total 79.80
  //   HT-300: 150 + 150 = 300 → exactly the cap → 60 × 300 / 300 = 60.00 → total 80.00
  //   HT-301: 150 + 151 = 301 → counted as 300 → 60.00 → total 80.00 (ties HT-300: one point above the cap buys nothing)
  const ids: [string, number][] = [
    ['HT-299', 149],
    ['HT-300', 150],
    ['HT-301', 151],
  ];
  const rs = computeResults(
    contest({
      units: [unit('X', 'Đoàn X')],
      jurors: oneJuror,
      submissions: ids.map(([id]) => submission(id, 'Đoàn X')),
      appraisals: ids.map(([id]) => passed(id)),
      juryMarks: ids.map(([id]) => ({ clipId: id, jurorCode: 'GK1', marks: [50] })),
      engagement: ids.map(([id, reactions]) => ({ clipId: id, reactions, shares: 75 })),
    }),
  );
  const r = (id: string) => rs.find((x) => x.clipId === id)!;

  it('299 points: not capped, 59.80; total 79.80', () => {
    expect(r('HT-299')).toMatchObject({ engagementPoints: 299, countedPoints: 299 });
    expect(r('HT-299').engagementPart).toBeCloseTo(59.8, 10);
    expect(r('HT-299').total).toBeCloseTo(79.8, 10);
  });
  it('exactly 300 points: the whole 60.00; total 80.00', () => {
    expect(r('HT-300')).toMatchObject({ engagementPoints: 300, countedPoints: 300, engagementPart: 60 });
    expect(r('HT-300').total).toBeCloseTo(80, 10);
  });
  it('301 points: shown raw as 301, counted as 300 → 60.00; total 80.00, same as the 300-point clip', () => {
    expect(r('HT-301')).toMatchObject({ engagementPoints: 301, countedPoints: 300, engagementPart: 60 });
    expect(r('HT-301').total).toBe(r('HT-300').total);
  });
});

describe('the per-account share cap with one account typed in two spellings', () => {
  // "Nguyễn.An" typed once precomposed (NFC) and twice decomposed (NFD, as some copies give it) is one account:
  //   nguyễn.an: 3 shares → min(3, 2) = 2; trần.bình: 1 share → 1; counted shares 2 + 1 = 3 (the entered 40 is ignored)
  //   points 2 × 3 + 10 reactions = 16 → 60 × 16 / 300 = 3.20; jury 40 × 50 / 100 = 20.00; total 23.20
  // Counted as two accounts it would be 2 + 1 + 1 = 4 shares → 18 points → 3.60.
  const nfc = 'Nguyễn.An'.normalize('NFC');
  const nfd = 'Nguyễn.An'.normalize('NFD');
  const log = [nfc, nfd, ` ${nfd.toUpperCase()} `, 'Trần.Bình'].map((account, i) => ({
    clipId: 'HT-001',
    account,
    time: vn(`2023-06-13T1${i}:00:00`),
  }));

  it('counts 3 shares, 16 points, 3.20, total 23.20', () => {
    expect(nfc).not.toBe(nfd);
    const [r] = computeResults(
      contest({
        units: [unit('X', 'Đoàn X')],
        jurors: oneJuror,
        submissions: [submission('HT-001', 'Đoàn X')],
        appraisals: [passed('HT-001')],
        juryMarks: [{ clipId: 'HT-001', jurorCode: 'GK1', marks: [50] }],
        engagement: [{ clipId: 'HT-001', reactions: 10, shares: 40 }],
        shareLog: log,
      }),
    );
    expect(r).toMatchObject({ countedShares: 3, sharesFromLog: true, engagementPoints: 16 });
    expect(r.engagementPart).toBeCloseTo(3.2, 10);
    expect(r.total).toBeCloseTo(23.2, 10);
  });
});

describe('normalisation with a third juror who has only 2 marks (left raw, but in the pooled scale)', () => {
  // A marks P, Q, R 60, 70, 80; B 80, 90, 100; C marks only P 50 and Q 95 (fewer than 3 → left as marked).
  //   pooled over all 8 totals: 60 + 70 + 80 + 80 + 90 + 100 + 50 + 95 = 625 → mean 625 / 8 = 78.125
  //   deviations −18.125, −8.125, 1.875, 1.875, 11.875, 21.875, −28.125, 16.875
  //   squares sum 2096.875 → variance 2096.875 / 8 = 262.109375 → sd ≈ 16.1898
  //   A and B: z = −√1.5, 0, +√1.5 (as in the A/B case); z × sd = √(1.5 × 262.109375) = √393.1640625 ≈ 19.8284
  //   → P 78.125 − 19.8284 ≈ 58.2966, Q 78.125, R 78.125 + 19.8284 ≈ 97.9534 for both A and B; C keeps 50 and 95.
  //   Clip means (partial marks allowed, C did not mark R):
  //     P (58.2966 + 58.2966 + 50) / 3 ≈ 55.5311 → 40 × 55.5311 / 100 ≈ 22.21
  //     Q (78.125 + 78.125 + 95) / 3 = 251.25 / 3 = 83.75 → 33.50
  //     R (97.9534 + 97.9534) / 2 ≈ 97.9534 → 39.18
  const t = (clipId: string, jurorCode: string, total: number): JurorClipTotal => ({ clipId, jurorCode, total });
  const totals = [t('P', 'A', 60), t('Q', 'A', 70), t('R', 'A', 80), t('P', 'B', 80), t('Q', 'B', 90), t('R', 'B', 100), t('P', 'C', 50), t('Q', 'C', 95)];
  const zsd = Math.sqrt(1.5 * 262.109375);

  it('pooled mean 78.125 and sd √262.109375; A and B normalised, C raw', () => {
    const out = normaliseJurorTotals(totals, 100);
    expect(out.pooledMean).toBe(78.125);
    expect(out.pooledSd).toBeCloseTo(Math.sqrt(262.109375), 12);
    expect(out.jurors.map((j) => [j.jurorCode, j.normalised, j.skipped])).toEqual([
      ['A', true, undefined],
      ['B', true, undefined],
      ['C', false, 'fewMarks'],
    ]);
    for (const j of ['A', 'B']) {
      expect(out.totals.get(markKey('P', j))).toBeCloseTo(78.125 - zsd, 10);
      expect(out.totals.get(markKey('Q', j))).toBeCloseTo(78.125, 10);
      expect(out.totals.get(markKey('R', j))).toBeCloseTo(78.125 + zsd, 10);
    }
    expect(out.totals.get(markKey('P', 'C'))).toBe(50);
    expect(out.totals.get(markKey('Q', 'C'))).toBe(95);
  });

  it('"Kết quả": P 22.21, Q 33.50, R 39.18; raw aggregates 63.33 / 85 / 90 kept', () => {
    const jurors: Juror[] = ['A', 'B', 'C'].map((code) => ({ code, name: code, email: '', unit: '' }));
    const clipIds = ['P', 'Q', 'R'];
    const out = runContest(
      contest({
        settingsPatch: { juryNormalisation: 'perJuror', allowPartialJuryMarks: true },
        units: [unit('X', 'Đoàn X')],
        jurors,
        submissions: clipIds.map((id) => submission(id, 'Đoàn X')),
        appraisals: clipIds.map((id) => passed(id)),
        juryMarks: totals.map((x) => ({ clipId: x.clipId, jurorCode: x.jurorCode, marks: [x.total] })),
      }),
    );
    const r = (id: string) => out.results.find((x) => x.clipId === id)!;
    // Aggregates are kept to 6 decimals, so compare to 5.
    // raw: P (60 + 80 + 50) / 3 = 63.33…, Q (70 + 90 + 95) / 3 = 85, R (80 + 100) / 2 = 90
    expect(r('P').juryAggregate).toBeCloseTo(190 / 3, 5);
    expect(r('Q').juryAggregate).toBeCloseTo(85, 5);
    expect(r('R').juryAggregate).toBeCloseTo(90, 5);
    expect(r('P').juryAggregateNormalised).toBeCloseTo((2 * (78.125 - zsd) + 50) / 3, 5);
    expect(r('Q').juryAggregateNormalised).toBeCloseTo(83.75, 5);
    expect(r('R').juryAggregateNormalised).toBeCloseTo(78.125 + zsd, 5);
    expect(r('P').juryPart).toBeCloseTo(22.21, 2);
    expect(r('Q').juryPart).toBeCloseTo(33.5, 5);
    expect(r('R').juryPart).toBeCloseTo(39.18, 2);
    expect(out.problems.map((p) => p.code)).toEqual(['jury.normalise_skipped']);
  });
});
