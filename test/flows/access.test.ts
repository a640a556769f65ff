// Who may run what: a non-organizer is refused in Vietnamese before anything is written.
import { appraisalAction } from '../../src/flows/appraisal';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { runMenuAction } from '../../src/ui/runner';
import { createContestEmulator } from '../sample/emulator';
import { APPRAISER, JURORS, NOW, OWNER, flowContext, newEmulator, runFortyClips, seedRoster, seedSubmissions, sheet } from './fixture';

describe('a menu action run by someone who cannot edit the sheets it writes', () => {
  test('"Cập nhật thẩm định" as an appraiser stops before writing, naming the protected sheets', () => {
    const emu = newEmulator();
    setupContest(flowContext(emu));
    seedRoster(emu);
    seedSubmissions(emu, 3);
    const before = ['Thẩm định', 'Bài dự thi', 'Tương tác'].map((n) => sheet(emu, n).getDataRange().getValues());
    emu.setUser(APPRAISER);
    const summary = runMenuAction(flowContext(emu, APPRAISER), appraisalAction, undefined);
    emu.setUser(OWNER);
    expect(summary.title).toBe('Cập nhật thẩm định: Không thực hiện được');
    // "Bài dự thi" and "Tương tác" are organizers-only; appraisers tick "Thẩm định" but its result
    // columns are organizers-only too (a range protection, listed after the sheet protections).
    expect(summary.warnings[0]).toBe(
      'Chỉ Ban tổ chức (BTC) mới chạy được "Cập nhật thẩm định": Tài khoản thamdinh@quandoan11.vn không có quyền sửa trang "Bài dự thi", trang "Tương tác", trang "Thẩm định" (trang được bảo vệ). Chưa có dữ liệu nào bị thay đổi. Hãy nhờ Ban tổ chức chạy thao tác này, hoặc nhờ họ thêm bạn vào danh sách được sửa các trang đó.',
    );
    // Nothing half-done: "Thẩm định" did not get its 3 new rows.
    expect(['Thẩm định', 'Bài dự thi', 'Tương tác'].map((n) => sheet(emu, n).getDataRange().getValues())).toEqual(before);
    // The log line could not be written either ("Nhật ký" is organizers-only): said in Vietnamese.
    expect(summary.warnings[summary.warnings.length - 1]).toMatch(/^Không ghi được vào "Nhật ký": Bạn không có quyền sửa một trang/);
    expect(emu.ui.dialogs[emu.ui.dialogs.length - 1].html).not.toContain('You are trying');
  });

  test('"Tính điểm" as a juror is refused and "Kết quả" is untouched', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    const before = sheet(emu, 'Kết quả').getDataRange().getValues();
    const juror = JURORS[0];
    emu.setUser(juror.email);
    expect(() => computeScores(flowContext(emu, juror.email))).toThrow(
      /^Chỉ Ban tổ chức \(BTC\) mới chạy được "Tính điểm": Tài khoản an@bgk\.vn không có quyền sửa trang "Kết quả", trang "Tham gia", trang "BGK - Trần Thị Bình"/,
    );
    emu.setUser(OWNER);
    expect(sheet(emu, 'Kết quả').getDataRange().getValues()).toEqual(before);
  });
});

test('the owner is let through without asking any protection; a co-organizer is checked sheet by sheet', () => {
  const emu = newEmulator();
  const { ctx } = runFortyClips(emu);
  // A co-organizer the owner shared the file with and added to every protection, as by hand.
  const co = 'pho.btc@quandoan11.vn';
  emu.spreadsheet.addEditor(co);
  for (const type of [emu.SpreadsheetApp.ProtectionType.SHEET, emu.SpreadsheetApp.ProtectionType.RANGE]) {
    for (const p of emu.spreadsheet.getProtections(type)) p.addEditor(co);
  }
  const protectionCalls = () => emu.calls.count('Sheet.getProtections') + emu.calls.count('Protection.canEdit');

  emu.calls.reset();
  computeScores(ctx);
  expect(protectionCalls()).toBe(0);

  emu.setUser(co);
  emu.calls.reset();
  const summary = computeScores(flowContext(emu, co));
  emu.setUser(OWNER);
  expect(summary.title).toBe('Tính điểm');
  // "Kết quả", "Tham gia", the five jury tabs, "Tiến độ chấm" and "Biểu đồ kết quả": one getProtections and one canEdit each.
  expect(emu.calls.count('Sheet.getProtections')).toBe(9);
  expect(emu.calls.count('Protection.canEdit')).toBeGreaterThanOrEqual(9);
});

test('in a shared drive (getOwner() is null) the organizer is checked sheet by sheet and still runs "Tính điểm"', () => {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, collaborators: [APPRAISER, ...JURORS.map((j) => j.email)], sharedDrive: true });
  emu.setNow(NOW);
  expect(emu.spreadsheet.getOwner()).toBeNull();
  const { ctx } = runFortyClips(emu);
  emu.calls.reset();
  const summary = computeScores(ctx);
  expect(summary.title).toBe('Tính điểm');
  expect(emu.calls.count('Protection.canEdit')).toBeGreaterThanOrEqual(9);
  // a juror is still refused
  emu.setUser(JURORS[0].email);
  expect(() => computeScores(flowContext(emu, JURORS[0].email))).toThrow(/^Chỉ Ban tổ chức \(BTC\) mới chạy được "Tính điểm"/);
});
