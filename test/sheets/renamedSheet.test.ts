// A contest sheet renamed by hand: the error says how to fix it, and setup does not create an empty twin.
import { setupContest } from '../../src/flows/setup';
import { isContestError, namesCells } from '../../src/sheets/errors';
import { errorSummary } from '../../src/ui/dialog';
import { readPeople } from '../../src/sheets/workbook';
import { flowContext, newEmulator, seedRoster, sheet } from '../flows/fixture';

describe('"Đơn vị" renamed to "Don vi"', () => {
  const emu = newEmulator();
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  sheet(emu, 'Đơn vị').setName('Don vi');

  test('reading it names the sheet and says to rename it back', () => {
    let error: unknown;
    try {
      readPeople(ctx.spreadsheet, 'Asia/Ho_Chi_Minh');
    } catch (e) {
      error = e;
    }
    expect(isContestError(error)).toBe(true);
    if (!isContestError(error)) return;
    expect(error.problems[0].message).toBe(
      'Không tìm thấy trang "Đơn vị". Nếu đã đổi tên trang, hãy đổi lại đúng tên "Đơn vị". Nếu trang đã bị xoá, hãy chạy "Hội thi → Thiết lập hội thi" để tạo lại.',
    );
    // It names no cell, so the dialog must not end with "Hãy sửa các ô được nêu rồi chạy lại".
    expect(namesCells(error.problems)).toBe(false);
    const shown = errorSummary('Tính điểm', error).warnings;
    expect(shown[shown.length - 1]).toBe('Không có trang kết quả nào bị thay đổi. Hãy làm theo hướng dẫn ở trên rồi chạy lại.');
  });

  test('setup warns instead of creating an empty "Đơn vị"', () => {
    const summary = setupContest(ctx);
    expect(summary.warnings).toContain(
      'Trang "Don vi" có đúng tiêu đề của "Đơn vị" – hãy đổi tên lại thành "Đơn vị" rồi chạy lại "Thiết lập hội thi". Add-on không tạo trang "Đơn vị" mới để dữ liệu không bị tách làm hai.',
    );
    const names = emu.SpreadsheetApp.getActiveSpreadsheet()!
      .getSheets()
      .map((s) => s.getName());
    expect(names).not.toContain('Đơn vị');
    // The 25 units are still in "Don vi", untouched.
    expect(sheet(emu, 'Don vi').getLastRow()).toBe(26);
  });

  test('once renamed back, setup has nothing to say about it', () => {
    sheet(emu, 'Don vi').setName('Đơn vị');
    const summary = setupContest(ctx);
    expect(summary.warnings.join('\n')).not.toContain('đổi tên lại');
    expect(summary.lines[0]).toBe('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
  });

  test('a sheet with other headers is not mistaken for it: a deleted "Đơn vị" is created again', () => {
    const fresh = newEmulator();
    const c = flowContext(fresh);
    setupContest(c);
    const ss = fresh.SpreadsheetApp.getActiveSpreadsheet()!;
    ss.insertSheet('Ghi chú')
      .getRange('A1:B1')
      .setValues([['Mã đơn vị', 'Việc cần làm']]);
    ss.deleteSheet(ss.getSheetByName('Đơn vị')!);
    const summary = setupContest(c);
    expect(summary.lines[0]).toBe('Đã tạo 1 trang: Đơn vị.');
    expect(summary.warnings.join('\n')).not.toContain('đổi tên lại');
  });

  test('a problem with a row names a cell', () => {
    expect(namesCells([{ code: 'x', severity: 'stops-action', message: 'm', sheet: 'Cấu hình', row: 7, column: 'Giá trị' }])).toBe(true);
  });
});
