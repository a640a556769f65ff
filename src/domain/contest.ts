// One call that runs the whole rules engine on a parsed contest: results, awards, participation, problems.
import { DEFAULT_PRIZE_TIERS, buildAwards, validatePrizeTiers, withTieBreakNotes } from './awards';
import { buildParticipation } from './participation';
import { appraiseAll, computeResults } from './scoring';
import { validateSettings } from './settings';
import type { AwardList, ClipResult, ContestInput, ParticipationRow, Problem } from './types';

export interface ContestOutput {
  results: ClipResult[];
  awards: AwardList;
  participation: ParticipationRow[];
  /** Problems with the rules themselves (settings, prize tiers, rubric); results are still computed. */
  problems: Problem[];
}

/** Rubric criteria need a name and a positive maximum. */
export function validateRubric(rubric: ContestInput['rubric']): Problem[] {
  const problems: Problem[] = [];
  if (rubric.length === 0) {
    problems.push({ code: 'rubric.none', message: 'Trang "Tiêu chí chấm" chưa có tiêu chí nào.', sheet: 'Tiêu chí chấm' });
  }
  rubric.forEach((c, i) => {
    if (!(Number.isFinite(c.max) && c.max > 0)) {
      problems.push({
        code: 'rubric.max',
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
  const computed = computeResults(input);
  const awards = buildAwards(computed, tiers, input.settings);
  // A clip placed above or below another with the same total by a tie-break says so in "Kết quả" too.
  const results = withTieBreakNotes(computed, awards);
  const participation = buildParticipation(input.units, input.submissions, appraiseAll(input), input.settings);
  problems.push(...unsoundNumbers(results));
  return { results, awards, participation, problems };
}
