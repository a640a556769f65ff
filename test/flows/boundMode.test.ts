// The same code as a script bound to one spreadsheet (the emulator's bound mode): menu, intake, deadline, sync.
import { createFormAction } from '../../src/flows/createForm';
import { setupContest } from '../../src/flows/setup';
import { syncSubmissionsAction } from '../../src/flows/syncSubmissions';
import { runMenuAction } from '../../src/ui/runner';
import { buildMenu } from '../../src/ui/menu';
import { ROSTER, JUNE_1, answers } from '../forms/fixture';
import { contestTriggerHandlers, contextOf, createContestEmulator } from '../sample/emulator';

test('bound to one spreadsheet: the add-on menu shows, submissions arrive, the deadline closes the form, sync fills gaps', () => {
  const emu = createContestEmulator({ addon: false, refuseProjectWide: false });
  emu.setNow(JUNE_1);
  emu.setHandlers(contestTriggerHandlers(emu));
  buildMenu(emu.SpreadsheetApp.getUi());
  expect(emu.ui.menus.map((m) => m.title)).toEqual(['Hội thi']);
  setupContest(contextOf(emu));
  emu.spreadsheet.getSheetByName('Đơn vị')!.getRange(2, 1, ROSTER.length, 4).setValues(ROSTER);
  runMenuAction(contextOf(emu), createFormAction, '');
  const id = String(
    emu.spreadsheet
      .getSheetByName('Cấu hình')!
      .getDataRange()
      .getValues()
      .find((r) => r[0] === 'ID biểu mẫu')![1],
  );
  const form = emu.FormApp.openById(id);
  emu.submitForm(form, answers({ 'Link video': 'https://youtu.be/one' }));
  emu.submitForm(form, answers({ 'Link video': 'https://youtu.be/two' }), undefined, { fireTriggers: false });
  const ids = () =>
    emu.spreadsheet
      .getSheetByName('Bài dự thi')!
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => r[0]);
  expect(ids()).toEqual(['HT-001']);
  runMenuAction(contextOf(emu), syncSubmissionsAction, undefined);
  expect(ids()).toEqual(['HT-001', 'HT-002']);
  emu.runTimeTriggers(new Date('2023-06-11T00:05:00+07:00'));
  expect(form.isAcceptingResponses()).toBe(false);
});
