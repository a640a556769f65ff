// Batched table I/O: columns found by header, one read, one write per column run, text kept as text.
import { defineSchema } from '../../src/sheets/schema';
import { adjacentRuns, appendRecords, readTable, replaceColumns, text, updateRows } from '../../src/sheets/table';
import { isContestError } from '../../src/sheets/errors';
import { newEmulator, OWNER } from '../flows/fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SCHEMA = defineSchema({
  name: 'Thử',
  protection: 'open',
  description: '',
  columns: [
    { key: 'id', header: 'Mã bài', role: 'input' },
    { key: 'title', header: 'Tên tác phẩm', role: 'input' },
    { key: 'score', header: 'Tổng điểm', role: 'computed' },
    { key: 'note', header: 'Ghi chú', role: 'computed', required: false },
  ],
});

function fresh(headers: string[], rows: unknown[][]): { emu: ReturnType<typeof newEmulator>; sheet: Sheet } {
  const emu = newEmulator();
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
  const sheet = ss.insertSheet('Thử') as unknown as Sheet;
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  if (rows.length) sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
  return { emu, sheet };
}

describe('readTable', () => {
  test('finds columns by header text whatever their order, spacing or case, with one getValues', () => {
    const { emu, sheet } = fresh(
      ['Extra', ' tổng  điểm ', 'TÊN TÁC PHẨM', 'Mã bài'],
      [
        ['x', 5, 'Clip A', 'HT-001'],
        ['', '', '', ''],
        ['y', '', 'Clip B', 'HT-002'],
      ],
    );
    emu.calls.reset();
    const t = readTable(sheet, SCHEMA);
    expect(emu.calls.byMethod()['Range.getValues'] ?? 0).toBe(1);
    expect(t.rows.map((r) => [r.row, text(t, r, 'id'), text(t, r, 'title')])).toEqual([
      [2, 'HT-001', 'Clip A'],
      [4, 'HT-002', 'Clip B'], // the blank row 3 is skipped but row numbers stay as the user sees them
    ]);
    expect(t.col.note).toBe(-1);
  });

  test('a missing required header is a Vietnamese error naming the sheet and header', () => {
    const { sheet } = fresh(['Mã bài', 'Tên tác phẩm'], []);
    try {
      readTable(sheet, SCHEMA);
      throw new Error('expected an error');
    } catch (e) {
      expect(isContestError(e)).toBe(true);
      expect((e as Error).message).toBe(
        'Trang "Thử" thiếu cột "Tổng điểm" ở dòng 1. Hãy thêm lại tiêu đề cột này hoặc chạy "Hội thi → Thiết lập hội thi" để sửa.',
      );
    }
  });
});

describe('writes', () => {
  test('computed columns are written in one setValues per run and never touch columns between them', () => {
    const { emu, sheet } = fresh(
      ['Tổng điểm', 'Của BTC', 'Mã bài', 'Tên tác phẩm', 'Ghi chú'],
      [
        [1, 'giữ', 'HT-001', 'A', 'old'],
        [2, 'giữ', 'HT-002', 'B', 'old'],
        [3, 'giữ', 'HT-003', 'C', 'old'],
      ],
    );
    const t = readTable(sheet, SCHEMA);
    emu.calls.reset();
    replaceColumns(t, ['score', 'note'], [[9, 'mới']]);
    // "Tổng điểm" and "Ghi chú" are not adjacent → 2 setValues; leftover rows of an earlier, longer run are blanked.
    expect(emu.calls.byMethod()['Range.setValues']).toBe(2);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Tổng điểm', 'Của BTC', 'Mã bài', 'Tên tác phẩm', 'Ghi chú'],
      [9, 'giữ', 'HT-001', 'A', 'mới'],
      ['', 'giữ', 'HT-002', 'B', ''],
      ['', 'giữ', 'HT-003', 'C', ''],
    ]);
  });

  test('text that looks like a formula, a number or a boolean is stored as the same text', () => {
    const { sheet } = fresh(['Mã bài', 'Tên tác phẩm', 'Tổng điểm'], []);
    const t = readTable(sheet, SCHEMA);
    const titles = ['=IMPORTXML("http://x","//a")', '+84 90 123 4567', '-5', '@all', '0901234567', 'TRUE', "'quoted'"];
    appendRecords(
      t,
      titles.map((title, i) => ({ id: `HT-00${i + 1}`, title, score: i })),
    );
    expect(
      sheet
        .getRange(2, 2, titles.length, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual(titles);
    expect(
      sheet
        .getRange(2, 2, titles.length, 1)
        .getFormulas()
        .every((r) => r[0] === ''),
    ).toBe(true);
    expect(
      sheet
        .getRange(2, 3, titles.length, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('updateRows rewrites only the given computed column, keeping other rows as they were', () => {
    const { sheet } = fresh(
      ['Mã bài', 'Tên tác phẩm', 'Tổng điểm'],
      [
        ['HT-001', 'A', 1],
        ['HT-002', 'B', 2],
        ['HT-003', 'C', 3],
      ],
    );
    const t = readTable(sheet, SCHEMA);
    updateRows(
      t,
      ['score'],
      new Map([
        [2, [10]],
        [4, [30]],
      ]),
    );
    expect(sheet.getRange(2, 1, 3, 3).getValues()).toEqual([
      ['HT-001', 'A', 10],
      ['HT-002', 'B', 2],
      ['HT-003', 'C', 30],
    ]);
  });
});

describe('adjacentRuns', () => {
  test('groups adjacent positions (any order, absent = -1) and, with groupOf, only equal neighbours', () => {
    // Columns 1, 2, 3 are adjacent (items 1, 2, 0 left to right); 7 stands alone; -1 is skipped.
    expect(adjacentRuns([3, 1, 2, -1, 7])).toEqual([
      { start: 1, members: [1, 2, 0] },
      { start: 7, members: [4] },
    ]);
    // Same columns, but item 2 (column 2) has another format: runs 1 | 2 | 3.
    const fmt = ['0.00', '0.00', '@', '', '0.00'];
    expect(adjacentRuns([3, 1, 2, -1, 7], (i) => fmt[i]).map((r) => r.start)).toEqual([1, 2, 3, 7]);
  });
});

void OWNER;
