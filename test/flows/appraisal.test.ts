// "Cập nhật thẩm định": "Lý do" lists only the unticked criteria; rewording it keeps who appraised and when.
import { updateAppraisal } from '../../src/flows/appraisal';
import { newEmulator, records, rowOf, runFortyClips, setCell } from './fixture';

describe('"Lý do" in "Thẩm định"', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  const row = (id: string) => records(emu, 'Thẩm định').find((r) => r['Mã bài'] === id)!;

  test('names the unticked criteria without repeating "Không đạt" from "Kết quả"', () => {
    expect([row('HT-005')['Kết quả'], row('HT-005')['Lý do']]).toEqual(['Không đạt', 'Chưa đạt tiêu chí: Âm thanh rõ ràng, không có tạp âm']);
    // "Kết quả" keeps a meaningful note: the result and the criterion.
    expect(records(emu, 'Kết quả').find((r) => r['Mã bài'] === 'HT-005')!['Ghi chú']).toBe('Không đạt thẩm định: Âm thanh rõ ràng, không có tạp âm.');
  });

  test('a reason in the old wording is rewritten, but "Người thẩm định" and "Thời gian thẩm định" stay', () => {
    const r = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-018');
    const when = new Date('2023-06-15T10:00:00+07:00');
    setCell(emu, 'Thẩm định', r, 'Lý do', 'Không đạt: Âm thanh rõ ràng, không có tạp âm');
    setCell(emu, 'Thẩm định', r, 'Người thẩm định', 'thamdinh@quandoan11.vn');
    setCell(emu, 'Thẩm định', r, 'Thời gian thẩm định', when);
    updateAppraisal(run.ctx); // run by the organizer (OWNER) at NOW
    expect(row('HT-018')).toMatchObject({
      'Kết quả': 'Không đạt',
      'Lý do': 'Chưa đạt tiêu chí: Âm thanh rõ ràng, không có tạp âm',
      'Người thẩm định': 'thamdinh@quandoan11.vn',
      'Thời gian thẩm định': when,
    });
  });
});
