// "Cấu hình" as typed by an organizer: plain-text values (dates never re-read by the locale) and the time zone.
import { createContestEmulator } from '../sample/emulator';
import { setupContest } from '../../src/flows/setup';
import { readSettings } from '../../src/sheets/config';
import { OWNER, NOW, flowContext, rowOf, sheet } from './fixture';

describe('"Cấu hình"', () => {
  // A spreadsheet created in the US: en_US locale, New York time zone.
  const usEmulator = () => {
    const emu = createContestEmulator({ owner: OWNER, user: OWNER, locale: 'en_US', timeZone: 'America/New_York' });
    emu.setNow(NOW);
    return emu;
  };

  test('"Giá trị" is plain text, and the seeded dates show without an apostrophe', () => {
    const emu = usEmulator();
    setupContest(flowContext(emu));
    const config = sheet(emu, 'Cấu hình');
    const count = config.getLastRow() - 1;
    expect(config.getRange(2, 2, count, 1).getNumberFormats().flat()).toEqual(new Array(count).fill('@'));
    const row = rowOf(emu, 'Cấu hình', 'Thiết lập', 'Hạn nộp bài');
    expect(config.getRange(row, 2).getValue()).toBe('10/06/2023 23:59');
    expect(config.getRange(row, 2).getDisplayValue()).toBe('10/06/2023 23:59');
  });

  test('a date typed by the organizer stays dd/MM/yyyy: "05/06/2023 23:59" is 5 June, 23:59 in Hồ Chí Minh', () => {
    const emu = usEmulator();
    setupContest(flowContext(emu));
    const row = rowOf(emu, 'Cấu hình', 'Thiết lập', 'Hạn nộp bài');
    emu.editCell('Cấu hình', `B${row}`, '05/06/2023 23:59');
    expect(sheet(emu, 'Cấu hình').getRange(row, 2).getValue()).toBe('05/06/2023 23:59');
    const parsed = readSettings(flowContext(emu).spreadsheet);
    if (!parsed.ok) throw new Error(parsed.problems[0].message);
    // 05/06/2023 23:59 +07:00 = 16:59 UTC on 5 June.
    expect(parsed.value.submissionDeadline.toISOString()).toBe('2023-06-05T16:59:00.000Z');
  });

  test('setup sets the spreadsheet time zone from "Múi giờ", and says so once', () => {
    const emu = usEmulator();
    const first = setupContest(flowContext(emu));
    expect(emu.SpreadsheetApp.getActiveSpreadsheet()!.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(first.lines).toContain('Đã đặt múi giờ của bảng tính thành Asia/Ho_Chi_Minh (theo thiết lập "Múi giờ" trong trang "Cấu hình").');
    const second = setupContest(flowContext(emu));
    expect(second.lines[0]).toBe('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
  });
});
