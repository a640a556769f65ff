// Service calls per action on the bench's contest (50 submissions, 10 jurors, 40 units, run by the owner): each stays within its budget.
import { contextOf, createContestEmulator } from '../sample/emulator';
import { updateAppraisal } from '../../src/flows/appraisal';
import { openAuditLog } from '../../src/flows/auditLog';
import { buildAwardList } from '../../src/flows/awards';
import type { ActionContext, Summary } from '../../src/flows/context';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { participationReport } from '../../src/flows/participation';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { ensureRows, escapeCell } from '../../src/sheets/table';

const OWNER = 'btc@quandoan11.vn';
const CLIPS = 50;
const JURORS = 10;
const UNITS = 40;

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
};

type Emu = ReturnType<typeof createContestEmulator>;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetOf(emu: Emu, name: string): Sheet {
  return emu.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName(name) as unknown as Sheet;
}

/** Records appended under row 1 by header text, one setValues. */
function append(emu: Emu, name: string, rows: Record<string, unknown>[]): void {
  const s = sheetOf(emu, name);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const start = s.getLastRow() + 1;
  ensureRows(s, start + rows.length - 1);
  s.getRange(start, 1, rows.length, headers.length).setValues(rows.map((r) => headers.map((h) => escapeCell(r[h] ?? ''))));
}

/** A column block of every data row set to `fn(clip number)`. */
function fill(emu: Emu, name: string, firstHeader: string, width: number, fn: (i: number) => unknown[]): void {
  const s = sheetOf(emu, name);
  const values = s.getDataRange().getValues();
  const col = values[0].map(String).indexOf(firstHeader);
  const idCol = values[0].map(String).indexOf('Mã bài');
  s.getRange(2, col + 1, values.length - 1, width).setValues(values.slice(1).map((r) => fn(Number(String(r[idCol]).slice(3)))));
}

function callsPerAction(): Record<string, number> {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER });
  const now = new Date('2023-06-20T09:00:00+07:00');
  emu.setNow(now);
  const ctx = contextOf(emu, { user: OWNER, now });
  const out: Record<string, number> = {};
  const measure = (name: string, flow: (c: ActionContext) => Summary) => {
    emu.calls.reset();
    flow(ctx);
    out[name] = emu.calls.total();
  };
  measure('setup (first run)', setupContest);
  append(
    emu,
    'Đơn vị',
    Array.from({ length: UNITS }, (_, k) => ({ 'Mã đơn vị': `P${k + 1}`, 'Tên đơn vị': `Đoàn phường ${k + 1}` })),
  );
  append(
    emu,
    'Ban giám khảo',
    Array.from({ length: JURORS }, (_, k) => ({ Mã: `GK${k + 1}`, 'Họ tên': `Giám khảo ${k + 1}`, Email: `gk${k + 1}@bgk.vn` })),
  );
  append(
    emu,
    'Bài dự thi',
    Array.from({ length: CLIPS }, (_, k) => ({
      'Mã bài': `HT-${String(k + 1).padStart(3, '0')}`,
      'Thời gian nộp': '01/06/2023 08:00',
      'Đơn vị': `Đoàn phường ${(k % UNITS) + 1}`,
      'Hình thức': 'Cá nhân',
      'Tác giả': `Tác giả ${k + 1}`,
      'Tên tác phẩm': `Clip ${k + 1}`,
      'Link video': `https://drive.google.com/file/d/${k + 1}`,
      'Trạng thái': 'Chờ thẩm định',
    })),
  );
  measure('appraisal (new rows)', updateAppraisal);
  fill(emu, 'Thẩm định', 'TT1', 10, () => new Array(10).fill(true));
  measure('appraisal (results)', updateAppraisal);
  measure('jury tabs (first run)', prepareJuryTabs);
  for (let j = 1; j <= JURORS; j++) fill(emu, `BGK - Giám khảo ${j}`, 'Điểm', 1, (i) => [(i * 7 + j * 13) % 101]);
  fill(emu, 'Tương tác', 'Lượt cảm xúc', 2, (i) => [(i * 37) % 400, (i * 11) % 60]);
  measure('jury tabs (re-run)', prepareJuryTabs);
  measure('scores', computeScores);
  measure('scores (re-run, same results)', computeScores);
  measure('awards', buildAwardList);
  measure('participation', participationReport);
  measure('setup (re-run)', setupContest);
  measure('log', openAuditLog);
  return out;
}

test('every action of the bench contest stays within its call budget', () => {
  const calls = callsPerAction();
  expect(Object.keys(calls)).toEqual(Object.keys(BUDGET));
  const over = Object.entries(calls).filter(([name, n]) => n > BUDGET[name]);
  expect(over).toEqual([]);
});
