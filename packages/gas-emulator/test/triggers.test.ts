// ScriptApp triggers: creation, per-user listing, deletion, clock runs and the per-user limit.
import { createEmulator } from '../src';
import { VN } from './options';

test('clock triggers run in time order, as their owner, and one-time triggers stay listed', () => {
  const emu = createEmulator({ ...VN, owner: 'btc@x.vn' });
  emu.setNow(new Date('2023-06-30T00:00:00Z'));
  const log: string[] = [];
  emu.setHandlers({
    closeForm: (e) => void log.push(`close ${(e as { triggerUid: string }).triggerUid !== undefined} ${emu.now().toISOString()}`),
    tick: () => void log.push(`tick ${emu.now().toISOString()}`),
  });
  const close = emu.ScriptApp.newTrigger('closeForm').timeBased().at(new Date('2023-06-30T10:00:00Z')).create();
  emu.ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create();
  expect(() => emu.ScriptApp.newTrigger('x').timeBased().everyMinutes(7)).toThrow('everyMinutes');
  expect(emu.runTimeTriggers(new Date('2023-06-30T01:00:00Z'))).toBe(2); // ticks at 00:30 and 01:00
  expect(emu.runTimeTriggers(new Date('2023-06-30T10:00:00Z'))).toBe(19); // 18 ticks (01:30…10:00) + close
  expect(log.filter((l) => l.startsWith('close'))).toEqual(['close true 2023-06-30T10:00:00.000Z']);
  expect(emu.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['closeForm', 'tick']);
  emu.ScriptApp.deleteTrigger(close);
  expect(emu.ScriptApp.getProjectTriggers()).toHaveLength(1);
  expect(emu.runTimeTriggers(new Date('2023-07-01T00:00:00Z'))).toBe(28); // 10:30 … 24:00 every 30 min
});

test("getProjectTriggers shows only the current user's triggers", () => {
  const emu = createEmulator({ ...VN, owner: 'btc@x.vn' });
  emu.ScriptApp.newTrigger('a').forSpreadsheet(emu.spreadsheet.getId()).onOpen().create();
  emu.setUser('khac@x.vn');
  expect(emu.ScriptApp.getProjectTriggers()).toHaveLength(0);
  expect(emu.triggers.list()).toHaveLength(1);
});

test("20 triggers per user is the limit, with Google's message", () => {
  const emu = createEmulator(VN);
  for (let i = 0; i < 20; i++) emu.ScriptApp.newTrigger(`f${i}`).timeBased().after(1000).create();
  expect(() => emu.ScriptApp.newTrigger('f20').timeBased().after(1000).create()).toThrow('This script has too many triggers.');
});

test('a missing handler and a failing handler are reported', () => {
  const emu = createEmulator(VN);
  emu.setNow(new Date('2025-01-01T00:00:00Z'));
  emu.ScriptApp.newTrigger('missing').timeBased().after(60000).create();
  expect(() => emu.runTimeTriggers(new Date('2025-01-01T00:02:00Z'))).toThrow('Script function not found: missing');
  const quiet = createEmulator({ ...VN, throwTriggerErrors: false });
  quiet.setNow(new Date('2025-01-01T00:00:00Z'));
  quiet.setHandlers({
    boom: () => {
      throw new Error('hỏng');
    },
  });
  quiet.ScriptApp.newTrigger('boom').timeBased().after(1).create();
  quiet.runTimeTriggers(new Date('2025-01-01T00:01:00Z'));
  expect(String(quiet.triggerRuns[0].error)).toContain('hỏng');
});

test('editCell runs the simple onEdit with the event object, after the protection check', () => {
  const emu = createEmulator(VN);
  const events: { a1: string; value: unknown; old: unknown }[] = [];
  emu.setHandlers({
    onEdit: (e) => {
      const ev = e as GoogleAppsScript.Events.SheetsOnEdit;
      events.push({ a1: ev.range.getA1Notation(), value: ev.value, old: ev.oldValue });
    },
  });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('B2').insertCheckboxes();
  emu.editCell(sheet.getName(), 'B2', true);
  expect(events).toEqual([{ a1: 'B2', value: 'TRUE', old: 'false' }]);
  expect(sheet.getRange('B2').getValue()).toBe(true);
});

test('installGlobals defines the services and resolves handlers on the target', () => {
  const emu = createEmulator(VN);
  const g: Record<string, unknown> = { hello: () => 'xin chào' };
  emu.installGlobals(g);
  expect(g.SpreadsheetApp).toBe(emu.SpreadsheetApp);
  expect(emu.run('hello')).toBe('xin chào');
});
