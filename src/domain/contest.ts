// One call that runs the whole rules engine on a parsed contest: results, awards, participation, problems.
import { DEFAULT_PRIZE_TIERS, buildAwards, validatePrizeTiers, withTieBreakNotes } from './awards';
import { buildParticipation } from './participation';
import { jurorTotal, padMarks } from './jury';
import { juryProgress, type JurorProgress } from './progress';
import { appraiseAll, canonicalJurors, scoreClips } from './scoring';
import { validateSettings } from './settings';
import type { AppraisalOutcome, AwardList, ClipResult, ContestInput, ParticipationRow, Problem } from './types';

/** One mark row's total as the domain read it: what its "Tổng" cell shows. */
export interface MarkRowTotal {
  clipId: string;
  jurorCode: string;
  /** The tab row (JuryMarkRow.row), when the row came from a sheet. */
  row?: number;
  /** Sum of the row's marks, null while any is blank or unreadable. */
  total: number | null;
  /** True when a mark of the row could not be read. */
  invalid: boolean;
}

export interface ContestOutput {
  results: ClipResult[];
  awards: AwardList;
  participation: ParticipationRow[];
  /**
   * Problems with the rules themselves (settings, prize tiers, rubric), then scoring's own 'info'
   * notes (a juror "Chuẩn hoá điểm BGK" left as marked); results are still computed.
   */
  problems: Problem[];
  /** Every submission's appraisal, computed once for scoring and participation, in submission order. */
  appraisals: AppraisalOutcome[];
  /**
   * Each juror's progress over the clips sent to the jury (in results order): missing clips and
   * unreadable marks per juror, for "Tính điểm", "Tiến độ chấm" and reminders.
   */
  jurorProgress: JurorProgress[];
  /** One total per input mark row, in input order, for writing each row's "Tổng". */
  markTotals: MarkRowTotal[];
}

/** Rubric criteria need a name and a positive maximum. */
export function validateRubric(rubric: ContestInput['rubric']): Problem[] {
  const problems: Problem[] = [];
  if (rubric.length === 0) {
    problems.push({ code: 'rubric.none', severity: 'stops-action', message: 'Trang "Tiêu chí chấm" chưa có tiêu chí nào.', sheet: 'Tiêu chí chấm' });
  }
  rubric.forEach((c, i) => {
    if (!(Number.isFinite(c.max) && c.max > 0)) {
      problems.push({
        code: 'rubric.max',
        severity: 'stops-action',
        message: `Trang "Tiêu chí chấm": điểm tối đa của tiêu chí "${c.name || `thứ ${i + 1}`}" phải là số dương (đang là ${String(c.max)}).`,
        sheet: 'Tiêu chí chấm',
        column: 'Điểm tối đa',
      });
    }
  });
  return problems;
}

/**
 * Last line of defence behind the input ranges: a total that is not a finite number in [0, 100] (or a
 * part that is not finite) would be written as "NaN" or shown as null in the JSON. Each is a problem.
 */
export function unsoundNumbers(results: ClipResult[]): Problem[] {
  const problems: Problem[] = [];
  for (const r of results) {
    const parts = [r.juryAggregate, r.juryPart, r.engagementPoints, r.countedPoints, r.engagementPart].filter((v): v is number => v !== null);
    const badTotal = r.total !== null && !(Number.isFinite(r.total) && r.total >= 0 && r.total <= 100);
    if (badTotal || parts.some((v) => !Number.isFinite(v))) {
      problems.push({
        code: 'score.unsound',
        severity: 'stops-action',
        message: `Bài ${r.clipId}: điểm tính ra không hợp lệ (tổng ${String(r.total)}); hãy kiểm tra các thiết lập, điểm tối đa và số lượt tương tác quá lớn.`,
        sheet: 'Kết quả',
      });
    }
  }
  return problems;
}

export function runContest(input: ContestInput): ContestOutput {
  const tiers = input.prizeTiers ?? DEFAULT_PRIZE_TIERS;
  const problems = [...validateSettings(input.settings), ...validatePrizeTiers(tiers), ...validateRubric(input.rubric)];
  // Appraisal decided once: scoring and participation must agree on which clips passed.
  const appraisals = appraiseAll(input);
  const scored = scoreClips(input, appraisals);
  const computed = scored.results;
  // Notes from scoring itself (a juror "Chuẩn hoá điểm BGK" left as marked) come after the rules' problems.
  problems.push(...scored.problems);
  const awards = buildAwards(computed, tiers, input.settings);
  // A clip placed above or below another with the same total by a tie-break says so in "Kết quả" too.
  const results = withTieBreakNotes(computed, awards);
  const participation = buildParticipation(input.units, input.submissions, appraisals, input.settings);
  const jurorProgress = juryProgress({
    jurors: canonicalJurors(input.jurors, input.units),
    clips: results.filter((r) => r.reachedEngagement).map((r) => ({ clipId: r.clipId, unit: r.unit })),
    marks: input.juryMarks,
    rubricLength: input.rubric.length,
  });
  const markTotals = padMarks(input.juryMarks, input.rubric.length).map((r): MarkRowTotal => ({
    clipId: r.clipId,
    jurorCode: r.jurorCode,
    ...(r.row !== undefined ? { row: r.row } : {}),
    total: jurorTotal(r),
    invalid: (r.invalid ?? []).length > 0,
  }));
  problems.push(...unsoundNumbers(results));
  return { results, awards, participation, problems, appraisals, jurorProgress, markTotals };
}
