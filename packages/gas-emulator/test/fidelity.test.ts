// Opt-in fidelity rules: signed bytes, per-spreadsheet locale, clock jitter, estimated trigger runtime and its quota.
import { createEmulator, errors } from '../src';
import { VN } from './options';

test('signedBytes: newBlob refuses 128..255, accepts -128..127; base64Decode returns signed bytes', () => {
  const strict = createEmulator({ ...VN, signedBytes: true });
  expect(() => strict.Utilities.newBlob([71, 73, 70, 200] as unknown as GoogleAppsScript.Byte[], 'image/gif')).toThrow(errors.notAByte(200, 3));
  expect(strict.Utilities.newBlob([71, 73, 70, -56] as unknown as GoogleAppsScript.Byte[]).getBytes()).toEqual([71, 73, 70, -56]);
  expect(strict.Utilities.base64Decode('/wA=')).toEqual([-1, 0]);
  // default: today's lenient behaviour
  expect(
    createEmulator(VN)
      .Utilities.newBlob([200] as unknown as GoogleAppsScript.Byte[])
      .getBytes(),
  ).toEqual([-56]);
});

test('each spreadsheet parses typed dates by its own locale: en_US reads 12/06/2023 as 6 December', () => {
  const emu = createEmulator(VN);
  const vi = emu.spreadsheet;
  const en = emu.createSpreadsheet('EN');
  en.setSpreadsheetLocale('en_US');
  expect(en.getSpreadsheetLocale()).toBe('en_US');
  expect(vi.getSpreadsheetLocale()).toBe('vi_VN');
  vi.getSheets()[0].getRange('A1').setValue('12/06/2023 10:00');
  en.getSheets()[0].getRange('A1').setValue('12/06/2023 10:00');
  const month = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string =>
    emu.Utilities.formatDate(ss.getSheets()[0].getRange('A1').getValue() as Date, 'Asia/Ho_Chi_Minh', 'dd MMM');
  expect(month(vi)).toBe('12 Jun');
  expect(month(en)).toBe('06 Dec');
  expect(() => en.setSpreadsheetLocale('nonsense')).toThrow('Invalid argument: locale');
});

test('clock triggers may fire late or early: explicit lateByMinutes/earlyByMinutes, and seeded jitter', () => {
  const emu = createEmulator(VN);
  emu.setNow(new Date('2023-06-30T00:00:00Z'));
  const at: string[] = [];
  emu.setHandlers({ close: () => void at.push(emu.now().toISOString()), later: () => void at.push(`later ${emu.now().toISOString()}`) });
  emu.ScriptApp.newTrigger('close').timeBased().at(new Date('2023-06-30T10:00:00Z')).create();
  emu.ScriptApp.newTrigger('later').timeBased().after(3600000).create();
  expect(emu.runTimeTriggers(new Date('2023-06-30T10:00:00Z'), { lateByMinutes: 5 })).toBe(1); // only the 01:00 after() trigger
  expect(emu.runTimeTriggers(new Date('2023-06-30T10:05:00Z'), { lateByMinutes: 5 })).toBe(1);
  expect(at).toEqual(['later 2023-06-30T01:05:00.000Z', '2023-06-30T10:05:00.000Z']);
  // early: at() may fire early, after() never does
  const e2 = createEmulator(VN);
  e2.setNow(new Date('2023-06-30T00:00:00Z'));
  const got: string[] = [];
  e2.setHandlers({ a: () => void got.push(`a ${e2.now().toISOString()}`), b: () => void got.push(`b ${e2.now().toISOString()}`) });
  e2.ScriptApp.newTrigger('a').timeBased().at(new Date('2023-06-30T10:00:00Z')).create();
  e2.ScriptApp.newTrigger('b')
    .timeBased()
    .after(10 * 3600000)
    .create();
  e2.runTimeTriggers(new Date('2023-06-30T09:58:00Z'), { earlyByMinutes: 3 });
  expect(got).toEqual(['a 2023-06-30T09:57:00.000Z']);
  // seeded jitter: a reproducible time within the window
  const fire = (): string => {
    const j = createEmulator({ ...VN, clockJitterMinutes: { early: 2, late: 15 } });
    j.setNow(new Date('2023-06-30T00:00:00Z'));
    let when = '';
    j.setHandlers({ a: () => void (when = j.now().toISOString()) });
    j.ScriptApp.newTrigger('a').timeBased().at(new Date('2023-06-30T10:00:00Z')).create();
    j.runTimeTriggers(new Date('2023-06-30T11:00:00Z'));
    return when;
  };
  const when = new Date(fire()).getTime();
  expect(fire()).toBe(new Date(when).toISOString());
  expect(when).toBeGreaterThanOrEqual(Date.parse('2023-06-30T09:58:00Z'));
  expect(when).toBeLessThanOrEqual(Date.parse('2023-06-30T10:15:00Z'));
});

test('trigger runtime: 300 ms + 60 ms per service call, per owner per day; past the daily limit triggers do not start', () => {
  const emu = createEmulator({ ...VN, runtime: { dailyLimitMinutes: 1 / 60 }, throwTriggerErrors: false }); // 1 s a day
  emu.setNow(new Date('2023-06-30T01:00:00Z'));
  emu.setHandlers({ onSettingsEdit: () => void emu.spreadsheet.getSheets()[0].getRange('B1').getValue() });
  emu.ScriptApp.newTrigger('onSettingsEdit').forSpreadsheet(emu.spreadsheet).onEdit().create();
  const name = emu.spreadsheet.getSheets()[0].getName();
  emu.editCell(name, 'A1', 1);
  // Spreadsheet.getSheets + Sheet.getRange + Range.getValue = 3 calls
  expect(emu.triggerRuns[0].durationMs).toBe(300 + 3 * 60);
  expect(emu.triggerRuntime(VN.owner!)).toBe(480);
  emu.editCell(name, 'A2', 2);
  emu.editCell(name, 'A3', 3); // 960 ms used: still under 1 s, runs
  emu.editCell(name, 'A4', 4); // 1440 ms ≥ 1 s: refused
  expect(emu.triggerRuns.map((r) => (r.error as Error | undefined)?.message)).toEqual([undefined, undefined, undefined, errors.TRIGGER_RUNTIME_EXCEEDED]);
  expect(emu.triggerRuntime(VN.owner!, '2023-06-30')).toBe(1440);
  expect(emu.triggerRuntime(VN.owner!, '2023-07-01')).toBe(0);
  // a new day in the script time zone: runs again
  emu.setNow(new Date('2023-06-30T18:00:00Z')); // 01:00 on 1 July in Ho Chi Minh
  emu.editCell(name, 'A5', 5);
  expect(emu.triggerRuns[4].error).toBeUndefined();
});
