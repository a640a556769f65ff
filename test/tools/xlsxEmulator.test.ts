// Loading .xlsx files into the emulator and saving the emulator's spreadsheet as .xlsx, under TZ=UTC.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createContestEmulator } from '../sample/emulator';
import { loadWorkbookIntoEmulator, readXlsx, saveEmulatorToXlsx } from '../../tools/xlsx';

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
    const em = createContestEmulator();
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
    const em = createContestEmulator();
    em.spreadsheet.insertSheet('Ghi chú BTC');
    em.spreadsheet.insertSheet('Trang tính2').getRange('A1').setValue('nháp');
    const out = join(dir, 'sheets.xlsx');
    await saveEmulatorToXlsx(em.spreadsheet, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ghi chú BTC', 'Trang tính2']);
  });

  test('checkboxes, lists and number ranges survive emulator → .xlsx → emulator, down to rows not typed yet', async () => {
    const em = createContestEmulator();
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

    const em2 = createContestEmulator();
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

describe('formats: plain-text columns and grey rows', () => {
  /** A "Cấu hình"-like sheet: "Giá trị" plain text down to the last row; a jury tab with a greyed conflict row. */
  function contestLike(): ReturnType<typeof createContestEmulator> {
    const em = createContestEmulator();
    const config = em.spreadsheet.insertSheet('Cấu hình');
    config.getRange(2, 2, config.getMaxRows() - 1, 1).setNumberFormat('@');
    config.getRange(1, 1, 3, 3).setValues([
      ['Thiết lập', 'Giá trị', 'Ghi chú'],
      ['Tỷ lệ điểm BGK (%)', '40', ''],
      ['Điện thoại BTC', '0901234567', 'số 0 ở đầu'],
    ]);
    config.getRange(2, 3, 2, 1).setNumberFormat('0.00');
    const tab = em.spreadsheet.insertSheet('BGK - Giám khảo 1');
    tab.getRange(1, 1, 4, 3).setValues([
      ['Mã bài', 'Điểm', 'Tổng'],
      ['HT-001', 80, 80],
      ['HT-002', '', 'Cùng đơn vị – không chấm'],
      ['HT-003', 75.5, 75.5],
    ]);
    tab.getRange(3, 1, 1, 3).setBackground('#d9d9d9');
    return em;
  }

  test('the file holds "@" on the text cells and down the column, "0.00" on numbers, and the grey fill on blank cells too', async () => {
    const em = contestLike();
    const out = join(dir, 'formats.xlsx');
    await saveEmulatorToXlsx(em.spreadsheet, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const config = wb.getWorksheet('Cấu hình')!;
    expect(config.getCell('B2').value).toBe('40');
    expect(config.getCell('B2').numFmt).toBe('@');
    expect(config.getCell('B3').numFmt).toBe('@');
    // The header is not text-formatted; row 500 (not typed yet) is, through the column's own format.
    expect(config.getCell('B1').numFmt).toBeUndefined();
    expect(config.getColumn(2).style.numFmt).toBe('@');
    expect(config.getColumn(3).style?.numFmt).toBeUndefined();
    // "0.00" was set on C2:C3, which hold text/blank: kept on the blank C2 only (a format on text means nothing).
    expect(config.getCell('C2').numFmt).toBe('0.00');
    const tab = wb.getWorksheet('BGK - Giám khảo 1')!;
    for (const a1 of ['A3', 'B3', 'C3']) expect(tab.getCell(a1).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    // B3 is blank and still written (grey); white rows get no fill.
    expect(tab.getCell('B3').value).toBeNull();
    expect(tab.getCell('A2').fill).toBeUndefined();
  });

  test('save → load → save keeps the formats and backgrounds (what score --out does)', async () => {
    const em1 = contestLike();
    const first = join(dir, 'formats1.xlsx');
    await saveEmulatorToXlsx(em1.spreadsheet, first);
    const em2 = createContestEmulator();
    await loadWorkbookIntoEmulator(first, em2);
    for (const name of ['Cấu hình', 'BGK - Giám khảo 1']) {
      const a = em1.spreadsheet.getSheetByName(name)!;
      const b = em2.spreadsheet.getSheetByName(name)!;
      expect(b.getDataRange().getValues()).toEqual(a.getDataRange().getValues());
      expect(b.getDataRange().getBackgrounds()).toEqual(a.getDataRange().getBackgrounds());
    }
    const config = em2.spreadsheet.getSheetByName('Cấu hình')!;
    // "Giá trị" is plain text from row 2 to the last row (1000), the header not; C2 keeps "0.00".
    expect(config.getMaxRows()).toBe(1000);
    expect(config.getRange(1, 2, 1000, 1).getNumberFormats().flat()).toEqual(['0.###############', ...Array(999).fill('@')]);
    expect(config.getRange('C2').getNumberFormat()).toBe('0.00');
    const tab = em2.spreadsheet.getSheetByName('BGK - Giám khảo 1')!;
    expect(tab.getRange('A3:C3').getBackgrounds()).toEqual([['#d9d9d9', '#d9d9d9', '#d9d9d9']]);
    expect(tab.getRange('A2').getBackground()).toBe('#ffffff');

    // Written again, the second file says the same as the first.
    const second = join(dir, 'formats2.xlsx');
    await saveEmulatorToXlsx(em2.spreadsheet, second);
    const [d1, d2] = await Promise.all([readXlsx(first, 'Asia/Ho_Chi_Minh'), readXlsx(second, 'Asia/Ho_Chi_Minh')]);
    for (const [s1, s2] of d1.sheets.map((s, i) => [s, d2.sheets[i]])) {
      expect(s2.numberFormats).toEqual(s1.numberFormats);
      expect(s2.columnFormats).toEqual(s1.columnFormats);
      expect(s2.backgrounds).toEqual(s1.backgrounds);
    }
    expect(d1.sheets.find((s) => s.name === 'Cấu hình')!.numberFormats.map((r) => r[1])).toEqual(['', '@', '@']);
    // So a phone typed later in a new row stays text, leading zero kept.
    config.getRange('B10').setValue('0912345678');
    expect(config.getRange('B10').getValue()).toBe('0912345678');
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
    const em = createContestEmulator();
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
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
  });

  test('load → save → load gives the same values', async () => {
    const path = join(dir, 'tricky2.xlsx');
    await tricky(path);
    const em1 = createContestEmulator();
    await loadWorkbookIntoEmulator(path, em1);
    const again = join(dir, 'again.xlsx');
    await saveEmulatorToXlsx(em1.spreadsheet, again);
    const em2 = createContestEmulator();
    await loadWorkbookIntoEmulator(again, em2);
    const a = em1.spreadsheet.getSheetByName('Bài dự thi')!.getDataRange().getValues();
    const b = em2.spreadsheet.getSheetByName('Bài dự thi')!.getDataRange().getValues();
    expect(b).toEqual(a);
  });
});
