// What organizers and jurors would notice: idempotent setup, reordered columns, protection, bad marks, bad settings.
import { computeScores, scoresAction } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { escapeCell } from '../../src/sheets/table';
import { runMenuAction } from '../../src/ui/runner';
import { OWNER, JURORS, flowContext, runFortyClips, newEmulator, records, rowOf, setCell, sheet, type Emu } from './fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything setup controls, per sheet: values, formats, validation, header style, frozen rows, widths, protection. */
function snapshot(emu: Emu): unknown {
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
  return ss.getSheets().map((raw) => {
    const s = raw as unknown as Sheet;
    const range = s.getDataRange();
    const cols = s.getLastColumn();
    const rows = Math.min(s.getMaxRows(), 30);
    const body = cols > 0 ? s.getRange(1, 1, rows, cols) : null;
    return {
      name: s.getName(),
      values: range.getValues(),
      formats: body?.getNumberFormats(),
      validation: body
        ?.getDataValidations()
        .map((r) => r.map((v) => (v ? [String(v.getCriteriaType()), JSON.stringify(v.getCriteriaValues()), v.getAllowInvalid()] : null))),
      bold: cols > 0 ? s.getRange(1, 1, 1, cols).getFontWeights() : [],
      frozen: s.getFrozenRows(),
      widths: Array.from({ length: cols }, (_, i) => s.getColumnWidth(i + 1)),
      protections: s.getProtections(emu.SpreadsheetApp.ProtectionType.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType).map((p) => ({
        description: p.getDescription(),
        editors: p
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      })),
    };
  });
}

describe('setup', () => {
  test('creates every sheet with exact headers, defaults and protection; running it twice changes nothing', () => {
    const emu = newEmulator();
    const first = setupContest(flowContext(emu));
    expect(first.lines[0]).toMatch(/^Đã tạo 14 trang: Cấu hình, Tiêu chí thẩm định/);
    expect(sheet(emu, 'Kết quả').getRange(1, 1, 1, 11).getValues()[0]).toEqual([
      'Hạng',
      'Mã bài',
      'Đơn vị',
      'Tên tác phẩm',
      'Điểm BGK',
      'Điểm BGK quy đổi',
      'Điểm tương tác',
      'Điểm tương tác tính',
      'Điểm tương tác quy đổi',
      'Tổng điểm',
      'Ghi chú',
    ]);
    expect(records(emu, 'Cấu hình').find((r) => r['Thiết lập'] === 'Trọng số BGK (%)')!['Giá trị']).toBe(40);
    expect(records(emu, 'Tiêu chí thẩm định').map((r) => r['Mã'])).toEqual(['TT1', 'TT2', 'TT3', 'TT4', 'TT5', 'TT6', 'TT7', 'TT8', 'TT9', 'TT10']);
    expect(records(emu, 'Cơ cấu giải').map((r) => [r['Giải'], r['Số lượng']])).toEqual([
      ['Giải Nhất', 1],
      ['Giải Nhì', 1],
      ['Giải Ba', 1],
      ['Giải Khuyến khích', 3],
    ]);
    const before = snapshot(emu);
    const second = setupContest(flowContext(emu));
    expect(second.lines[0]).toBe('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
    expect(snapshot(emu)).toEqual(before);
  });

  test('repairs a deleted header by appending the column, and never moves typed values', () => {
    const emu = newEmulator();
    setupContest(flowContext(emu));
    const units = sheet(emu, 'Đơn vị');
    units.getRange(2, 1, 1, 4).setValues([['P1', 'Đoàn phường 1', 'P1', 'p1@doan.vn']]);
    units.getRange(1, 3).setValue('Ghi chú của BTC'); // "Tên gọi khác" renamed by hand
    const summary = setupContest(flowContext(emu));
    expect(summary.lines).toContain('Trang "Đơn vị": đã thêm lại cột "Tên gọi khác" (ở cuối bảng).');
    expect(units.getRange(1, 1, 2, 6).getValues()).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Ghi chú của BTC', 'Email', 'Link nộp bài', 'Tên gọi khác'],
      ['P1', 'Đoàn phường 1', 'P1', 'p1@doan.vn', '', ''],
    ]);
  });
});

describe('after a whole contest', () => {
  let emu: Emu;
  beforeEach(() => {
    emu = newEmulator();
    runFortyClips(emu);
  });

  test('columns reordered and added by hand give the same results', () => {
    const before = records(emu, 'Kết quả');
    // Reverse "Bài dự thi" and "Tương tác", move "Tổng" first in a jury tab, and add organizer columns.
    for (const name of ['Bài dự thi', 'Tương tác', 'Nhật ký chia sẻ', `BGK - ${JURORS[0].name}`]) {
      const s = sheet(emu, name);
      const values = s.getDataRange().getValues();
      const reordered = values.map((r, i) => [i === 0 ? 'Cột thêm của BTC' : 'x', ...r.slice().reverse()]);
      s.getRange(1, 1, reordered.length, reordered[0].length).setValues(reordered.map((r) => r.map((v) => escapeCell(v))));
    }
    computeScores(flowContext(emu));
    expect(records(emu, 'Kết quả')).toEqual(before);
  });

  test("a juror editing another juror's tab gets Google's protection error and nothing changes", () => {
    const [an, binh] = JURORS;
    const target = sheet(emu, `BGK - ${binh.name}`);
    const row = rowOf(emu, `BGK - ${binh.name}`, 'Mã bài', 'HT-007');
    const before = target.getDataRange().getValues();
    emu.setUser(an.email);
    expect(() => setCell(emu, `BGK - ${binh.name}`, row, 'Điểm', 100)).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    emu.setUser(OWNER);
    expect(target.getDataRange().getValues()).toEqual(before);
  });

  test('a mark "9,5a" is reported with tab, row and column, and left as typed', () => {
    const juror = JURORS[2];
    const tab = `BGK - ${juror.name}`;
    const row = rowOf(emu, tab, 'Mã bài', 'HT-007');
    emu.setUser(juror.email);
    setCell(emu, tab, row, 'Điểm', '9,5a');
    emu.setUser(OWNER);
    const summary = computeScores(flowContext(emu));
    expect(summary.warnings).toContain(
      `Trang "${tab}", dòng ${row}, cột "Điểm": điểm "9,5a" không phải là số. Hãy nhập số từ 0 đến 100 (ví dụ 8,5) hoặc để trống nếu chưa chấm.`,
    );
    expect(rowOf(emu, tab, 'Điểm', '9,5a')).toBe(row);
    // The clip is not scored rather than scored with a 0.
    const result = records(emu, 'Kết quả').find((r) => r['Mã bài'] === 'HT-007')!;
    expect(result['Tổng điểm']).toBe('');
    // Its note names the unreadable cell instead of saying the juror has not marked it.
    expect(result['Ghi chú']).toBe(`Điểm BGK không hợp lệ: ${juror.name} (${juror.code}) – trang "${tab}", dòng ${row}, cột "Điểm".`);
  });

  test('weights 50/60 stop "Tính điểm" with a clear message, and no output sheet is touched', () => {
    const row = rowOf(emu, 'Cấu hình', 'Thiết lập', 'Trọng số BGK (%)');
    setCell(emu, 'Cấu hình', row, 'Giá trị', 50);
    const outputs = ['Kết quả', 'Tham gia', 'Giải thưởng'].map((n) => sheet(emu, n).getDataRange().getValues());
    const summary = runMenuAction(flowContext(emu), scoresAction, undefined);
    expect(summary.title).toBe('Tính điểm: Không thực hiện được');
    expect(summary.warnings[0]).toBe(
      // "Trọng số BGK (%)" and "Trọng số tương tác (%)" are the 6th and 7th settings: rows 7 and 8.
      `Trang "Cấu hình", dòng 7, cột "Giá trị" và dòng 8, cột "Giá trị": thiết lập "Trọng số BGK (%)" (50) cộng "Trọng số tương tác (%)" (60) phải bằng 100.`,
    );
    expect(['Kết quả', 'Tham gia', 'Giải thưởng'].map((n) => sheet(emu, n).getDataRange().getValues())).toEqual(outputs);
    const dialog = emu.ui.dialogs[emu.ui.dialogs.length - 1];
    expect(dialog.html).toContain('phải bằng 100');
    expect(dialog.html).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
    expect(records(emu, 'Nhật ký').pop()!['Thao tác']).toBe('Tính điểm');
  });
});
