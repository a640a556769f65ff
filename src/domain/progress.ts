// Jury progress ("Tiến độ chấm"): per juror, how many clips to mark, marked, missing, conflicts and unreadable marks.
import { isConflict, jurorTotal, markKey, padMarks } from './jury';
import type { JuryMarkRow, Juror } from './types';

/** One unreadable mark cell, with the clip it belongs to. */
export interface InvalidMark {
  clipId: string;
  sheet: string;
  row: number;
  column: string;
}

/** One row of "Tiến độ chấm". */
export interface JurorProgress {
  jurorCode: string;
  name: string;
  /** Clips sent to the jury, less this juror's conflict-of-interest clips ("Số bài cần chấm"). */
  toMark: number;
  /** Clips with a complete, readable total ("Đã chấm"). */
  marked: number;
  /** Clips with no complete total and no unreadable mark: blank or no row ("Còn thiếu"), in clip order. */
  missing: string[];
  /** Clips of the juror's own unit, which the juror does not mark ("Không chấm (cùng đơn vị)"). */
  conflicts: number;
  /** Unreadable cells of clips not otherwise marked ("Điểm không hợp lệ"), in clip then cell order. */
  invalid: InvalidMark[];
  /**
   * Every clip the juror still has to act on — `missing` and the clips of `invalid` — in clip order:
   * what "Tính điểm" lists as "chưa chấm" (an unreadable mark is no mark yet).
   */
  notMarked: string[];
}

export interface ProgressInput {
  /** Jurors in roster order, their `unit` already the canonical roster name (conflicts compare it). */
  jurors: Juror[];
  /** The clips sent to the jury (passed appraisal and accepted), in the order to list them. */
  clips: { clipId: string; unit: string }[];
  marks: JuryMarkRow[];
  /** Number of rubric criteria: a row with fewer marks is not fully marked. */
  rubricLength: number;
}

/**
 * Progress of every juror. A conflict-of-interest clip is never to mark and never missing. As in
 * scoring, the first complete row per clip and juror is the mark, and the first row decides whether
 * a clip's mark is unreadable; a clip with a complete row is marked even if a later copy is not.
 * @example juror GK1 (unit "Đoàn A"), clips HT-1 (Đoàn A), HT-2, HT-3 (Đoàn B), a mark only for HT-2
 *   → { toMark: 2, marked: 1, missing: ['HT-3'], conflicts: 1, invalid: [], notMarked: ['HT-3'] }
 */
export function juryProgress(input: ProgressInput): JurorProgress[] {
  const totals = new Map<string, number>();
  const invalidByKey = new Map<string, NonNullable<JuryMarkRow['invalid']>>();
  for (const row of padMarks(input.marks, input.rubricLength)) {
    const key = markKey(row.clipId, row.jurorCode);
    if (!invalidByKey.has(key)) invalidByKey.set(key, row.invalid ?? []);
    if (totals.has(key)) continue;
    const total = jurorTotal(row);
    if (total !== null) totals.set(key, total);
  }
  return input.jurors.map((j) => {
    const out: JurorProgress = { jurorCode: j.code, name: j.name, toMark: 0, marked: 0, missing: [], conflicts: 0, invalid: [], notMarked: [] };
    for (const c of input.clips) {
      if (isConflict(j, c.unit)) {
        out.conflicts++;
        continue;
      }
      out.toMark++;
      const key = markKey(c.clipId, j.code);
      if (totals.has(key)) {
        out.marked++;
        continue;
      }
      const bad = invalidByKey.get(key) ?? [];
      if (bad.length > 0) out.invalid.push(...bad.map((cell) => ({ clipId: c.clipId, ...cell })));
      else out.missing.push(c.clipId);
      out.notMarked.push(c.clipId);
    }
    return out;
  });
}
