// The flow tests' workbook helpers and their forty-clip scenario (fortyClips.ts) run up to the award list in the emulator.
//
// The helpers are thin wrappers over the sample's workbook helpers (test/sample/workbook.ts) and its
// seeding writer (test/sample/seedWorkbook.ts), taking the emulator and a sheet name.
import { contextOf, createContestEmulator } from '../sample/emulator';
import { writeAppraisal, writeEngagement, writeMarks, writeRoster, writeSetting, writeSubmissions } from '../sample/seedWorkbook';
import { appendByHeader as appendRecords, readRecords, writeByHeader } from '../sample/workbook';
import { updateAppraisal } from '../../src/flows/appraisal';
import { buildAwardList } from '../../src/flows/awards';
import type { ActionContext } from '../../src/flows/context';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { juryTabName } from '../../src/sheets/juryTab';
import { FORTY_CLIPS, JURORS } from './fortyClips';

export * from './fortyClips';

export const OWNER = 'btc@quandoan11.vn';
export const NOW = new Date('2023-06-20T09:00:00+07:00');

export type Emu = ReturnType<typeof createContestEmulator>;

/** Appraiser with edit access to the spreadsheet (but not to the organizers' sheets). */
export const APPRAISER = 'thamdinh@quandoan11.vn';

export function newEmulator(): Emu {
  // The spreadsheet is shared with the jurors and the appraiser, as in real use: new protections
  // start with them as editors, so setup has to take them off.
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, collaborators: [APPRAISER, ...JURORS.map((j) => j.email)] });
  emu.setNow(NOW);
  return emu;
}

/** The action context of one execution by `user`, built as main.ts builds it from Google's globals. */
export function flowContext(emu: Emu, user = OWNER): ActionContext {
  return contextOf(emu, { user, now: NOW });
}

export function sheet(emu: Emu, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = emu.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Values of a sheet's non-blank rows as objects keyed by header (row 1). */
export function records(emu: Emu, name: string): Record<string, unknown>[] {
  return readRecords(sheet(emu, name)).rows.map((r) => r.values);
}

/** Appends rows of cells under the headers, placed by header text (strings stay text). */
export function appendByHeader(emu: Emu, name: string, rows: Record<string, unknown>[]): void {
  appendRecords(sheet(emu, name), rows, { asText: true });
}

/** Sets cell (row, header) of a sheet. */
export function setCell(emu: Emu, name: string, row: number, header: string, value: unknown): void {
  writeByHeader(sheet(emu, name), [{ row, header, value }]);
}

/** Sheet row (1-based) whose `header` cell equals `value`. */
export function rowOf(emu: Emu, name: string, header: string, value: string): number {
  const r = readRecords(sheet(emu, name)).rows.find((x) => String(x.values[header]) === value);
  if (!r) throw new Error(`no ${value} in ${name}.${header}`);
  return r.row;
}

/** Types `value` into "Giá trị" of the setting labelled `label`, as the organizer would. */
export function setSetting(emu: Emu, label: string, value: unknown): void {
  writeSetting(emu, label, value);
}

// ---- The forty-clip scenario, step by step --------------------------------------------------------

/** "Đơn vị" (25 units) and "Ban giám khảo" (5 jurors). */
export function seedRoster(emu: Emu): void {
  writeRoster(emu, FORTY_CLIPS);
}

/** The first `count` clips into "Bài dự thi". */
export function seedSubmissions(emu: Emu, count = FORTY_CLIPS.submissions.length): void {
  writeSubmissions(emu, { submissions: FORTY_CLIPS.submissions.slice(0, count) });
}

/** Appraisers tick every criterion, except TT4 on the failing clips. */
export function tickAppraisal(emu: Emu): void {
  writeAppraisal(emu, FORTY_CLIPS);
}

/** A juror, signed in as themself, types `value` as their mark of clip `id`. */
export function mark(emu: Emu, jurorCode: string, id: string, value: unknown): void {
  const j = JURORS.find((x) => x.code === jurorCode)!;
  const tab = juryTabName(j);
  emu.setUser(j.email);
  setCell(emu, tab, rowOf(emu, tab, 'Mã bài', id), 'Điểm', value);
  emu.setUser(OWNER);
}

/** Each juror, signed in as themself, types marks into their own tab (one block per juror). */
export function enterMarks(emu: Emu): void {
  writeMarks(emu, FORTY_CLIPS, { asJurors: true });
}

/** Reactions and shares in "Tương tác", and the share log of HT-010. */
export function enterEngagement(emu: Emu): void {
  writeEngagement(emu, FORTY_CLIPS);
}

/** Runs the forty-clip scenario up to "Tính điểm" and "Lập danh sách khen thưởng". */
export function runFortyClips(emu: Emu) {
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  seedSubmissions(emu);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  const appraisal = updateAppraisal(ctx);
  const jury = prepareJuryTabs(ctx);
  enterMarks(emu);
  enterEngagement(emu);
  const scores = computeScores(ctx);
  const awards = buildAwardList(ctx);
  return { ctx, appraisal, jury, scores, awards };
}
