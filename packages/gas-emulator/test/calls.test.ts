// Call counting per method, and the "not emulated" guard on every API the emulator lacks.
import { createEmulator } from '../src';
import { VN } from './options';

test('every public call is counted by Class.method; internal work is not', () => {
  const emu = createEmulator(VN);
  emu.calls.reset();
  const sheet = emu.SpreadsheetApp.getActiveSpreadsheet()!.getActiveSheet();
  sheet.getRange('A1:C100').setValues(Array.from({ length: 100 }, () => [1, 2, 3]));
  sheet.getDataRange().getValues();
  emu.SpreadsheetApp.flush();
  // getActiveSpreadsheet, getActiveSheet, getRange, setValues, getDataRange, getValues, flush = 7
  expect(emu.calls.total()).toBe(7);
  expect(emu.calls.byMethod()).toEqual({
    'Range.getValues': 1,
    'Range.setValues': 1,
    'Sheet.getDataRange': 1,
    'Sheet.getRange': 1,
    'Spreadsheet.getActiveSheet': 1,
    'SpreadsheetApp.flush': 1,
    'SpreadsheetApp.getActiveSpreadsheet': 1,
  });
  expect(emu.calls.count('Range.setValues')).toBe(1);
  expect(emu.flushCount()).toBe(1);
});

test('calls do not grow with the number of rows written in one batch', () => {
  const emu = createEmulator(VN);
  const sheet = emu.spreadsheet.getActiveSheet();
  emu.calls.reset();
  sheet.getRange(1, 1, 10, 2).setValues(Array.from({ length: 10 }, () => ['a', 1]));
  const small = emu.calls.total();
  sheet.insertRowsAfter(sheet.getMaxRows(), 5000);
  emu.calls.reset();
  sheet.getRange(1, 1, 5000, 2).setValues(Array.from({ length: 5000 }, () => ['a', 1]));
  expect(emu.calls.total()).toBe(small); // 2: getRange + setValues
});

test('unimplemented methods throw "not emulated: Class.method" instead of passing silently', () => {
  const emu = createEmulator(VN);
  const range = emu.spreadsheet.getActiveSheet().getRange('A1') as unknown as Record<string, () => unknown>;
  expect(() => range.createFilter()).toThrow('not emulated: Range.createFilter');
  const app = emu.SpreadsheetApp as unknown as Record<string, unknown>;
  expect(() => app.ColorType).toThrow('not emulated: SpreadsheetApp.ColorType');
  const item = emu.FormApp.create('x').addTextItem() as unknown as Record<string, () => unknown>;
  expect(() => item.setChoiceValues()).toThrow('not emulated: TextItem.setChoiceValues');
  expect(() => {
    (emu.Session as unknown as Record<string, unknown>).foo = 1;
  }).toThrow('not emulated');
});

test("the emulator's own helper methods are not part of the Apps Script surface", () => {
  const emu = createEmulator(VN);
  const range = emu.spreadsheet.getActiveSheet().getRange('A1') as unknown as Record<string, () => unknown>;
  // Range has no guard()/each() in Google; the emulator's helpers are "_"-prefixed and hidden by the proxy.
  expect(() => range.guard()).toThrow('not emulated: Range.guard');
  expect(() => range.each()).toThrow('not emulated: Range.each');
  const form = emu.FormApp.create('x') as unknown as Record<string, () => unknown>;
  expect(() => form.add()).toThrow('not emulated: Form.add');
  const builder = emu.FormApp.createTextValidation() as unknown as Record<string, () => unknown>;
  expect(() => builder.set()).toThrow('not emulated: TextValidationBuilder.set');
});

test('jest.spyOn works on emulated objects and spied calls are still counted', () => {
  const emu = createEmulator(VN);
  const spy = jest.spyOn(emu.SpreadsheetApp, 'flush');
  emu.calls.reset();
  emu.SpreadsheetApp.flush();
  expect(spy).toHaveBeenCalledTimes(1);
  expect(emu.flushCount()).toBe(1); // the real flush ran through the spy
  spy.mockRestore();
  emu.SpreadsheetApp.flush();
  expect(emu.calls.count('SpreadsheetApp.flush')).toBe(2); // the spy wraps the counting method: 1 spied + 1 after restore
});

test('emulator objects print and compare in jest without tripping the guard', () => {
  const emu = createEmulator(VN);
  const a = emu.spreadsheet.getActiveSheet();
  expect(a).toBe(emu.spreadsheet.getSheets()[0]); // stable identity
  // JSON.stringify probes toJSON, which the guard answers with undefined instead of "not emulated".
  expect(JSON.stringify(a)).toBe('{}');
  // A failing matcher prints both objects in its message: jest's printer probes $$typeof, nodeType…
  // Had printing tripped the guard, the error would read "not emulated: Sheet.…" instead.
  const other = emu.spreadsheet.insertSheet('Trang khác');
  expect(() => expect(a).toBe(other)).toThrow(/Object\.is equality/);
  expect(String(emu.Session.getActiveUser())).toBe('btc@quandoan11.vn');
});
