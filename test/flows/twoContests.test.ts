// Two contests, one organizer, one emulated world in add-on mode: neither touches the other's triggers, form, sheets or lock.
import { createFormAction } from '../../src/flows/createForm';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { syncSubmissionsAction } from '../../src/flows/syncSubmissions';
import { runMenuAction } from '../../src/ui/runner';
import { ROSTER, JUNE_1, answers } from '../forms/fixture';
import { contestTriggerHandlers, contextOf, createContestEmulator } from '../sample/emulator';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('one organizer running two contests', () => {
  const emu = createContestEmulator();
  emu.setNow(JUNE_1);
  emu.setHandlers(contestTriggerHandlers(emu));
  const a = emu.spreadsheet;
  const b = emu.createSpreadsheet('Hội thi B');

  /** Runs `fn` as a menu action does: with `ss` the document the add-on runs in. */
  const inDoc = <T>(ss: Spreadsheet, fn: (ctx: ReturnType<typeof contextOf>) => T): T =>
    emu.withActiveSpreadsheet(ss, () => fn(contextOf(emu, { spreadsheet: ss })));
  const rows = (ss: Spreadsheet, name: string) => ss.getSheetByName(name)!.getDataRange().getValues().slice(1);
  const ids = (ss: Spreadsheet, name = 'Bài dự thi') => {
    const [headers, ...data] = ss.getSheetByName(name)!.getDataRange().getValues();
    const col = headers.indexOf('Mã bài');
    return data.map((r) => r[col]).filter((v) => v !== '');
  };
  const formOf = (ss: Spreadsheet) => emu.FormApp.openById(String(rows(ss, 'Cấu hình').find((r) => r[0] === 'ID biểu mẫu')![1]));
  const triggersOf = (ss: Spreadsheet) =>
    emu.ScriptApp.getUserTriggers(ss)
      .map((t) => t.getHandlerFunction())
      .sort();

  beforeAll(() => {
    for (const ss of [a, b]) {
      inDoc(ss, (ctx) => setupContest(ctx));
      ss.getSheetByName('Đơn vị')!.getRange(2, 1, ROSTER.length, 4).setValues(ROSTER);
      inDoc(ss, (ctx) => runMenuAction(ctx, createFormAction, ''));
    }
  });

  test('each contest has its own form and its own one trigger of each kind', () => {
    expect(formOf(a).getId()).not.toBe(formOf(b).getId());
    expect(formOf(a).getDestinationId()).toBe(a.getId());
    expect(formOf(b).getDestinationId()).toBe(b.getId());
    // onFormSubmit and onSettingsEdit on the spreadsheet, and the scheduler's clock trigger, per document.
    expect(triggersOf(a)).toEqual(['onFormSubmit', 'onSettingsEdit', 'runScheduledJobs']);
    expect(triggersOf(b)).toEqual(['onFormSubmit', 'onSettingsEdit', 'runScheduledJobs']);
  });

  test("setting contest B up again keeps contest A's triggers", () => {
    const before = emu.ScriptApp.getUserTriggers(a).map((t) => t.getUniqueId());
    inDoc(b, (ctx) => runMenuAction(ctx, createFormAction, ''));
    expect(emu.ScriptApp.getUserTriggers(a).map((t) => t.getUniqueId())).toEqual(before);
    expect(triggersOf(b)).toEqual(['onFormSubmit', 'onSettingsEdit', 'runScheduledJobs']);
  });

  test('submissions land in their own contest, with gap-free IDs in each', () => {
    emu.submitForm(formOf(a), answers({ 'Tên tác phẩm': 'A một', 'Link video': 'https://youtu.be/a1' }));
    emu.submitForm(formOf(b), answers({ 'Tên tác phẩm': 'B một', 'Link video': 'https://youtu.be/b1' }));
    emu.submitForm(formOf(b), answers({ 'Tên tác phẩm': 'B hai', 'Link video': 'https://youtu.be/b2' }));
    expect(ids(a)).toEqual(['HT-001']);
    expect(ids(b)).toEqual(['HT-001', 'HT-002']);
    expect(rows(b, 'Bài dự thi').map((r) => r[5])).toEqual(['B một', 'B hai']);
  });

  test("contest A's lock held elsewhere does not hold up contest B; A's response waits for its sync", () => {
    emu.locks.holdByOther(true, 'document', a.getId());
    emu.submitForm(formOf(a), answers({ 'Tên tác phẩm': 'A hai', 'Link video': 'https://youtu.be/a2' }));
    emu.submitForm(formOf(b), answers({ 'Tên tác phẩm': 'B ba', 'Link video': 'https://youtu.be/b3' }));
    expect(ids(a)).toEqual(['HT-001']);
    expect(ids(b)).toEqual(['HT-001', 'HT-002', 'HT-003']);
    emu.locks.holdByOther(false, 'document', a.getId());
    inDoc(a, (ctx) => runMenuAction(ctx, syncSubmissionsAction, undefined));
    expect(ids(a)).toEqual(['HT-001', 'HT-002']);
    expect(ids(b)).toEqual(['HT-001', 'HT-002', 'HT-003']);
  });

  test("each document's scheduler closes its own form at the deadline", () => {
    emu.runTimeTriggers(new Date('2023-06-11T00:05:00+07:00'));
    expect(formOf(a).isAcceptingResponses()).toBe(false);
    expect(formOf(b).isAcceptingResponses()).toBe(false);
    for (const ss of [a, b]) {
      const log = rows(ss, 'Nhật ký').map((r) => `${r[2]}: ${r[3]}`);
      expect(log.filter((l) => l.startsWith('Lịch tự động: Đã đóng biểu mẫu'))).toHaveLength(1);
    }
  });

  test('scores of each contest come from its own sheets', () => {
    emu.setNow(new Date('2023-06-20T09:00:00+07:00'));
    for (const ss of [a, b]) inDoc(ss, (ctx) => computeScores(ctx));
    expect([...ids(a, 'Kết quả')].sort()).toEqual(['HT-001', 'HT-002']);
    expect([...ids(b, 'Kết quả')].sort()).toEqual(['HT-001', 'HT-002', 'HT-003']);
  });
});
