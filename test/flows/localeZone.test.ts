// The spreadsheet's locale and time zone follow the contest: vi_VN at setup, "Múi giờ" at once when edited.
import { updateAppraisal } from '../../src/flows/appraisal';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { createContestEmulator } from '../sample/emulator';
import { makeContest } from '../forms/fixture';
import { APPRAISER, JURORS, NOW, OWNER, SHARE_LOG, enterMarks, flowContext, records, seedRoster, seedSubmissions, sheet, tickAppraisal } from './fixture';

/** The sample contest in a spreadsheet of `locale`, share-log times typed by hand (cell by cell, as a person types). */
function scoresIn(locale: string, undoLocale = false) {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, locale, collaborators: [APPRAISER, ...JURORS.map((j) => j.email)] });
  emu.setNow(NOW);
  const ctx = flowContext(emu);
  const setup = setupContest(ctx);
  if (undoLocale) emu.spreadsheet.setSpreadsheetLocale(locale);
  seedRoster(emu);
  seedSubmissions(emu);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  updateAppraisal(ctx);
  prepareJuryTabs(ctx);
  enterMarks(emu);
  const log = sheet(emu, 'Nhật ký chia sẻ');
  const headers = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
  const letter = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
  // 12/06 10:00 is inside the voting window (12/06 00:00 – 19/06 16:00) only when read day-first.
  [...SHARE_LOG, ['HT-010', 'fan.e', '12/06/2023 10:00']].forEach(([id, account, time], k) => {
    emu.editCell('Nhật ký chia sẻ', `${letter('Mã bài')}${k + 2}`, id);
    emu.editCell('Nhật ký chia sẻ', `${letter('Tài khoản')}${k + 2}`, account);
    emu.editCell('Nhật ký chia sẻ', `${letter('Thời gian')}${k + 2}`, time);
  });
  computeScores(ctx);
  return { emu, setup, results: records(emu, 'Kết quả') };
}

test('setup sets an en_US spreadsheet to vi_VN, so typed share-log times give the vi_VN results', () => {
  const vi = scoresIn('vi_VN');
  const en = scoresIn('en_US');
  expect(en.emu.spreadsheet.getSpreadsheetLocale()).toBe('vi_VN');
  expect(en.setup.lines).toContain(
    'Đã đặt định dạng vùng (locale) của bảng tính thành vi_VN (trước là en_US): ngày gõ tay được hiểu theo thứ tự ngày/tháng/năm.',
  );
  expect(vi.setup.lines.some((l) => l.includes('định dạng vùng'))).toBe(false);
  expect(en.results).toEqual(vi.results);
  const ht010 = (r: { results: Record<string, unknown>[] }) => r.results.find((x) => x['Mã bài'] === 'HT-010')!['Điểm tương tác tính'];
  expect(ht010(en)).toBe(ht010(vi));
  // The test bites: left in en_US, "12/06/2023 10:00" is typed as 6 December, outside the window: one share less.

  const stale = scoresIn('en_US', true);
  expect(stale.emu.spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  expect(ht010(stale)).toBe(Number(ht010(vi)) - 2);
});

test('editing "Múi giờ" re-aligns the spreadsheet time zone at once (installable edit trigger), and says so in "Nhật ký"', () => {
  const c = makeContest();
  expect(c.emu.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
  const row = c.rows('Cấu hình').findIndex((r) => r[0] === 'Múi giờ') + 2;
  c.emu.editCell('Cấu hình', `B${row}`, 'Asia/Tokyo');
  expect(c.emu.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
  const log = c.rows('Nhật ký').map((r) => String(r[3]));
  expect(log[log.length - 1]).toContain('Đã đặt múi giờ của bảng tính thành Asia/Tokyo');
  // An invalid zone changes nothing (the settings error is reported by the reschedule line instead).
  c.emu.editCell('Cấu hình', `B${row}`, 'Sao Hỏa');
  expect(c.emu.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
});
