// A row deleted in "Bài dự thi": its clip's rows left in other sheets are named, sheet by sheet, by "Tính điểm".
import { computeScores } from '../../src/flows/scores';
import { readContest } from '../../src/sheets/workbook';
import { JURORS, flowContext, newEmulator, rowOf, runFortyClips, sheet } from '../flows/fixture';

describe('clips deleted from "Bài dự thi"', () => {
  const emu = newEmulator();
  runFortyClips(emu);
  // HT-007 (no engagement, no shares) and HT-010 (the ten share-log rows) are deleted by hand.
  const subs = sheet(emu, 'Bài dự thi');
  subs.deleteRow(rowOf(emu, 'Bài dự thi', 'Mã bài', 'HT-010'));
  subs.deleteRow(rowOf(emu, 'Bài dự thi', 'Mã bài', 'HT-007'));
  const read = readContest(flowContext(emu).spreadsheet);
  const messages = read.warnings.filter((p) => p.code === 'clip.orphan').map((p) => `${p.message} (${p.consequence})`);

  test('one line per sheet, naming the IDs and their rows', () => {
    // "Thẩm định" lists all 40 clips from row 2: HT-007 is row 8, HT-010 row 11.
    // Jury tabs and "Tương tác" list the 37 passed clips; HT-005 failed, so HT-007 is row 7 and HT-010 row 10.
    // "Nhật ký chia sẻ" holds the ten HT-010 entries in rows 2–11.
    const jury = JURORS.map(
      (j) =>
        `Trang "BGK - ${j.name}": mã bài không có trong "Bài dự thi" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): HT-007 (dòng 7), HT-010 (dòng 10). (các dòng này không được tính)`,
    );
    expect(messages).toEqual([
      'Trang "Thẩm định": mã bài không có trong "Bài dự thi" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): HT-007 (dòng 8), HT-010 (dòng 11). (các dòng này không được tính)',
      ...jury,
      'Trang "Tương tác": mã bài không có trong "Bài dự thi" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): HT-007 (dòng 7), HT-010 (dòng 10). (các dòng này không được tính)',
      `Trang "Nhật ký chia sẻ": mã bài không có trong "Bài dự thi" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): ${Array.from({ length: 10 }, (_, k) => `HT-010 (dòng ${k + 2})`).join(', ')}. (các dòng này không được tính)`,
    ]);
  });

  test('"Tính điểm" shows them with what happens meanwhile', () => {
    const scores = computeScores(flowContext(emu));
    // 38 clips left; 36 were scored before, HT-007 and HT-010 among them → 34.
    expect(scores.lines[0]).toBe('Đã tính điểm 34/38 bài; kết quả ở trang "Kết quả".');
    expect(scores.warnings).toContain(
      'Trang "Thẩm định": mã bài không có trong "Bài dự thi" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): HT-007 (dòng 8), HT-010 (dòng 11); các dòng này không được tính.',
    );
  });

  test('an intact workbook has no such warning', () => {
    const fresh = newEmulator();
    runFortyClips(fresh);
    expect(readContest(flowContext(fresh).spreadsheet).warnings.filter((p) => p.code === 'clip.orphan')).toEqual([]);
  });
});
