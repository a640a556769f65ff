// .xlsx reading and writing: values, formulas, rich text, checkboxes, headers and time zones.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { imageSize, readXlsx, writeXlsx, xlsxWallToInstant, instantToXlsxWall, timeZoneFromSettings } from '../../tools/xlsx';
import { qrGifBytes } from '../../src/forms/qr';

const HCM = 'Asia/Ho_Chi_Minh';
let dir: string;
const savedTz = process.env.TZ;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hoithi-xlsx-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env.TZ = savedTz;
});

describe('wall clock ↔ instant', () => {
  // The machine's zone must not matter: run the same checks under several process zones.
  for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
    test(`deadline 10/06/2023 23:59 in Ho Chi Minh City under TZ=${tz}`, () => {
      process.env.TZ = tz;
      // HCM is UTC+7 all year: 23:59 wall = 16:59Z.
      expect(xlsxWallToInstant(new Date('2023-06-10T23:59:00Z'), HCM).toISOString()).toBe('2023-06-10T16:59:00.000Z');
      expect(instantToXlsxWall(new Date('2023-06-10T16:59:00Z'), HCM).toISOString()).toBe('2023-06-10T23:59:00.000Z');
      // Midnight wall 12/06 00:00 = 11/06 17:00Z (the day changes).
      expect(xlsxWallToInstant(new Date('2023-06-12T00:00:00Z'), HCM).toISOString()).toBe('2023-06-11T17:00:00.000Z');
    });
  }

  test('zones with daylight saving convert both ways', () => {
    // New York in June is UTC−4: 09:30 wall = 13:30Z; in January UTC−5: 09:30 = 14:30Z.
    expect(xlsxWallToInstant(new Date('2023-06-10T09:30:00Z'), 'America/New_York').toISOString()).toBe('2023-06-10T13:30:00.000Z');
    expect(xlsxWallToInstant(new Date('2023-01-10T09:30:00Z'), 'America/New_York').toISOString()).toBe('2023-01-10T14:30:00.000Z');
    expect(instantToXlsxWall(new Date('2023-01-10T14:30:00Z'), 'America/New_York').toISOString()).toBe('2023-01-10T09:30:00.000Z');
  });
});

describe('writeXlsx → file → readXlsx', () => {
  const deadline = new Date('2023-06-10T16:59:00Z'); // 10/06/2023 23:59 in HCM

  beforeAll(async () => {
    process.env.TZ = 'UTC';
    await writeXlsx(
      [
        {
          name: 'Thẩm định',
          frozenRows: 1,
          values: [
            ['Mã bài', 'Tên tác phẩm', 'TT1', 'TT2', 'Thời gian thẩm định', 'Điểm'],
            ['HT-001', '=IMPORTXML("http://x","//a")', true, '', deadline, 8.5],
            ['HT-002', 'Tuổi trẻ Quận 11', false, true, '', 0],
          ],
          checkboxes: [
            [false, false, false, false, false, false],
            [false, false, true, true, false, false],
            [false, false, true, true, false, false],
          ],
        },
        { name: 'Trống', frozenRows: 0, values: [] },
      ],
      join(dir, 'a.xlsx'),
      HCM,
    );
  });

  test('the file holds real booleans, a real date cell in the contest wall clock, and a bold frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const ws = wb.getWorksheet('Thẩm định')!;
    expect(ws.getCell('C2').value).toBe(true);
    // A blank checkbox is an unticked one: FALSE, not an empty cell.
    expect(ws.getCell('D2').value).toBe(false);
    const date = ws.getCell('E2');
    expect(date.value).toBeInstanceOf(Date);
    // exceljs dates carry the wall clock in their UTC fields: 23:59 on 10/06, not 16:59.
    expect((date.value as Date).toISOString()).toBe('2023-06-10T23:59:00.000Z');
    expect(date.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The formula-like title is stored as text, not as a formula.
    expect(ws.getCell('B2').value).toBe('=IMPORTXML("http://x","//a")');
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
  });

  test('reading it back gives Sheets-like values and the same instant', async () => {
    const data = await readXlsx(join(dir, 'a.xlsx'), HCM);
    expect(data.sheets.map((s) => s.name)).toEqual(['Thẩm định', 'Trống']);
    const s = data.sheets[0];
    expect(s.frozenRows).toBe(1);
    expect(s.boldRows).toEqual([1]);
    expect(s.values[1]).toEqual(['HT-001', '=IMPORTXML("http://x","//a")', true, false, deadline, 8.5]);
    // Empty cells are "" and every row has the used range's width.
    expect(s.values[2]).toEqual(['HT-002', 'Tuổi trẻ Quận 11', false, true, '', 0]);
    expect(data.sheets[1].values).toEqual([]);
  });
});

describe('reading what other programs write', () => {
  test('formulas give their cached result, rich text and links give plain text, errors their code', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('BGK - Nguyễn Văn A');
    ws.getCell('A1').value = 'Điểm';
    ws.getCell('B1').value = 'Tổng';
    ws.getCell('C1').value = 'Ghi chú';
    ws.getCell('D1').value = 'Lỗi';
    ws.getCell('A2').value = 7;
    ws.getCell('B2').value = { formula: 'SUM(A2:A2)', result: 7 };
    ws.getCell('C2').value = { richText: [{ text: 'Rất ' }, { text: 'hay', font: { bold: true } }] };
    ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('A3').value = { text: 'xem clip', hyperlink: 'https://youtu.be/x' };
    // A formula no program has calculated yet has nothing cached: it reads as blank.
    ws.getCell('B3').value = { formula: 'A3*2' };
    // Trailing formatting without values must not grow the used range.
    ws.getCell('F10').font = { bold: true };
    await wb.xlsx.writeFile(join(dir, 'b.xlsx'));

    const data = await readXlsx(join(dir, 'b.xlsx'), HCM);
    expect(data.sheets[0].values).toEqual([
      ['Điểm', 'Tổng', 'Ghi chú', 'Lỗi'],
      [7, 7, 'Rất hay', '#DIV/0!'],
      ['xem clip', '', '', ''],
    ]);
  });

  test('the zone is taken from the workbook\'s "Múi giờ" setting when asked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cấu hình');
    ws.addRow(['Thiết lập', 'Giá trị', 'Ghi chú']);
    ws.addRow(['Hạn nộp bài', new Date('2023-06-10T23:59:00Z'), '']);
    ws.addRow(['Múi giờ', 'Asia/Tokyo', '']);
    await wb.xlsx.writeFile(join(dir, 'c.xlsx'));
    const data = await readXlsx(join(dir, 'c.xlsx'), (raw) => timeZoneFromSettings(raw) ?? HCM);
    // Tokyo is UTC+9: 23:59 wall = 14:59Z.
    expect((data.sheets[0].values[1][1] as Date).toISOString()).toBe('2023-06-10T14:59:00.000Z');
  });
});

describe('pictures', () => {
  test('a QR code GIF placed over a cell is written into the sheet at that cell, at its own size', async () => {
    const gif = Uint8Array.from(qrGifBytes('https://docs.google.com/forms/d/e/x/viewform'));
    const size = imageSize(gif)!;
    // A QR code is square; with 4 px modules and the quiet zone it is wider than 100 px.
    expect(size.width).toBe(size.height);
    expect(size.width).toBeGreaterThan(100);
    await writeXlsx(
      [
        {
          name: 'Mã QR',
          frozenRows: 1,
          values: [
            ['Đơn vị', 'Mã QR'],
            ['Đoàn phường 1', ''],
          ],
          images: [{ row: 2, column: 2, bytes: gif, contentType: 'image/gif' }],
        },
      ],
      join(dir, 'qr.xlsx'),
      HCM,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'qr.xlsx'));
    const images = wb.getWorksheet('Mã QR')!.getImages();
    expect(images).toHaveLength(1);
    // Anchored at B2 (0-based col 1, row 1).
    expect(Math.floor(images[0].range.tl.col)).toBe(1);
    expect(Math.floor(images[0].range.tl.row)).toBe(1);
    expect(wb.getImage(Number(images[0].imageId)).extension).toBe('gif');
  });
});
