// Spreadsheet emulation: A1 ranges, values as Google stores them, dimension errors, display values, sheets.
import { createEmulator, errors } from '../src';
import { VN } from './options';

function setup() {
  const emu = createEmulator(VN);
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return { emu, ss, sheet };
}

describe('A1 notation and ranges', () => {
  test('single cells, rectangles and row/column forms address the same cells', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D5');
    // B=2, D=4 → 3 columns; rows 2..5 → 4 rows
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 4, 3]);
    expect(r.getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange(2, 2, 4, 3).getA1Notation()).toBe('B2:D5');
    expect(() => sheet.getRange(1, 27)).toThrow(errors.OUT_OF_SHEET); // new sheets have 26 columns
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange(1, 27).getA1Notation()).toBe('AA1'); // column 27 is AA
    expect(sheet.getRange('d5:b2').getA1Notation()).toBe('B2:D5');
  });

  test('whole columns keep their open notation and span the sheet', () => {
    const { sheet } = setup();
    const col = sheet.getRange('A:C');
    expect(col.getA1Notation()).toBe('A:C');
    expect(col.getNumRows()).toBe(1000); // new sheets have 1000 rows
    expect(sheet.getRange('A2:B').getNumRows()).toBe(999);
    expect(sheet.getRange('3:4').getNumColumns()).toBe(26);
  });

  test('bad references and out-of-grid ranges fail like Google', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    expect(() => sheet.getRange('hello')).toThrow('Range not found');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow(errors.OUT_OF_SHEET);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  test('spreadsheet-level A1 with a sheet name', () => {
    const { ss } = setup();
    ss.insertSheet('Bài dự thi').getRange('C3').setValue('x');
    expect(ss.getRange("'Bài dự thi'!C3").getValue()).toBe('x');
  });
});

describe('values', () => {
  test('setValues/getValues round-trip numbers, text, booleans and dates; blanks read as ""', () => {
    const { sheet } = setup();
    const d = new Date('2025-03-01T02:00:00Z');
    sheet.getRange('A1:C2').setValues([
      [1.5, 'chữ', true],
      [d, '', null],
    ]);
    const v = sheet.getRange('A1:D3').getValues();
    expect(v[0]).toEqual([1.5, 'chữ', true, '']);
    expect(v[1][0]).toEqual(d);
    expect(v[1][0]).not.toBe(d); // a copy, like Google
    expect(v[2]).toEqual(['', '', '', '']);
  });

  test("wrong data shape gives Google's messages and writes nothing", () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('text that looks like a number becomes a number (leading zero lost), as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['123'], ['0901234567'], ['9,5']]);
    // vi_VN: the decimal separator is a comma, so "9,5" is 9.5
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[123], [901234567], [9.5]]);
  });

  test('formula injection: "=", "+", "-", "@" text becomes a formula; an apostrophe or "@" format keeps it text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([['=IMPORTXML("http://x","//a")'], ['+84 90 123 4567'], ["'=1+1"], ["'+84 90"]]);
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([['=IMPORTXML("http://x","//a")'], ['=+84 90 123 4567'], [''], ['']]);
    // not evaluated: a formula reads "", a failed parse reads "#ERROR!"
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[''], ['#ERROR!'], ['=1+1'], ['+84 90']]);
    const text = sheet.getRange('B1').setNumberFormat('@');
    text.setValue('=SUM(1)');
    expect(text.getFormula()).toBe('');
    expect(text.getValue()).toBe('=SUM(1)');
  });

  test('negative numbers are numbers, not formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('-5');
    expect(sheet.getRange('A1').getValue()).toBe(-5);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('last row/column, data range and appendRow', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c', 'd', 'e']);
    sheet.getRange('B5').setValue('x');
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.appendRow(['f']);
    expect(sheet.getRange('A6').getValue()).toBe('f');
  });

  test('writing past the grid fails; insertRowsAfter grows it', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(999, 1, 5, 1)).toThrow(errors.OUT_OF_SHEET);
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    expect(sheet.getMaxRows()).toBe(1010);
    sheet.getRange(999, 1, 5, 1).setValues([[1], [2], [3], [4], [5]]);
    expect(sheet.getLastRow()).toBe(1003);
  });

  test('inserting rows in the middle moves values, notes and validation down', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A2').setNote('hai');
    sheet.getRange('A3').setDataValidation(emu.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build());
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getRange('A4').getNote()).toBe('hai');
    expect(sheet.getRange('A5').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A2').getValue()).toBe(2);
  });
});

describe('display values and formats', () => {
  test('numbers, booleans and dates display like Sheets in vi_VN', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1');
    r.setValues([[1234.5, true, new Date('2025-03-01T01:30:00Z'), 0.25]]);
    sheet.getRange('C1').setNumberFormat('dd/mm/yyyy hh:mm');
    sheet.getRange('D1').setNumberFormat('0%');
    // 1234.5 in vi_VN → "1234,5"; 01:30 UTC is 08:30 in Asia/Ho_Chi_Minh
    expect(r.getDisplayValues()).toEqual([['1234,5', 'TRUE', '01/03/2025 08:30', '25%']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1.234,50');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1').setNumberFormat('#,##0" đ"');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1.235 đ'); // 1234.5 rounds to 1235
    sheet.getRange('A1').setNumberFormat('0.0;(0.0)');
    sheet.getRange('A1').setValue(-2.25);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('(2,3)');
  });

  test('en_US locale and the default date-time display follow the spreadsheet time zone', () => {
    const emu = createEmulator({ ...VN, locale: 'en_US', timeZone: 'UTC' });
    const sheet = emu.spreadsheet.getActiveSheet();
    expect(sheet.getName()).toBe('Sheet1');
    sheet.getRange('A1:B1').setValues([[new Date('2025-03-01T01:30:05Z'), 1234.5]]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['3/1/2025 1:30:05', '1234.5']]);
  });

  test('formatting calls are recorded per cell', () => {
    const { sheet } = setup();
    const header = sheet.getRange('A1:C1');
    header.setFontWeight('bold').setBackground('#fce5cd').setWrap(true).setHorizontalAlignment('center');
    expect(header.getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
    expect(sheet.getRange('B1').getBackground()).toBe('#fce5cd');
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
  });
});

describe('sheets', () => {
  test('insert, rename, duplicate names, delete, hide, freeze', () => {
    const { ss, sheet } = setup();
    expect(sheet.getName()).toBe('Trang tính1');
    const a = ss.insertSheet('Cấu hình');
    expect(ss.getActiveSheet().getName()).toBe('Cấu hình'); // insertSheet activates the new sheet
    ss.insertSheet('Đầu', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Đầu', 'Trang tính1', 'Cấu hình']);
    expect(() => ss.insertSheet('cấu hình')).toThrow('A sheet with the name "cấu hình" already exists. Please enter another name.');
    expect(() => sheet.setName('Cấu hình')).toThrow('already exists');
    a.setFrozenRows(1);
    expect(a.getFrozenRows()).toBe(1);
    a.hideSheet();
    expect(a.isSheetHidden()).toBe(true);
    ss.deleteSheet(a);
    expect(ss.getSheetByName('Cấu hình')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('Đầu')!);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  test('ids, urls, time zone and openById', () => {
    const { emu, ss } = setup();
    expect(ss.getId()).toMatch(/^1[A-Za-z0-9_-]{43}$/);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    ss.setSpreadsheetTimeZone('UTC');
    expect(ss.getSpreadsheetTimeZone()).toBe('UTC');
    expect(emu.SpreadsheetApp.openById(ss.getId()).getName()).toBe(ss.getName());
    expect(ss.getActiveSheet().getSheetId()).toBe(0); // the first sheet is gid 0
  });

  test('images and column widths are recorded', () => {
    const { emu, sheet } = setup();
    const blob = emu.Utilities.newBlob([71, 73, 70], 'image/gif', 'qr.gif');
    sheet.insertImage(blob, 2, 3);
    expect(sheet.getImages()[0].getAnchorCell().getA1Notation()).toBe('B3');
    expect(emu.images(sheet.getName())[0]).toMatchObject({ a1: 'B3', contentType: 'image/gif', name: 'qr.gif' });
    sheet.setColumnWidths(1, 3, 150);
    expect(sheet.getColumnWidth(2)).toBe(150);
  });
});
