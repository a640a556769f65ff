// "Chuẩn hoá điểm BGK" worked by hand: per-juror z-scores mapped back by the pooled mean and sd, the guards, and scoring with it.
import fc from 'fast-check';
import { markKey } from '../../src/domain/jury';
import { normaliseJurorTotals, type JurorClipTotal } from '../../src/domain/normalise';
import { runContest } from '../../src/domain/contest';
import { parseSettings, SETTING_DEFINITIONS } from '../../src/domain/settings';
import type { Juror } from '../../src/domain/types';
import { contest, passed, submission, unit } from './fixtures';

const t = (clipId: string, jurorCode: string, total: number): JurorClipTotal => ({ clipId, jurorCode, total });

describe('normaliseJurorTotals', () => {
  // A marks P, Q, R 60, 70, 80; B (more lenient) marks them 80, 90, 100.
  //   mean_A = 70, mean_B = 90; deviations −10, 0, +10 for both → sd_A = sd_B = √((100 + 0 + 100) / 3) = √(200/3) ≈ 8.165
  //   z = −10 / √(200/3) = −√1.5 ≈ −1.2247, 0, +√1.5 for both jurors.
  //   pooled: 60, 70, 80, 80, 90, 100 → mean 80; deviations −20, −10, 0, 0, 10, 20 → variance 1000 / 6 → sd √(500/3) ≈ 12.910
  //   x' = 80 + z × √(500/3): z × sd = √(1.5 × 500/3) = √250 ≈ 15.811 → 64.189, 80, 95.811 for both jurors.
  const out = normaliseJurorTotals([t('P', 'A', 60), t('Q', 'A', 70), t('R', 'A', 80), t('P', 'B', 80), t('Q', 'B', 90), t('R', 'B', 100)], 100);
  const x = (clip: string, juror: string) => out.totals.get(markKey(clip, juror))!;

  it('pooled mean 80 and pooled sd √(500/3)', () => {
    expect(out.pooledMean).toBe(80);
    expect(out.pooledSd).toBeCloseTo(Math.sqrt(500 / 3), 12);
  });

  it('both jurors: mean 70 / 90, sd √(200/3), normalised', () => {
    expect(out.jurors.map((j) => [j.jurorCode, j.count, j.mean, j.normalised])).toEqual([
      ['A', 3, 70, true],
      ['B', 3, 90, true],
    ]);
    for (const j of out.jurors) expect(j.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
  });

  it("A's 60 and B's 80 (each juror's lowest) both become 80 − √250 ≈ 64.19; middles 80; highs 80 + √250 ≈ 95.81", () => {
    for (const j of ['A', 'B']) {
      expect(x('P', j)).toBeCloseTo(80 - Math.sqrt(250), 10);
      expect(x('Q', j)).toBeCloseTo(80, 10);
      expect(x('R', j)).toBeCloseTo(80 + Math.sqrt(250), 10);
    }
    expect(out.problems).toEqual([]);
  });

  it('leaves a juror with fewer than 3 marks, or all marks the same, as marked, and says so', () => {
    // A: 60, 70, 80 (normalised); C: only 2 marks; D: 70, 70, 70 (sd 0).
    const r = normaliseJurorTotals(
      [t('P', 'A', 60), t('Q', 'A', 70), t('R', 'A', 80), t('P', 'C', 50), t('Q', 'C', 95), t('P', 'D', 70), t('Q', 'D', 70), t('R', 'D', 70)],
      100,
      (code) => `Giám khảo ${code} (${code})`,
    );
    expect(r.jurors.map((j) => [j.jurorCode, j.normalised, j.skipped])).toEqual([
      ['A', true, undefined],
      ['C', false, 'fewMarks'],
      ['D', false, 'noSpread'],
    ]);
    expect(r.totals.get(markKey('P', 'C'))).toBe(50);
    expect(r.totals.get(markKey('Q', 'C'))).toBe(95);
    expect(r.totals.get(markKey('R', 'D'))).toBe(70);
    expect(r.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'jury.normalise_skipped',
        'info',
        'Chuẩn hoá điểm BGK (trang "Cấu hình"): giám khảo Giám khảo C (C) mới chấm 2 bài (cần ít nhất 3 bài) nên điểm của giám khảo này được giữ nguyên, không chuẩn hoá.',
      ],
      [
        'jury.normalise_skipped',
        'info',
        'Chuẩn hoá điểm BGK (trang "Cấu hình"): giám khảo Giám khảo D (D) cho mọi bài cùng một điểm (70) nên điểm của giám khảo này được giữ nguyên, không chuẩn hoá.',
      ],
    ]);
  });

  it('clamps to the rubric scale: an outlier high mark never goes above rubricMax', () => {
    // E: 10, 10, 10, 90 → mean 30, sd √((3 × 400 + 3600) / 4) = √1200 ≈ 34.64, z(90) = 60 / 34.64 ≈ 1.732.
    // F: 90, 100, 95 → pooled of all seven: mean (120 + 285) / 7 ≈ 57.86, sd √(12093 / 7) ≈ 41.56; 57.86 + 1.732 × 41.56 ≈ 129.9 → 100.
    const r = normaliseJurorTotals(
      [t('P', 'E', 10), t('Q', 'E', 10), t('R', 'E', 10), t('S', 'E', 90), t('P', 'F', 90), t('Q', 'F', 100), t('R', 'F', 95)],
      100,
    );
    expect(r.totals.get(markKey('S', 'E'))).toBe(100);
  });

  const totalsArb = fc
    .array(
      fc.record({
        clip: fc.integer({ min: 1, max: 12 }),
        juror: fc.constantFrom('GK1', 'GK2', 'GK3', 'GK4'),
        total: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      }),
      { maxLength: 40 },
    )
    // One total per clip and juror, as scoring gives it.
    .map((rows) => [...new Map(rows.map((r) => [`${r.clip}/${r.juror}`, t(`HT-${r.clip}`, r.juror, r.total)])).values()]);

  it('never changes the order of one juror’s own marks (and stays within 0..rubricMax)', () => {
    fc.assert(
      fc.property(totalsArb, (totals) => {
        const r = normaliseJurorTotals(totals, 100);
        for (const a of totals) {
          const xa = r.totals.get(markKey(a.clipId, a.jurorCode))!;
          expect(xa).toBeGreaterThanOrEqual(0);
          expect(xa).toBeLessThanOrEqual(100);
          for (const b of totals) {
            if (a.jurorCode !== b.jurorCode) continue;
            const xb = r.totals.get(markKey(b.clipId, b.jurorCode))!;
            // Strictly lower may become equal only by clamping at 0 or 100; never the other way round.
            if (a.total < b.total) expect(xa).toBeLessThanOrEqual(xb);
            if (a.total === b.total) expect(xa).toBe(xb);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoring with "Chuẩn hoá điểm BGK" = Chuẩn hoá theo từng giám khảo', () => {
  // A and B mark fairly; H marks every clip 30 lower (same spread) and belongs to Đoàn X, so H does
  // not mark X-01. X-01 and Y-01 are equally good (A and B give both 75).
  //   A = B: C1 60, C2 70, C3 80, X-01 75, Y-01 75 → mean 72, sd √(230/5) = √46 ≈ 6.782
  //   H:     C1 30, C2 40, C3 50, Y-01 45        → mean 41.25, sd √(218.75/4) ≈ 7.395
  //   pooled (14 totals): mean (2 × 360 + 165) / 14 = 885/14 ≈ 63.214, sd ≈ 15.539
  //   raw mean: X-01 (75 + 75) / 2 = 75.00; Y-01 (75 + 75 + 45) / 3 = 65.00 → X-01 is 10 ahead only because H sat out.
  //   normalised: A, B on 75: 63.214 + (3 / 6.782) × 15.539 ≈ 70.087; H on 45: 63.214 + (3.75 / 7.395) × 15.539 ≈ 71.094
  //   X-01 = 70.087; Y-01 = (2 × 70.087 + 71.094) / 3 ≈ 70.423 → X-01 no longer ahead.
  const jurors: Juror[] = [
    { code: 'A', name: 'An', email: '', unit: '' },
    { code: 'B', name: 'Bình', email: '', unit: '' },
    { code: 'H', name: 'Hùng', email: '', unit: 'Đoàn X' },
  ];
  const clips: [string, string, number, number | null][] = [
    ['C1-01', 'Đoàn C1', 60, 30],
    ['C2-01', 'Đoàn C2', 70, 40],
    ['C3-01', 'Đoàn C3', 80, 50],
    ['X-01', 'Đoàn X', 75, null],
    ['Y-01', 'Đoàn Y', 75, 45],
  ];
  const input = (normalise: boolean) =>
    contest({
      settingsPatch: { juryNormalisation: normalise ? 'perJuror' : 'none' },
      units: clips.map(([, u]) => unit(u, u)),
      jurors,
      submissions: clips.map(([id, u]) => submission(id, u)),
      appraisals: clips.map(([id]) => passed(id)),
      juryMarks: clips.flatMap(([id, , fair, harsh]) => [
        { clipId: id, jurorCode: 'A', marks: [fair] },
        { clipId: id, jurorCode: 'B', marks: [fair] },
        ...(harsh === null ? [] : [{ clipId: id, jurorCode: 'H', marks: [harsh] }]),
      ]),
    });
  const on = runContest(input(true));
  const off = runContest(input(false));
  const r = (out: typeof on, id: string) => out.results.find((x) => x.clipId === id)!;

  it('off: the raw aggregate decides, and X-01 is 10 ahead of Y-01 only because its harsh juror sat out', () => {
    expect([r(off, 'X-01').juryAggregate, r(off, 'Y-01').juryAggregate]).toEqual([75, 65]);
    expect(r(off, 'X-01').juryAggregateNormalised).toBeUndefined();
    expect(r(off, 'X-01').rank!).toBeLessThan(r(off, 'Y-01').rank!);
  });

  it('on: the conflict-of-interest clip is not advantaged (X-01 70.09 ≤ Y-01 70.42)', () => {
    const x = r(on, 'X-01');
    const y = r(on, 'Y-01');
    expect(x.juryAggregateNormalised).toBeCloseTo(70.087, 3);
    expect(y.juryAggregateNormalised).toBeCloseTo(70.423, 3);
    expect(x.juryAggregateNormalised!).toBeLessThanOrEqual(y.juryAggregateNormalised!);
    expect(y.rank!).toBeLessThan(x.rank!);
  });

  it('on: the raw aggregate is still carried; jury part and total come from the normalised one', () => {
    const y = r(on, 'Y-01');
    expect(y.juryAggregate).toBe(65);
    // 40 × 70.423 / 100 ≈ 28.169; no engagement → total = jury part.
    expect(y.juryPart).toBeCloseTo((40 * y.juryAggregateNormalised!) / 100, 6);
    expect(y.total).toBe(y.juryPart);
    expect(y.jurorMarks!.map((m) => [m.jurorCode, m.total, Math.round(m.normalisedTotal! * 1000) / 1000])).toEqual([
      ['A', 75, 70.087],
      ['B', 75, 70.087],
      ['H', 45, 71.094],
    ]);
    expect(on.problems).toEqual([]);
  });

  it('on, with a juror who marked only 2 clips: that juror is left as marked and "Tính điểm" is told (info)', () => {
    const few = input(true);
    few.juryMarks = few.juryMarks.filter((m) => m.jurorCode !== 'H' || m.clipId === 'C1-01' || m.clipId === 'C2-01');
    few.settings.allowPartialJuryMarks = true;
    const out = runContest(few);
    expect(out.problems.map((p) => [p.code, p.severity])).toEqual([['jury.normalise_skipped', 'info']]);
    expect(out.problems[0].message).toContain('giám khảo Hùng (H) mới chấm 2 bài');
    const c1 = out.results.find((x) => x.clipId === 'C1-01')!;
    expect(c1.jurorMarks!.find((m) => m.jurorCode === 'H')!.normalisedTotal).toBe(30);
  });
});

describe('setting "Chuẩn hoá điểm BGK"', () => {
  const row = (value: unknown) => [{ label: 'Chuẩn hoá điểm BGK', value, row: 20 }];
  it('defaults to Không, reads its label loosely and Có/Không', () => {
    expect(SETTING_DEFINITIONS.find((d) => d.key === 'juryNormalisation')).toMatchObject({ label: 'Chuẩn hoá điểm BGK', defaultText: 'Không' });
    const read = (v: unknown) => {
      const p = parseSettings(row(v), 'Cấu hình');
      return p.ok ? p.value.juryNormalisation : null;
    };
    expect(read('')).toBe('none');
    expect(read('chuan hoa theo tung giam khao')).toBe('perJuror');
    expect(read('Có')).toBe('perJuror');
    expect(read('Không')).toBe('none');
  });
  it('a value that is neither is a problem naming row and column', () => {
    const p = parseSettings(row('z-score'), 'Cấu hình');
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems.map((x) => [x.code, x.severity, x.message])).toEqual([
      [
        'setting.normalisation',
        'stops-action',
        'Trang "Cấu hình", dòng 20, cột "Giá trị": giá trị "z-score" của thiết lập "Chuẩn hoá điểm BGK" không hợp lệ; cần một trong: Không | Chuẩn hoá theo từng giám khảo.',
      ],
    ]);
  });
});
