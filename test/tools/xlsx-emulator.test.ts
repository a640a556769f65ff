// Loading .xlsx files into the emulator and saving the emulator's spreadsheet as .xlsx, under TZ=UTC.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createEmulator } from '../../src/emulator';
import { loadWorkbookIntoEmulator, saveEmulatorToXlsx } from '../../tools/xlsx';

let dir: string;
const savedTz = process.env.TZ;

beforeAll(() => {
  // The machine's zone must not leak into dates: the contest zone is UTC+7, the process zone UTC.
  process.env.TZ = 'UTC';
  dir = mkdtempSync(join(tmpdir(), 'hoithi-xlsx-em-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env.TZ = savedTz;
});

describe('saveEmulatorToXlsx', () => {
  test('writes every sheet with a bold frozen header, checkboxes as TRUE/FALSE and dates in the contest wall clock', async () => {
    const em = createEmulator();
    const ss = em.spreadsheet;
    const sheet = ss.insertSheet('Thẩm định');
    sheet.getRange(1, 1, 1, 4).setValues([['Mã bài', 'TT1', 'Thời gian thẩm định', 'Điện thoại']]);
    sheet.getRange(2, 2, 2, 1).insertCheckboxes();
    sheet.getRange(2, 1, 2, 4).setValues([
      ['HT-001', true, new Date('2023-06-11T01:30:00Z'), "'0901234567"],
      ['HT-002', false, '', "'+84 903 456 789"],
    ]);
    sheet.getRange(1, 1, 1, 4).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 100);
    const out = join(dir, 'saved.xlsx');
    await saveEmulatorToXlsx(ss, out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The emulator's blank first sheet ("Trang tính1") is left out; every other sheet is written.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thẩm định']);
    const ws = wb.getWorksheet('Thẩm định')!;
    expect(ws.getCell('B2').value).toBe(true);
    expect(ws.getCell('B3').value).toBe(false);
    // 01:30Z is 08:30 in Ho Chi Minh City: the file shows 11/06/2023 08:30.
    expect((ws.getCell('C2').value as Date).toISOString()).toBe('2023-06-11T08:30:00.000Z');
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy hh:mm');
    // Phone numbers stay text (leading zero and plus sign kept).
    expect(ws.getCell('D2').value).toBe('0901234567');
    expect(ws.getCell('D3').value).toBe('+84 903 456 789');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('saveEmulatorToXlsx: which sheets and which validations', () => {
  test('a blank sheet the organizer named is kept; a default-named one with content is kept', async () => {
    const em = createEmulator();
    em.spreadsheet.insertSheet('Ghi chú BTC');
    em.spreadsheet.insertSheet('Trang tính2').getRange('A1').setValue('nháp');
    const out = join(dir, 'sheets.xlsx');
    await saveEmulatorToXlsx(em.spreadsheet, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ghi chú BTC', 'Trang tính2']);
  });

  test('checkboxes, lists and number ranges survive emulator → .xlsx → emulator, down to rows not typed yet', async () => {
    const em = createEmulator();
    const sheet = em.spreadsheet.insertSheet('Thẩm định');
    const app = em.SpreadsheetApp;
    sheet.getRange(1, 1, 1, 4).setValues([['Mã bài', 'TT1', 'Kết quả', 'Điểm']]);
    sheet.getRange(2, 1, 1, 4).setValues([['HT-001', true, 'Đạt', 8.5]]);
    sheet.getRange('B2:B20').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('C2:C20').setDataValidation(app.newDataValidation().requireValueInList(['Đạt', 'Không đạt']).setAllowInvalid(false).build());
    sheet.getRange('D2:D20').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(true).build());
    // A URL rule has no .xlsx equivalent worth writing: left out, the rest still written.
    sheet.getRange('A2:A20').setDataValidation(app.newDataValidation().requireTextIsUrl().build());
    const out = join(dir, 'rules.xlsx');
    await saveEmulatorToXlsx(em.spreadsheet, out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Thẩm định')!;
    // Row 15 has no value: the rule is there for the next clip.
    expect(ws.getCell('B15').dataValidation).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    expect(ws.getCell('C15').dataValidation).toMatchObject({ type: 'list', formulae: ['"Đạt,Không đạt"'], errorStyle: 'stop' });
    expect(ws.getCell('D15').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10], errorStyle: 'warning' });
    expect(ws.getCell('A15').dataValidation).toBeUndefined();
    // Past the rules' last row (20) there is none.
    expect(ws.getCell('B21').dataValidation).toBeUndefined();

    const em2 = createEmulator();
    await loadWorkbookIntoEmulator(out, em2);
    const back = em2.spreadsheet.getSheetByName('Thẩm định')!;
    const rule = (a1: string): GoogleAppsScript.Spreadsheet.DataValidation => back.getRange(a1).getDataValidation()!;
    expect(String(rule('B15').getCriteriaType())).toBe('CHECKBOX');
    expect(String(rule('C15').getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule('C15').getCriteriaValues()[0]).toEqual(['Đạt', 'Không đạt']);
    expect(rule('C15').getAllowInvalid()).toBe(false);
    expect(String(rule('D15').getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(rule('D15').getCriteriaValues()).toEqual([0, 10]);
    expect(rule('D15').getAllowInvalid()).toBe(true);
    expect(back.getRange('B2').getValue()).toBe(true);
  });
});

describe('loadWorkbookIntoEmulator', () => {
  async function tricky(path: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bài dự thi', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(['Mã bài', 'Thời gian nộp', 'Tên tác phẩm', 'Điện thoại', 'Điểm', 'Ghi chú', 'Hợp lệ']);
    ws.getRow(1).font = { bold: true };
    ws.addRow(['HT-001', new Date('2023-06-10T23:59:00Z'), '=IMPORTXML("http://x","//a")', '0901234567', '9,5', 'TRUE', true]);
    ws.addRow(['HT-002', new Date('2023-06-11T00:04:00Z'), "'Trích dẫn'", '+84 90', 8.5, '2023-06-01', false]);
    await wb.xlsx.writeFile(path);
  }

  test('text stays exactly as in the file (no formulas, numbers, booleans or dates made from text)', async () => {
    const path = join(dir, 'tricky.xlsx');
    await tricky(path);
    const em = createEmulator();
    const report = await loadWorkbookIntoEmulator(path, em);
    expect(report.timeZone).toBe('Asia/Ho_Chi_Minh');
    // The emulator's empty first sheet is dropped; the file's sheet is there.
    expect(em.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Bài dự thi']);
    const sheet = em.spreadsheet.getSheetByName('Bài dự thi')!;
    const values = sheet.getDataRange().getValues();
    expect(values[1]).toEqual([
      'HT-001',
      // File wall clock 10/06/2023 23:59 in UTC+7 = 16:59Z.
      new Date('2023-06-10T16:59:00.000Z'),
      '=IMPORTXML("http://x","//a")',
      '0901234567',
      '9,5',
      'TRUE',
      true,
    ]);
    expect(values[2]).toEqual(['HT-002', new Date('2023-06-10T17:04:00.000Z'), "'Trích dẫn'", '+84 90', 8.5, '2023-06-01', false]);
    // Nothing became a formula.
    expect(sheet.getDataRange().getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
  });

  test('load → save → load gives the same values', async () => {
    const path = join(dir, 'tricky2.xlsx');
    await tricky(path);
    const em1 = createEmulator();
    await loadWorkbookIntoEmulator(path, em1);
    const again = join(dir, 'again.xlsx');
    await saveEmulatorToXlsx(em1.spreadsheet, again);
    const em2 = createEmulator();
    await loadWorkbookIntoEmulator(again, em2);
    const a = em1.spreadsheet.getSheetByName('Bài dự thi')!.getDataRange().getValues();
    const b = em2.spreadsheet.getSheetByName('Bài dự thi')!.getDataRange().getValues();
    expect(b).toEqual(a);
  });
});
