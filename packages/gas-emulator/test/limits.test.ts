// Google's documented limits (quotas page "Current limitations", Sheet and Spreadsheet references), enforced in every mode.
import { createEmulator, errors } from '../src';
import { VN } from './options';

type Blob = GoogleAppsScript.Base.Blob;

test('PropertiesService: a value over 9 KB and a store over 500 KB are refused, and the store is left as it was', () => {
  const emu = createEmulator(VN);
  const props = emu.PropertiesService.getDocumentProperties()!;
  props.setProperty('ok', 'x'.repeat(9 * 1024));
  expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(errors.PROPERTY_VALUE_TOO_LARGE);
  // 9 KB of UTF-8 bytes: a Vietnamese letter takes two or three
  expect(() => props.setProperty('vi', 'ệ'.repeat(3200))).toThrow(errors.PROPERTY_VALUE_TOO_LARGE);
  expect(() => props.setProperties({ a: 'b', big: 'x'.repeat(10000) })).toThrow(errors.PROPERTY_VALUE_TOO_LARGE);
  expect(props.getKeys()).toEqual(['ok']);
  const user = emu.PropertiesService.getUserProperties();
  for (let i = 0; i < 56; i++) user.setProperty(`k${i}`, 'x'.repeat(9000));
  expect(() => user.setProperty('k56', 'x'.repeat(9000))).toThrow(errors.PROPERTY_STORE_FULL);
  expect(user.getProperty('k56')).toBeNull();
  // replacing a value frees its old size; deleteAllOthers counts only what stays
  user.setProperty('k0', 'small');
  user.setProperties({ only: 'x'.repeat(9000) }, true);
  expect(user.getKeys()).toEqual(['only']);
});

test('MailApp: 50 recipients, 200 KB body and 25 MB of attachments per message; a refused message costs no quota', () => {
  const emu = createEmulator({ ...VN, mailQuota: 100 });
  const many = Array.from({ length: 51 }, (_, i) => `u${i}@x.vn`).join(',');
  expect(() => emu.MailApp.sendEmail(many, 'S', 'B')).toThrow(errors.MAIL_RECIPIENTS_PER_MESSAGE);
  expect(() => emu.MailApp.sendEmail({ to: 'a@x.vn', cc: many, subject: 'S', body: 'B' })).toThrow(errors.MAIL_RECIPIENTS_PER_MESSAGE);
  expect(() => emu.MailApp.sendEmail('a@x.vn', 'S', 'x'.repeat(200 * 1024 + 1))).toThrow(errors.MAIL_BODY_SIZE);
  expect(() => emu.MailApp.sendEmail('a@x.vn', 'S', 'B', { htmlBody: 'x'.repeat(200 * 1024 + 1) })).toThrow(errors.MAIL_BODY_SIZE);
  const pdf = (mb: number): Blob => emu.Utilities.newBlob('x'.repeat(mb * 1024 * 1024), 'application/pdf');
  expect(() => emu.MailApp.sendEmail('a@x.vn', 'S', 'B', { attachments: [pdf(13), pdf(13)] })).toThrow(errors.MAIL_ATTACHMENTS_SIZE);
  expect(emu.MailApp.getRemainingDailyQuota()).toBe(100);
  expect(emu.mail).toHaveLength(0);
  emu.MailApp.sendEmail(Array.from({ length: 50 }, (_, i) => `u${i}@x.vn`).join(','), 'S', 'B', { attachments: [pdf(12)] });
  expect(emu.MailApp.getRemainingDailyQuota()).toBe(50);
});

test('Range.setValue(s) and appendRow refuse a cell over 50,000 characters, before writing anything', () => {
  const emu = createEmulator(VN);
  const sheet = emu.spreadsheet.getSheets()[0];
  const long = 'x'.repeat(50001);
  expect(() => sheet.getRange('A1:B1').setValues([['a', long]])).toThrow(errors.CELL_TOO_LONG);
  expect(sheet.getRange('A1').getValue()).toBe('');
  expect(() => sheet.getRange('A1').setValue(long)).toThrow(errors.CELL_TOO_LONG);
  expect(() => sheet.appendRow(['a', long])).toThrow(errors.CELL_TOO_LONG);
  expect(sheet.getLastRow()).toBe(0);
  sheet.getRange('A1').setValue('x'.repeat(50000));
  expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
});

test('Sheet.insertImage refuses a blob over 2 MB', () => {
  const emu = createEmulator(VN);
  const sheet = emu.spreadsheet.getSheets()[0];
  const gif = (n: number): Blob => emu.Utilities.newBlob(new Array<number>(n).fill(71) as unknown as GoogleAppsScript.Byte[], 'image/gif');
  expect(() => sheet.insertImage(gif(2 * 1024 * 1024 + 1), 1, 1)).toThrow(errors.IMAGE_TOO_LARGE);
  expect(sheet.getImages()).toHaveLength(0);
  sheet.insertImage(gif(1000), 1, 1);
  expect(sheet.getImages()).toHaveLength(1);
});

test('sharedDrive: Spreadsheet.getOwner() is null, as Google documents for a file in a shared drive', () => {
  expect(createEmulator({ ...VN, sharedDrive: true }).spreadsheet.getOwner()).toBeNull();
  expect(createEmulator(VN).spreadsheet.getOwner()?.getEmail()).toBe('btc@quandoan11.vn');
});

test('a clock trigger has no editor to show a UI in: SpreadsheetApp.getUi() throws; the menu run and an edit trigger keep it', () => {
  const emu = createEmulator({ ...VN, throwTriggerErrors: false });
  emu.setNow(new Date('2025-01-01T00:00:00Z'));
  const seen: string[] = [];
  emu.setHandlers({
    tick: () => {
      emu.SpreadsheetApp.getUi().alert('x');
    },
    edited: () => void seen.push(typeof emu.SpreadsheetApp.getUi().alert),
  });
  emu.ScriptApp.newTrigger('tick').timeBased().after(60000).create();
  emu.ScriptApp.newTrigger('edited').forSpreadsheet(emu.spreadsheet).onEdit().create();
  emu.runTimeTriggers(new Date('2025-01-01T00:01:00Z'));
  expect(String(emu.triggerRuns[0].error)).toContain(errors.UI_FROM_THIS_CONTEXT);
  emu.editCell(emu.spreadsheet.getSheets()[0].getName(), 'A1', 'x');
  expect(seen).toEqual(['function']);
  expect(() => emu.SpreadsheetApp.getUi()).not.toThrow();
});
