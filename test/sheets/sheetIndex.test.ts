// One action's sheets by name: each name asked once, the list read once, inserts and renames kept in step.
import { SheetIndex } from '../../src/sheets/sheetIndex';
import { newEmulator } from '../flows/fixture';

test('before the list: one getSheetByName per name (missing names too), ignoring case', () => {
  const emu = newEmulator();
  emu.spreadsheet.insertSheet('Đơn vị');
  const index = new SheetIndex(emu.spreadsheet);
  emu.calls.reset();
  expect(index.getSheetByName('Đơn vị')?.getName()).toBe('Đơn vị');
  expect(index.getSheetByName('đơn VỊ')?.getName()).toBe('Đơn vị');
  expect(index.getSheetByName('Không có')).toBeNull();
  expect(index.getSheetByName('Không có')).toBeNull();
  expect(emu.calls.count('Spreadsheet.getSheetByName')).toBe(2);
});

test('after the list every lookup is free; inserted sheets go last and are found, renamed sheets by their new name only', () => {
  const emu = newEmulator();
  emu.spreadsheet.insertSheet('A');
  emu.spreadsheet.insertSheet('B', 0);
  const index = new SheetIndex(emu.spreadsheet);
  const names = index.list().map((s) => s.name);
  emu.calls.reset();
  const c = index.insertSheetLast('C');
  const d = index.insertSheetLast('D');
  expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual([...names, 'C', 'D']);
  emu.calls.reset();
  expect(index.getSheetByName('c')).toBe(c);
  expect(index.list().map((s) => s.name)).toEqual([...names, 'C', 'D']);
  index.rename(d, 'D', 'Đ');
  expect(index.getSheetByName('D')).toBeNull();
  expect(index.getSheetByName('Đ')).toBe(d);
  expect(index.list().map((s) => s.name)).toEqual([...names, 'C', 'Đ']);
  // Only the rename reached the spreadsheet.
  expect(emu.calls.total()).toBe(1);
  expect(emu.spreadsheet.getSheetByName('Đ')?.getName()).toBe('Đ');
});

test('inserting before any list counts the sheets once (getNumSheets), not once per sheet', () => {
  const emu = newEmulator();
  const index = new SheetIndex(emu.spreadsheet);
  emu.calls.reset();
  index.insertSheetLast('X');
  index.insertSheetLast('Y');
  expect(emu.calls.count('Spreadsheet.getNumSheets')).toBe(1);
  expect(emu.calls.count('Spreadsheet.getSheets')).toBe(0);
  expect(
    emu.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .slice(-2),
  ).toEqual(['X', 'Y']);
  expect(index.getSheetByName('y')?.getName()).toBe('Y');
});
