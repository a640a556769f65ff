// Jury tabs bound to the juror code: a renamed juror keeps their marks; strays are reported; hand-added editors stay.
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { JURORS, OWNER, flowContext, newEmulator, records, rowOf, runFortyClips, setCell, sheet, type Emu } from './fixture';

function protectionEditors(emu: Emu, name: string): string[] {
  const type = emu.SpreadsheetApp.ProtectionType.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  return sheet(emu, name)
    .getProtections(type)[0]
    .getEditors()
    .map((u) => u.getEmail())
    .sort();
}

describe('"BGK - …" tabs', () => {
  let emu: Emu;
  beforeEach(() => {
    emu = newEmulator();
    runFortyClips(emu);
  });

  test('each tab carries its juror code in a note on A1', () => {
    for (const j of JURORS) {
      expect(sheet(emu, `BGK - ${j.name}`).getRange('A1').getNote()).toMatch(new RegExp(`^Mã giám khảo: ${j.code}\\n`));
    }
  });

  test('renaming a juror keeps their marks, and "Chuẩn bị phiếu chấm BGK" renames the tab', () => {
    const before = records(emu, 'Kết quả');
    const an = JURORS[0];
    const oldTab = `BGK - ${an.name}`;
    const marks = sheet(emu, oldTab).getDataRange().getValues();
    setCell(emu, 'Ban giám khảo', rowOf(emu, 'Ban giám khảo', 'Mã', an.code), 'Họ tên', 'Nguyễn Văn Anh');

    // Scores read the tab by its code even before it is renamed: 40 clips − 3 failing appraisal − HT-040
    // (GK2's blank mark) = 36 scored, with the same totals as before.
    const scores = computeScores(flowContext(emu));
    expect(scores.lines[0]).toBe('Đã tính điểm 36/40 bài; kết quả ở trang "Kết quả".');
    expect(records(emu, 'Kết quả')).toEqual(before);
    expect(scores.warnings.join('\n')).not.toContain('chưa có trang');

    const summary = prepareJuryTabs(flowContext(emu));
    expect(summary.lines).toContain('Đã đổi tên trang "BGK - Nguyễn Văn An" thành "BGK - Nguyễn Văn Anh" theo họ tên mới của giám khảo GK1.');
    const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
    expect(ss.getSheetByName(oldTab)).toBeNull();
    expect(sheet(emu, 'BGK - Nguyễn Văn Anh').getDataRange().getValues()).toEqual(marks);
    // Five jurors, still five jury tabs.
    expect(ss.getSheets().filter((s) => s.getName().startsWith('BGK - '))).toHaveLength(5);
    computeScores(flowContext(emu));
    expect(records(emu, 'Kết quả')).toEqual(before);
  });

  test('a "BGK - …" tab matching no juror is reported and never deleted', () => {
    const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
    ss.insertSheet('BGK - Giám khảo cũ');
    const summary = prepareJuryTabs(flowContext(emu));
    expect(summary.warnings).toContain(
      'Trang "BGK - Giám khảo cũ" không ứng với giám khảo nào trong "Ban giám khảo" (không khớp mã giám khảo hay họ tên): điểm trong trang này không được tính. Add-on không xoá trang này; Ban tổ chức hãy kiểm tra lại mã/họ tên giám khảo hoặc tự xoá trang nếu không cần.',
    );
    expect(ss.getSheetByName('BGK - Giám khảo cũ')).not.toBeNull();
  });

  test('re-running keeps editors an organizer added by hand, but removes other jurors', () => {
    const [an, binh] = JURORS;
    const tab = `BGK - ${an.name}`;
    const type = emu.SpreadsheetApp.ProtectionType.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    sheet(emu, tab).getProtections(type)[0].addEditors(['thuky@quandoan11.vn', binh.email]);
    prepareJuryTabs(flowContext(emu));
    // Owner (who runs it), the juror, and the secretary added by hand; Bình (another juror) is removed.
    expect(protectionEditors(emu, tab)).toEqual([an.email, OWNER, 'thuky@quandoan11.vn'].sort());
  });
});
