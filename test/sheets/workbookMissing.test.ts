// Rows typed by hand into "Bài dự thi" with blank essential columns: one warning per row when the contest is read, scoring goes on.
import { updateAppraisal } from '../../src/flows/appraisal';
import { computeScores } from '../../src/flows/scores';
import { readContest } from '../../src/sheets/workbook';
import { appendByHeader, flowContext, newEmulator, runFortyClips } from '../flows/fixture';

describe('hand-typed rows in "Bài dự thi" missing essential columns', () => {
  const emu = newEmulator();
  const { ctx } = runFortyClips(emu);
  const full = {
    'Thời gian nộp': '01/06/2023 10:00',
    'Đơn vị': 'Đoàn phường 1',
    'Hình thức': 'Cá nhân',
    'Tác giả': 'Nguyễn Văn A',
    'Tên tác phẩm': 'Tuổi trẻ quận 11',
    'Link video': 'https://drive.google.com/file/d/tay',
  };
  // The 40 sample clips fill rows 2–41, so these land in rows 42–45.
  appendByHeader(emu, 'Bài dự thi', [
    { ...full, 'Mã bài': 'HT-041', 'Hình thức': '', 'Tác giả': '' }, // row 42
    { ...full, 'Mã bài': 'HT-042', 'Tên tác phẩm': '', 'Link video': '   ' }, // row 43 (spaces count as blank)
    { ...full, 'Mã bài': 'HT-043', 'Đơn vị': '' }, // row 44: blank unit is reported by clip elsewhere
    { ...full, 'Mã bài': 'HT-044' }, // row 45: complete
  ]);
  const missing = (warnings: { code: string; message: string }[]) => warnings.filter((p) => p.code === 'submission.missing').map((p) => p.message);
  const row42 = 'Trang "Bài dự thi", dòng 42: thiếu "Hình thức", "Tác giả".';
  const row43 = 'Trang "Bài dự thi", dòng 43: thiếu "Tên tác phẩm", "Link video".';

  test('readContest names sheet, row and the missing columns in sheet order, one warning per row', () => {
    expect(missing(readContest(ctx.spreadsheet).warnings)).toEqual([row42, row43]);
  });

  test('"Tính điểm" shows them and still scores: the four new clips are unscored, the 36 others keep their scores', () => {
    const scores = computeScores(flowContext(emu));
    // 36 of the 40 sample clips were scored; the 4 new ones are not appraised yet → 36/44.
    expect(scores.lines[0]).toBe('Đã tính điểm 36/44 bài; kết quả ở trang "Kết quả".');
    expect(scores.warnings).toEqual(expect.arrayContaining([row42, row43]));
    // The blank unit of HT-043 is reported once, by clip, not again as a missing column.
    expect(scores.warnings.join('\n')).toContain('HT-043 – (chưa ghi đơn vị)');
    expect(scores.warnings.join('\n')).not.toContain('dòng 44');
  });

  test('"Cập nhật thẩm định" shows them and still adds the rows for appraisal', () => {
    const appraisal = updateAppraisal(flowContext(emu));
    expect(appraisal.warnings).toEqual(expect.arrayContaining([row42, row43]));
    // HT-041…HT-044 are new to "Thẩm định"; nothing else was ticked since the sample run.
    expect(appraisal.lines).toContain('Đã thêm 4 bài mới vào trang "Thẩm định".');
  });

  test('the sample rows (all columns filled) bring no such warning', () => {
    const fresh = newEmulator();
    runFortyClips(fresh);
    expect(missing(readContest(flowContext(fresh).spreadsheet).warnings)).toEqual([]);
  });
});
