// Jury (BGK): rubric, per-juror totals, aggregation across jurors, conflicts of interest and completeness.
import { idKey, normalizeName } from './parse';
import type { JuryAggregation, JuryMarkRow, Juror, RubricCriterion } from './types';

/** Default rubric: one criterion "Điểm" out of 100. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [{ name: 'Điểm', max: 100 }];

/** Highest total a juror can give: the sum of the criteria maxima. */
export function rubricMax(rubric: RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + c.max, 0);
}

/**
 * A juror's total for one clip: the sum of the marks, or null when any mark is blank (not fully
 * marked yet; 0 is a mark). A row with no marks at all is null too.
 * @example jurorTotal({ clipId: 'HT-001', jurorCode: 'GK1', marks: [8.5, 30] }) === 38.5
 */
export function jurorTotal(row: JuryMarkRow): number | null {
  if (row.marks.length === 0) return null;
  let sum = 0;
  for (const m of row.marks) {
    if (m === null || m === undefined) return null;
    sum += m;
  }
  return sum;
}

/**
 * Mark rows padded with blanks to the rubric's length: a row with fewer marks than criteria (a
 * column added to "Tiêu chí chấm" later) is not fully marked, never summed as if complete.
 */
export function padMarks(marks: JuryMarkRow[], rubricLength: number): JuryMarkRow[] {
  return marks.map((r) => (r.marks.length < rubricLength ? { ...r, marks: [...r.marks, ...new Array<null>(rubricLength - r.marks.length).fill(null)] } : r));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Combine juror totals: mean; trimmed mean (drop one highest and one lowest — with fewer than 3
 * totals that would leave nothing fair, so it falls back to the mean and says so in `note`); median.
 * @example aggregateJury([60, 70, 80, 90], 'trimmedMean').value === 75
 */
export function aggregateJury(totals: number[], method: JuryAggregation): { value: number | null; note: string } {
  if (totals.length === 0) return { value: null, note: '' };
  const sorted = [...totals].sort((a, b) => a - b);
  switch (method) {
    case 'trimmedMean':
      if (sorted.length < 3) {
        return {
          value: mean(sorted),
          note: `Chỉ có ${sorted.length} điểm BGK (cần ít nhất 3 để bỏ điểm cao nhất và thấp nhất) nên tính trung bình.`,
        };
      }
      return { value: mean(sorted.slice(1, -1)), note: '' };
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return { value, note: '' };
    }
    default:
      return { value: mean(sorted), note: '' };
  }
}

/** A juror does not mark clips of their own unit; a juror with no unit has no conflict. */
export function isConflict(juror: Juror, clipUnit: string): boolean {
  const own = normalizeName(juror.unit ?? '');
  return own !== '' && own === normalizeName(clipUnit ?? '');
}

/** The jurors expected to mark a clip of `clipUnit`: everyone without a conflict, in roster order. */
export function expectedJurors(clipUnit: string, jurors: Juror[]): Juror[] {
  return jurors.filter((j) => !isConflict(j, clipUnit));
}

/** Key for looking up a mark row; clip IDs and juror codes are compared trimmed and upper-cased. */
export function markKey(clipId: string, jurorCode: string): string {
  return `${idKey(clipId)}\u0000${idKey(jurorCode)}`;
}

/**
 * Index of complete juror totals by clip and juror. When a juror has several rows for one clip, the
 * first complete one is used (a duplicated row must not double-count).
 */
export function indexTotals(marks: JuryMarkRow[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const row of marks) {
    const key = markKey(row.clipId, row.jurorCode);
    if (index.has(key)) continue;
    const total = jurorTotal(row);
    if (total !== null) index.set(key, total);
  }
  return index;
}

/**
 * Which expected jurors have not fully marked which clips, juror by juror in roster order; jurors
 * with nothing missing are left out.
 */
export function missingMarks(clips: { clipId: string; unit: string }[], jurors: Juror[], marks: JuryMarkRow[]): { jurorCode: string; clipIds: string[] }[] {
  // Clips fully marked, per juror: small per-juror sets probed with each clip's key computed once,
  // rather than a clip × juror key string built for every pair (garbage that grows with both).
  const complete = new Map<string, Set<string>>();
  for (const row of marks) {
    if (jurorTotal(row) === null) continue;
    const juror = idKey(row.jurorCode);
    let set = complete.get(juror);
    if (!set) complete.set(juror, (set = new Set()));
    set.add(idKey(row.clipId));
  }
  const keys = clips.map((c) => idKey(c.clipId));
  const out: { jurorCode: string; clipIds: string[] }[] = [];
  for (const j of jurors) {
    const done = complete.get(idKey(j.code)) ?? new Set<string>();
    const clipIds = clips.filter((c, i) => !isConflict(j, c.unit) && !done.has(keys[i])).map((c) => c.clipId);
    if (clipIds.length > 0) out.push({ jurorCode: j.code, clipIds });
  }
  return out;
}
