// "Tiến độ chấm" and "Nhắc giám khảo" on the sample contest: hand-counted rows, the reminder mail, once a day in the contest zone, the quota.
import { juryProgressReport } from '../../src/flows/juryProgress';
import { remindJurors, sameDay, tabLink } from '../../src/flows/remind';
import { computeScores } from '../../src/flows/scores';
import { contextOf } from '../sample/emulator';
import { NOW, OWNER, mark, newEmulator, records, runFortyClips, sheet } from '../flows/fixture';

const HEADERS = ['Mã', 'Họ tên', 'Số bài cần chấm', 'Đã chấm', 'Còn thiếu', 'Không chấm (cùng đơn vị)', 'Điểm không hợp lệ', 'Nhắc lần cuối'];

function progressRows(emu: ReturnType<typeof newEmulator>) {
  return records(emu, 'Tiến độ chấm').map((r) => HEADERS.map((h) => (r[h] instanceof Date ? (r[h] as Date).toISOString() : r[h])));
}

describe('Tiến độ chấm', () => {
  test('"Tính điểm" writes one row per juror; a conflict-of-interest clip is not missing', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    expect(sheet(emu, 'Tiến độ chấm').getRange(1, 1, 1, 8).getValues()[0]).toEqual(HEADERS);
    // 40 clips, HT-005/018/033 fail appraisal → 37 reach the jury. GK2 leaves HT-040 blank; GK5
    // (Đoàn phường 3) does not mark HT-003 and HT-028 → 35 to mark, none missing.
    expect(progressRows(emu)).toEqual([
      ['GK1', 'Nguyễn Văn An', 37, 37, 0, 0, 0, ''],
      ['GK2', 'Trần Thị Bình', 37, 36, 1, 0, 0, ''],
      ['GK3', 'Lê Văn Cường', 37, 37, 0, 0, 0, ''],
      ['GK4', 'Phạm Thị Dung', 37, 37, 0, 0, 0, ''],
      ['GK5', 'Hoàng Văn Em', 35, 35, 0, 2, 0, ''],
    ]);
  });

  test("the menu action lists each juror's missing clips and an unreadable mark by cell", () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    mark(emu, 'GK3', 'HT-007', '9,5a');
    const summary = juryProgressReport(ctx);
    expect(summary.lines[0]).toBe('2/5 giám khảo còn bài chưa chấm; chi tiết ở trang "Tiến độ chấm":');
    expect(summary.lines.map((l) => l.trim())).toContain('Trần Thị Bình (GK2): đã chấm 36/37 bài; còn thiếu 1 bài: HT-040');
    expect(summary.lines.map((l) => l.trim())).toContain('Hoàng Văn Em (GK5): đã chấm đủ 35/35 bài (2 bài cùng đơn vị không chấm)');
    const gk3 = summary.lines.map((l) => l.trim()).find((l) => l.startsWith('Lê Văn Cường'))!;
    expect(gk3).toMatch(/^Lê Văn Cường \(GK3\): đã chấm 36\/37 bài; điểm không hợp lệ 1 bài: HT-007 \(trang "BGK - Lê Văn Cường", dòng \d+, cột "Điểm"\)$/);
    expect(progressRows(emu)[2]).toEqual(['GK3', 'Lê Văn Cường', 37, 36, 0, 0, 1, '']);
  });
});

describe('Nhắc giám khảo', () => {
  test('mails only the jurors behind, with their clips and a link to their own tab; "Nhắc lần cuối" is kept by "Tính điểm"', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    const summary = remindJurors(ctx, { again: false });
    expect(emu.mail).toHaveLength(1);
    const mail = emu.mail[0];
    expect(mail.to).toBe('binh@bgk.vn');
    expect(mail.subject).toMatch(/Nhắc chấm điểm: còn 1 bài$/);
    expect(mail.body).toContain('Chưa có điểm (1 bài): HT-040');
    const tab = sheet(emu, 'BGK - Trần Thị Bình');
    expect(mail.body).toContain(`${emu.spreadsheet.getUrl()}#gid=${tab.getSheetId()}`);
    expect(summary.lines[0]).toBe('Đã gửi email nhắc 1 giám khảo:');
    expect(summary.lines[1].trim()).toBe('Trần Thị Bình (GK2) <binh@bgk.vn>: 1 bài – HT-040');
    expect(records(emu, 'Tiến độ chấm')[1]['Nhắc lần cuối']).toEqual(NOW);
    computeScores(ctx);
    expect(records(emu, 'Tiến độ chấm')[1]['Nhắc lần cuối']).toEqual(NOW);
    expect(records(emu, 'Tiến độ chấm')[0]['Nhắc lần cuối']).toBe('');
  });

  test('reads "Tiến độ chấm" once and writes "Nhắc lần cuối" after the mails as one column', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    const progress = sheet(emu, 'Tiến độ chấm');
    const reads = jest.spyOn(progress, 'getDataRange');
    emu.calls.reset();
    remindJurors(ctx, { again: false });
    expect(emu.mail).toHaveLength(1);
    expect(reads).toHaveBeenCalledTimes(1);
    // The refresh before the mails (8 columns), then "Nhắc lần cuối" alone: 82 calls when the sheet was read and rewritten twice.
    expect(emu.calls.count('Range.setValues')).toBe(2);
    expect(emu.calls.total()).toBeLessThanOrEqual(78);
    expect(records(emu, 'Tiến độ chấm')[1]['Nhắc lần cuối']).toEqual(NOW);
  });

  test('not twice the same day (contest time zone) unless the organizer insists', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    // 20/06 23:30 and 21/06 00:10 in Ho Chi Minh City are the same UTC day (16:30Z and 17:10Z).
    const late = contextOf(emu, { user: OWNER, now: new Date('2023-06-20T23:30:00+07:00') });
    remindJurors(late, { again: false });
    expect(emu.mail).toHaveLength(1);
    const again = remindJurors(contextOf(emu, { user: OWNER, now: new Date('2023-06-20T23:45:00+07:00') }), { again: false });
    expect(emu.mail).toHaveLength(1);
    expect(again.lines[0]).toBe('Không gửi email nào: các giám khảo còn thiếu điểm đều đã được nhắc hôm nay.');
    expect(again.lines[2].trim()).toBe('Trần Thị Bình (GK2) – đã nhắc lúc 20/06/2023 23:30');
    remindJurors(contextOf(emu, { user: OWNER, now: new Date('2023-06-20T23:50:00+07:00') }), { again: true });
    expect(emu.mail).toHaveLength(2);
    remindJurors(contextOf(emu, { user: OWNER, now: new Date('2023-06-21T00:10:00+07:00') }), { again: false });
    expect(emu.mail).toHaveLength(3);
    expect(sameDay(new Date('2023-06-20T16:30:00Z'), new Date('2023-06-20T17:10:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false);
    expect(sameDay(new Date('2023-06-20T16:30:00Z'), new Date('2023-06-20T17:10:00Z'), 'UTC')).toBe(true);
  });

  test('refuses before sending anything when the daily quota is too small', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    mark(emu, 'GK3', 'HT-007', '9,5a'); // now two jurors are behind: two mails needed
    jest.spyOn(ctx.services.mailApp, 'getRemainingDailyQuota').mockReturnValue(1);
    expect(() => remindJurors(ctx, { again: false })).toThrow(
      /Hạn mức gửi email hôm nay của tài khoản chỉ còn 1 email, cần 2 email để nhắc 2 giám khảo\. Chưa gửi email nào/,
    );
    expect(emu.mail).toHaveLength(0);
    expect(records(emu, 'Tiến độ chấm').every((r) => r['Nhắc lần cuối'] === '')).toBe(true);
  });

  test('an unreadable mark is in the mail with its row and column', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    mark(emu, 'GK3', 'HT-007', '9,5a');
    remindJurors(ctx, { again: false });
    const mail = emu.mail.find((m) => m.to === 'cuong@bgk.vn')!;
    expect(mail.body).toMatch(/Điểm không hợp lệ, cần nhập lại \(1 ô\): HT-007 \(dòng \d+, cột "Điểm"\)/);
  });

  test('tabLink replaces any fragment of the URL', () => {
    expect(tabLink('https://docs.google.com/spreadsheets/d/abc/edit#gid=0', 1234)).toBe('https://docs.google.com/spreadsheets/d/abc/edit#gid=1234');
  });
});

describe('Nhắc giám khảo through the menu', () => {
  const emu = newEmulator();
  emu.installGlobals(globalThis);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- main.ts assigns its entry points to `global` when loaded.
  require('../../src/main');
  emu.installAddon();
  const g = globalThis as unknown as Record<string, () => void>;

  test('asks YES/NO only when someone was reminded today; "Nhật ký" records each reminder', () => {
    runFortyClips(emu);
    const alerts = () => emu.ui.dialogs.filter((d) => d.kind === 'alert').length;
    g.menuRemindJurors();
    expect(alerts()).toBe(0);
    expect(emu.mail).toHaveLength(1);
    emu.ui.queueAnswer('NO');
    g.menuRemindJurors();
    expect(alerts()).toBe(1);
    expect(emu.mail).toHaveLength(1);
    emu.ui.queueAnswer('YES');
    g.menuRemindJurors();
    expect(emu.mail).toHaveLength(2);
    const log = records(emu, 'Nhật ký').filter((r) => r['Thao tác'] === 'Nhắc giám khảo');
    expect(log).toHaveLength(3);
    expect(String(log[0]['Chi tiết'])).toContain('Đã gửi email nhắc 1 giám khảo: Trần Thị Bình (GK2) <binh@bgk.vn>: 1 bài – HT-040');
  });
});
