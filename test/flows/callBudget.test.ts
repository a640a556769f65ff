// Service calls per action on the bench's contest (the sample scaled to 50 submissions and 10 jurors, run by its organizer, the owner): each stays within its budget.
import { contextOf, createContestEmulator } from '../sample/emulator';
import { withoutJurorUnits } from '../sample/contest';
import { scaleSampleContest } from '../sample/scaledContest';
import { writeAppraisal, writeEngagement, writeMarks, writeRoster, writeSubmissions } from '../sample/seedWorkbook';
import { updateAppraisal } from '../../src/flows/appraisal';
import { openAuditLog } from '../../src/flows/auditLog';
import { buildAwardList } from '../../src/flows/awards';
import type { ActionContext, Summary } from '../../src/flows/context';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { participationReport } from '../../src/flows/participation';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { finaliseResults, reopenResults } from '../../src/flows/finalise';

/**
 * The budgets: the calls each action makes now. The ceiling was the README table of 27 Nov
 * (fe4b6ec): setup 483 / 314 (re-run), appraisal 37 / 45, jury tabs 450 / 400, Tính điểm 148, awards 108,
 * participation 108, log 3 — with "Tiến độ chấm", the results chart, the final-state check, the
 * vi_VN locale and the document lock added since, every action is below it.
 */
const BUDGET: Record<string, number> = {
  'setup (first run)': 356,
  'appraisal (new rows)': 30,
  'appraisal (results)': 36,
  'jury tabs (first run)': 335,
  'jury tabs (re-run)': 265,
  scores: 146,
  'scores (re-run, same results)': 112,
  awards: 98,
  participation: 95,
  'setup (re-run)': 251,
  log: 3,
  // "Chốt kết quả" / "Mở lại kết quả": one sheet list per action (406 / 182 when each step listed the sheets again).
  finalise: 198,
  reopen: 113,
};

/** The bench's steps for one size (tools/bench.ts, benchSize), with the calls of each action. */
function callsPerAction(): Record<string, number> {
  const contest = withoutJurorUnits(scaleSampleContest({ entries: 50, jurors: 10 }));
  const owner = contest.organizerEmail;
  const emu = createContestEmulator({ owner, user: owner });
  const now = new Date('2023-06-20T09:00:00+07:00');
  emu.setNow(now);
  const ctx = contextOf(emu, { user: owner, now });
  const out: Record<string, number> = {};
  const measure = (name: string, flow: (c: ActionContext) => Summary) => {
    emu.calls.reset();
    flow(ctx);
    out[name] = emu.calls.total();
  };
  measure('setup (first run)', setupContest);
  writeRoster(emu, contest);
  writeSubmissions(emu, contest);
  measure('appraisal (new rows)', updateAppraisal);
  writeAppraisal(emu, contest);
  measure('appraisal (results)', updateAppraisal);
  measure('jury tabs (first run)', prepareJuryTabs);
  writeMarks(emu, contest);
  writeEngagement(emu, contest);
  measure('jury tabs (re-run)', prepareJuryTabs);
  measure('scores', computeScores);
  measure('scores (re-run, same results)', computeScores);
  measure('awards', buildAwardList);
  measure('participation', participationReport);
  measure('setup (re-run)', setupContest);
  measure('log', openAuditLog);
  measure('finalise', finaliseResults);
  measure('reopen', (c) => reopenResults(c, 'Sửa điểm'));
  return out;
}

test('every action of the bench contest stays within its call budget', () => {
  const calls = callsPerAction();
  expect(Object.keys(calls)).toEqual(Object.keys(BUDGET));
  const over = Object.entries(calls).filter(([name, n]) => n > BUDGET[name]);
  expect(over).toEqual([]);
});
