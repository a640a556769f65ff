// Ranking: totals compared in fixed precision and the full tie-break order of clips.
import type { ClipResult } from './types';

/**
 * A score as an integer number of ten-thousandths. Parts are computed in floating point
 * (e.g. 40 × 70 / 100 + 60 × 232 / 300 may come out as 74.39999999999999 on one path and 74.4 on
 * another); comparing raw doubles would let such noise decide a rank or a prize. Sheets show at
 * most 2 decimals, so ten-thousandths keep every real difference and drop the noise.
 * @example toScoreUnits(74.39999999999999) === toScoreUnits(74.4) === 744000
 */
export function toScoreUnits(x: number): number {
  return Math.round(x * 10000);
}

/**
 * A computed score (aggregate, part or total) rounded to millionths, so floating-point noise never
 * reaches the user: 36.2 + 56.6 is 92.80000000000001 in doubles and 92.8 after rounding. Millionths
 * are finer than the ten-thousandths ranking compares (toScoreUnits) and the 2 decimals sheets show,
 * so rounding changes no rank and no displayed figure; it only removes the noise from "Kết quả"
 * cells and exported JSON. Rounding is monotonic, so an order that held before still holds.
 * @example roundScore(36.2 + 56.6) === 92.8
 */
export function roundScore(x: number): number {
  return Math.round(x * SCORE_SCALE) / SCORE_SCALE;
}

/** Computed scores are kept to 1e-6 (see roundScore). */
const SCORE_SCALE = 1_000_000;

/**
 * `x` rounded to ten-thousandths, the precision ranking compares: what "Kết quả", "Giải thưởng" and a
 * juror's "Tổng" store, so a cell never holds a difference the ranking ignored.
 * @example roundToScoreUnits(74.39999) === 74.4
 */
export function roundToScoreUnits(x: number): number {
  return toScoreUnits(x) / 10000;
}

function units(x: number | null): number {
  return x === null ? Number.NEGATIVE_INFINITY : toScoreUnits(x);
}

/**
 * Sort order of clips (best first, for `Array.prototype.sort`): higher total, then higher jury part,
 * then earlier submission; unscored (null total) after scored, unknown submission time after known.
 * Returns −1, 0 or 1; 0 means a genuine tie that only people may break.
 */
export function compareClips(a: Pick<ClipResult, 'total' | 'juryPart' | 'submittedAt'>, b: Pick<ClipResult, 'total' | 'juryPart' | 'submittedAt'>): -1 | 0 | 1 {
  const ta = units(a.total);
  const tb = units(b.total);
  if (ta !== tb) return ta > tb ? -1 : 1;
  const ja = units(a.juryPart);
  const jb = units(b.juryPart);
  if (ja !== jb) return ja > jb ? -1 : 1;
  const sa = a.submittedAt ? a.submittedAt.getTime() : Number.POSITIVE_INFINITY;
  const sb = b.submittedAt ? b.submittedAt.getTime() : Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return 0;
}

/** Natural order of clip IDs ("HT-2" before "HT-10"), used only to make output order stable. */
export function compareIds(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = String(a).match(re) ?? [];
  const pb = String(b).match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return pa.length === pb.length ? (a < b ? -1 : a > b ? 1 : 0) : pa.length < pb.length ? -1 : 1;
}
