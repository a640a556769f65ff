// "Chuẩn hoá điểm BGK": each juror's totals standardised and mapped back to the rubric scale before aggregation.
import { markKey } from './jury';
import type { Problem } from './types';

export type { JuryNormalisation } from './types';

/** A juror with fewer totals than this is left as marked: a mean and spread of 1–2 marks say nothing. */
export const MIN_MARKS_TO_NORMALISE = 3;

/** One juror's complete total of one clip that reached the jury (the juror had no conflict with it). */
export interface JurorClipTotal {
  clipId: string;
  jurorCode: string;
  total: number;
}

/** How one juror's totals were treated. */
export interface JurorNormalisation {
  jurorCode: string;
  count: number;
  mean: number;
  /** Population standard deviation of the juror's totals. */
  sd: number;
  normalised: boolean;
  /** Why a juror was left as marked: too few marks, or all marks the same (sd 0). */
  skipped?: 'fewMarks' | 'noSpread';
}

export interface NormalisationResult {
  /** markKey(clipId, jurorCode) → the normalised total (the raw total for a skipped juror). */
  totals: Map<string, number>;
  /** Mean and population standard deviation of every juror's totals together. */
  pooledMean: number;
  pooledSd: number;
  jurors: JurorNormalisation[];
  /** One 'info' problem per juror left unnormalised, naming the juror and why. */
  problems: Problem[];
}

function meanOf(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Population standard deviation: the jurors' marks are the whole population, not a sample. */
function sdOf(xs: number[], mean: number): number {
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / xs.length);
}

/**
 * Removes each juror's own leniency and spread, so a harsh juror does not sink the clips they marked
 * (nor lift the clips they sat out for a conflict of interest). For juror j with totals x over the
 * clips j marked:
 *
 *   z = (x − mean_j) / sd_j                          (sd_j the population standard deviation)
 *   x' = clamp(pooledMean + z × pooledSd, 0, rubricMax)
 *
 * where pooledMean and pooledSd are the mean and population standard deviation of all jurors' totals
 * together, so x' is on the rubric's own scale and aggregates (mean, trimmed mean, median) as before.
 * A juror with fewer than MIN_MARKS_TO_NORMALISE totals, or with all totals equal (sd_j = 0), keeps
 * their raw totals, and a problem says so. Jurors are reported in the order of their first total in
 * `totals`. x ↦ x' is increasing for each juror, so it never
 * reorders one juror's own marks (clamping can only make two of them equal at 0 or rubricMax).
 * @example A marks 60, 70, 80 and B marks 80, 90, 100 on the same three clips: mean_A 70, mean_B 90,
 *   sd_A = sd_B = √(200/3); pooled mean 80, pooled sd √(500/3); z = −√1.5, 0, √1.5 for both, so both
 *   jurors' marks become 80 − √250, 80, 80 + √250 ≈ 64.19, 80, 95.81.
 */
export function normaliseJurorTotals(totals: JurorClipTotal[], rubricMax: number, jurorName: (code: string) => string = (code) => code): NormalisationResult {
  const byJuror = new Map<string, JurorClipTotal[]>();
  for (const t of totals) {
    const list = byJuror.get(t.jurorCode);
    if (list) list.push(t);
    else byJuror.set(t.jurorCode, [t]);
  }
  const all = totals.map((t) => t.total);
  const pooledMean = all.length > 0 ? meanOf(all) : 0;
  const pooledSd = all.length > 0 ? sdOf(all, pooledMean) : 0;
  const out = new Map<string, number>();
  const jurors: JurorNormalisation[] = [];
  const problems: Problem[] = [];
  for (const [jurorCode, list] of byJuror) {
    const xs = list.map((t) => t.total);
    const mean = meanOf(xs);
    const sd = sdOf(xs, mean);
    // A spread of float noise (0.1 + 0.2 vs 0.3) is no spread: dividing by it would blow marks apart.
    const skipped = xs.length < MIN_MARKS_TO_NORMALISE ? 'fewMarks' : sd < 1e-9 ? 'noSpread' : undefined;
    for (const t of list) {
      const x = skipped ? t.total : Math.min(rubricMax, Math.max(0, pooledMean + ((t.total - mean) / sd) * pooledSd));
      out.set(markKey(t.clipId, jurorCode), x);
    }
    jurors.push({ jurorCode, count: xs.length, mean, sd, normalised: !skipped, ...(skipped ? { skipped } : {}) });
    if (skipped) {
      const why = skipped === 'fewMarks' ? `mới chấm ${xs.length} bài (cần ít nhất ${MIN_MARKS_TO_NORMALISE} bài)` : `cho mọi bài cùng một điểm (${xs[0]})`;
      problems.push({
        code: 'jury.normalise_skipped',
        severity: 'info',
        message: `Chuẩn hoá điểm BGK (trang "Cấu hình"): giám khảo ${jurorName(jurorCode)} ${why} nên điểm của giám khảo này được giữ nguyên, không chuẩn hoá.`,
      });
    }
  }
  return { totals: out, pooledMean, pooledSd, jurors, problems };
}
