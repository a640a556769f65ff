// Late entries in the workbook: "Trạng thái" says a late clip is not counted, and "Kết quả" gives one reason, not two.
import { updateAppraisal } from '../../src/flows/appraisal';
import { computeScores } from '../../src/flows/scores';
import { newEmulator, records, rowOf, runFortyClips, setCell, setSetting } from './fixture';

describe('a clip sent after "Hạn nộp bài" (10/06/2023 23:59)', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  // HT-040 passed appraisal and was sent to the jury (GK2 never marked it); its time is now after the deadline.
  setCell(emu, 'Bài dự thi', rowOf(emu, 'Bài dự thi', 'Mã bài', 'HT-040'), 'Thời gian nộp', '11/06/2023 00:05');
  const status = (id: string) => records(emu, 'Bài dự thi').find((r) => r['Mã bài'] === id)!['Trạng thái'];
  const note = (id: string) => records(emu, 'Kết quả').find((r) => r['Mã bài'] === id)!['Ghi chú'];

  test('"Trạng thái" is "Nộp trễ – không tính" instead of "Đạt" while late entries are not accepted', () => {
    expect(status('HT-040')).toBe('Đạt');
    const summary = updateAppraisal(run.ctx);
    expect(status('HT-040')).toBe('Nộp trễ – không tính');
    // The dialog says where the passed clip went: 37 passed, 1 of them late → not sent on to the jury.
    expect(summary.lines).toContain('1 bài đạt nhưng nộp trễ nên không đưa vào chấm (thiết lập "Nhận bài nộp trễ" là Không): HT-040');
    // On-time clips keep their appraisal result.
    expect(status('HT-039')).toBe('Đạt');
    expect(status('HT-005')).toBe('Không đạt');
  });

  test('"Kết quả" names only why the clip was never sent to the jury', () => {
    computeScores(run.ctx);
    // Before: "Nộp trễ. BGK chưa chấm đủ: thiếu điểm của Trần Thị Bình (GK2)." — the jury part is moot for an excluded clip.
    expect(note('HT-040')).toBe('Nộp trễ.');
    // HT-005 failed TT4 and has no jury marks: no "Chưa có điểm BGK" after the appraisal reason.
    expect(note('HT-005')).toBe('Không đạt thẩm định: Âm thanh rõ ràng, không có tạp âm.');
  });

  test('with "Nhận bài nộp trễ" = Có the status switches back and the missing mark is named again', () => {
    setSetting(emu, 'Nhận bài nộp trễ', 'Có');
    const summary = updateAppraisal(run.ctx);
    expect(status('HT-040')).toBe('Đạt');
    expect(summary.lines.join('\n')).not.toContain('nộp trễ nên không đưa vào chấm');
    computeScores(run.ctx);
    expect(note('HT-040')).toBe('BGK chưa chấm đủ: thiếu điểm của Trần Thị Bình (GK2). Nộp trễ (BTC cho phép nhận bài trễ).');
  });
});
