// jest's toEqual on emulated objects: different sheets or ranges differ, the same one is equal, internals stay hidden.
import { createEmulator } from '../src';
import { VN } from './options';

describe('toEqual on emulated objects', () => {
  const emu = createEmulator(VN);
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
  const first = ss.getActiveSheet();
  const other = ss.insertSheet('Bài dự thi');

  test('two different sheets are not equal, even when both are empty', () => {
    expect(first).not.toEqual(other);
    expect([first]).not.toEqual([other]);
    expect({ sheet: first }).not.toEqual({ sheet: other });
  });

  test('the same sheet is equal however it is reached', () => {
    expect(ss.getSheetByName('Bài dự thi')).toEqual(other);
    expect(ss.getSheets()[0]).toEqual(first);
    expect(first).toEqual(first);
  });

  test('ranges are equal when they cover the same cells of the same sheet', () => {
    // Each getRange returns a new object, as in Apps Script; what they refer to decides.
    expect(first.getRange('A1:B2')).toEqual(first.getRange(1, 1, 2, 2));
    expect(first.getRange('A1')).not.toEqual(first.getRange('A2'));
    expect(first.getRange('A1')).not.toEqual(other.getRange('A1'));
  });

  test('comparing makes no counted call, and internals and missing APIs behave as before', () => {
    emu.calls.reset();
    expect(first).not.toEqual(other);
    expect(emu.calls.total()).toBe(0);
    expect(Object.keys(first)).toEqual([]); // "_" fields are neither readable nor listed
    expect((first as unknown as Record<string, unknown>)._values).toBeUndefined();
    const sheet = first as unknown as Record<string, () => unknown>;
    expect(() => sheet.createFilter()).toThrow('not emulated: Sheet.createFilter');
    first.getRange('A1').getValues();
    expect(emu.calls.byMethod()).toEqual({ 'Range.getValues': 1, 'Sheet.getRange': 1 });
  });
});
