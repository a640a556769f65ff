// Protections made by setup restrict people the file is shared with only later, and "Thẩm định" result columns are organizers-only.
import { createContestEmulator } from '../sample/emulator';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { setupContest } from '../../src/flows/setup';
import { APPRAISAL_RESULTS_PROTECTION } from '../../src/sheets/appraisal';
import { APPRAISER, JURORS, NOW, OWNER, flowContext, newEmulator, rowOf, seedRoster, seedSubmissions, sheet } from './fixture';
import { updateAppraisal } from '../../src/flows/appraisal';

const PROTECTED = /You are trying to edit a protected cell or object/;

describe('a file shared with nobody at setup, then with a juror', () => {
  test('the juror cannot edit "Cấu hình" nor another juror\'s tab, only their own', () => {
    // Google: a new protection copies the file's sharing and restricts nobody until the script
    // changes its editor list. With no collaborators at setup nothing had to be removed, so before
    // the fix the protections stayed open to everyone the file was shared with later.
    const emu = createContestEmulator({ owner: OWNER, user: OWNER });
    emu.setNow(NOW);
    const ctx = flowContext(emu);
    setupContest(ctx);
    seedRoster(emu);
    prepareJuryTabs(ctx);
    const [an, binh] = JURORS;
    emu.addCollaborator(an.email);
    emu.setUser(an.email);
    expect(() => sheet(emu, 'Cấu hình').getRange('B2').setValue('Hội thi khác')).toThrow(PROTECTED);
    expect(() => sheet(emu, `BGK - ${binh.name}`).getRange('F2').setValue(10)).toThrow(PROTECTED);
    expect(() => sheet(emu, 'Tiêu chí chấm').getRange('B2').setValue(10)).toThrow(PROTECTED);
    // Their own tab stays writable: the juror was added to its protection when it was made.
    sheet(emu, `BGK - ${an.name}`).getRange('F2').setValue(10);
    emu.setUser(OWNER);
    expect(sheet(emu, 'Cấu hình').getRange('B2').getValue()).not.toBe('Hội thi khác');
    expect(sheet(emu, `BGK - ${binh.name}`).getRange('F2').getValue()).toBe('');
    expect(sheet(emu, `BGK - ${an.name}`).getRange('F2').getValue()).toBe(10);
  });
});

describe('"Thẩm định": Kết quả, Lý do, Người thẩm định, Thời gian thẩm định', () => {
  test('an appraiser can tick but cannot type a result; the organizer can; setup twice keeps one protection', () => {
    const emu = newEmulator();
    const ctx = flowContext(emu);
    const first = setupContest(ctx);
    expect(first.lines).toContain(
      'Trang "Thẩm định": đã khoá các cột Kết quả, Lý do, Người thẩm định, Thời gian thẩm định (chỉ Ban tổ chức sửa được; add-on tự điền).',
    );
    seedRoster(emu);
    seedSubmissions(emu, 2);
    updateAppraisal(ctx);
    const row = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-001');
    const s = sheet(emu, 'Thẩm định');
    // Default layout: A–D clip info, E–N TT1–TT10, O Kết quả, P Lý do, Q Người thẩm định, R Thời gian thẩm định.
    emu.setUser(APPRAISER);
    s.getRange(`E${row}`).setValue(true);
    for (const col of ['O', 'P', 'Q', 'R']) expect(() => s.getRange(`${col}${row}`).setValue('Đạt')).toThrow(PROTECTED);
    // "Link bài đăng" (S) is not part of it.
    s.getRange(`S${row}`).setValue('https://facebook.com/p/1');
    emu.setUser(OWNER);
    s.getRange(`P${row}`).setValue('ghi chú của BTC');
    expect(s.getRange(`P${row}`).getValue()).toBe('ghi chú của BTC');

    const second = setupContest(ctx);
    expect(second.lines[0]).toBe('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
    const mine = s.getProtections(emu.SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === APPRAISAL_RESULTS_PROTECTION);
    expect(mine).toHaveLength(1);
    // Whole columns O–R (the emulator prints the sheet's 1000 rows).
    expect(mine[0].getRange().getA1Notation()).toBe('O1:R1000');
  });
});
