// "Nhật ký" lines written by runAction: one joiner for every line, and a deleted log recreated with setup's header.
import { joinAuditDetails } from '../../src/sheets/audit';
import { setupContest } from '../../src/flows/setup';
import { auditDetails, runMenuAction } from '../../src/ui/runner';
import { ContestError } from '../../src/sheets/errors';
import { NOW, OWNER, flowContext, newEmulator, records, sheet } from '../flows/fixture';

describe('"Nhật ký"', () => {
  test('a summary\'s lines and warning count are joined with " | ", like the form actions\' lines', () => {
    const summary = { title: 'Tính điểm', lines: ['Đã tính điểm 36/40 bài', 'Chưa tính điểm – Nộp trễ (1): HT-040', 'x', 'not logged'], warnings: ['a', 'b'] };
    // First three lines, then "2 cảnh báo"; no run-on "36/40 bài Chưa tính điểm".
    expect(auditDetails(summary)).toBe('Đã tính điểm 36/40 bài | Chưa tính điểm – Nộp trễ (1): HT-040 | x | 2 cảnh báo');
    expect(joinAuditDetails(['Đã đồng bộ 3 đơn vị', '', '  Cảnh báo: Đơn vị trùng tên ', ''])).toBe('Đã đồng bộ 3 đơn vị | Cảnh báo: Đơn vị trùng tên');
    // Cut with "…" at the limit: 5 characters → "abcd…".
    expect(joinAuditDetails(['abcdefgh'], 5)).toBe('abcd…');
  });

  test('a nested line is logged once, with its children run together after the colon', () => {
    const summary = {
      title: 'Tính điểm',
      lines: [
        'Đã tính điểm 36/40 bài',
        'Điểm BGK còn thiếu:',
        '  Trần Thị Bình (GK2) chưa chấm 1 bài: HT-040',
        '  Lê Văn Cường (GK3) chưa chấm 2 bài: HT-038, HT-039',
        'x',
        'not logged',
      ],
      warnings: [],
    };
    expect(auditDetails(summary)).toBe(
      'Đã tính điểm 36/40 bài | Điểm BGK còn thiếu: Trần Thị Bình (GK2) chưa chấm 1 bài: HT-040; Lê Văn Cường (GK3) chưa chấm 2 bài: HT-038, HT-039 | x',
    );
  });

  test('a failed action logs its problems, not "Thao tác chưa được thực hiện vì: | 2 cảnh báo"', () => {
    const emu = newEmulator();
    const ctx = flowContext(emu);
    setupContest(ctx);
    const bad = 'Trang "BGK - An", dòng 4, cột "Điểm": điểm "9,5a" không phải là số.';
    const weights =
      'Trang "Cấu hình", dòng 7, cột "Giá trị" và dòng 8, cột "Giá trị": thiết lập "Trọng số BGK (%)" (50) cộng "Trọng số tương tác (%)" (60) phải bằng 100.';
    runMenuAction(
      ctx,
      {
        title: 'Tính điểm',
        run: () => {
          throw new ContestError([
            { code: 'mark.not_number', severity: 'changes-score', message: bad },
            { code: 'setting.juryWeight.sum', severity: 'stops-action', message: weights },
          ]);
        },
      },
      undefined,
    );
    const details = String(records(emu, 'Nhật ký').pop()!['Chi tiết']);
    // The intro, then each problem; the "nothing was changed" outro of the dialog is left out.
    expect(details).toBe(`Thao tác chưa được thực hiện vì: ${bad} | ${weights}`);
  });

  test('a failed action with many or long problems: five shown, each cut at 300 characters, then a count', () => {
    const long = `Trang "Bài dự thi", dòng 9, cột "Đơn vị": ${'x'.repeat(400)}`;
    const problems = [long, 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
    const details = auditDetails({ title: 'Tính điểm: Không thực hiện được', lines: ['Thao tác chưa được thực hiện vì:'], warnings: problems }, true);
    const parts = details.split(' | ');
    // "Thao tác chưa được thực hiện vì: " + the first problem cut to 299 characters + "…".
    expect(parts[0]).toBe(`Thao tác chưa được thực hiện vì: ${long.slice(0, 299)}…`);
    // 7 problems: P2–P5 follow, the last two are counted.
    expect(parts.slice(1)).toEqual(['P2', 'P3', 'P4', 'P5', '… và 2 vấn đề khác']);
  });

  test("deleted by hand, it comes back with a bold frozen header, setup's widths and date format", () => {
    const emu = newEmulator();
    const ctx = flowContext(emu);
    setupContest(ctx);
    const ss = ctx.spreadsheet;
    ss.deleteSheet(ss.getSheetByName('Nhật ký')!);
    runMenuAction(ctx, { title: 'Tính điểm', run: () => ({ title: 'Tính điểm', lines: ['Dòng một', 'Dòng hai'], warnings: [] }) }, undefined);
    const log = sheet(emu, 'Nhật ký');
    expect(log.getRange(1, 1, 1, 4).getValues()[0]).toEqual(['Thời gian', 'Người thực hiện', 'Thao tác', 'Chi tiết']);
    expect(log.getRange(1, 1, 1, 4).getFontWeights()[0]).toEqual(['bold', 'bold', 'bold', 'bold']);
    expect(log.getFrozenRows()).toBe(1);
    // Widths from the schema (Thời gian 140, Chi tiết 500) and the dd/MM/yyyy HH:mm time column.
    expect([log.getColumnWidth(1), log.getColumnWidth(4)]).toEqual([140, 500]);
    expect(log.getRange(2, 1).getNumberFormat()).toBe('dd/MM/yyyy HH:mm');
    // Inserted last, as setup orders its sheets.
    const names = ss.getSheets().map((s) => s.getName());
    expect(names[names.length - 1]).toBe('Nhật ký');
    expect(records(emu, 'Nhật ký')).toEqual([{ 'Thời gian': NOW, 'Người thực hiện': OWNER, 'Thao tác': 'Tính điểm', 'Chi tiết': 'Dòng một | Dòng hai' }]);
  });
});
