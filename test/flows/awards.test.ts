// "Lập danh sách khen thưởng" in the workbook: a list built while passed clips wait for marks says it is not final; tie-breaks explain themselves.
import { awardsAction, buildAwardList } from '../../src/flows/awards';
import { computeScores } from '../../src/flows/scores';
import { runMenuAction } from '../../src/ui/runner';
import { mark, newEmulator, records, rowOf, runFortyClips, setCell } from './fixture';

describe('an award list built while a passed clip is still unscored', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);

  test('the summary opens with "Danh sách CHƯA CHỐT", naming the clip and the juror; the list is still written', () => {
    // HT-040 (clip 40 → unit ((40 − 1) mod 25) + 1 = 15) passed appraisal but GK2 left it blank.
    expect(run.awards.lines.slice(0, 2)).toEqual([
      '⚠ Danh sách CHƯA CHỐT: 1 bài đạt thẩm định chưa được tính điểm vì BGK chưa chấm đủ / điểm không hợp lệ; ' +
        'các bài này có thể đạt giải. Hãy bổ sung hoặc sửa điểm rồi chạy lại "Lập danh sách khen thưởng":',
      '  HT-040 – Đoàn phường 15 (thiếu điểm của Trần Thị Bình – GK2)',
    ]);
    // The organizer may decide anyway: the seven award rows are there (see contest.test.ts).
    expect(records(emu, 'Giải thưởng')).toHaveLength(7);
    expect(run.awards.lines[2]).toBe('Giải Nhất: Đoàn phường 2 (HT-027) – 90,80 điểm');
  });

  test('an unreadable mark is named as such, and the warning is recorded in "Nhật ký"', () => {
    // GK1 types "9,5a" for HT-039: HT-039 is no longer scored either → 2 clips.
    mark(emu, 'GK1', 'HT-039', '9,5a');
    const summary = runMenuAction(run.ctx, awardsAction, undefined);
    expect(summary.lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^⚠ Danh sách CHƯA CHỐT: 2 bài đạt thẩm định chưa được tính điểm/),
      '  HT-039 – Đoàn phường 14 (điểm không hợp lệ của Nguyễn Văn An – GK1)',
      '  HT-040 – Đoàn phường 15 (thiếu điểm của Trần Thị Bình – GK2)',
    ]);
    const log = records(emu, 'Nhật ký').pop()!;
    expect(log['Thao tác']).toBe('Lập danh sách khen thưởng');
    expect(String(log['Chi tiết'])).toMatch(
      /^⚠ Danh sách CHƯA CHỐT: 2 bài .*"Lập danh sách khen thưởng": HT-039 – Đoàn phường 14 \(điểm không hợp lệ của Nguyễn Văn An – GK1\); HT-040 – Đoàn phường 15 \(thiếu điểm của Trần Thị Bình – GK2\) \| Giải Nhất:/,
    );
  });

  test('once every passed clip is marked, the warning is gone', () => {
    mark(emu, 'GK1', 'HT-039', 89);
    mark(emu, 'GK2', 'HT-040', 90);
    const summary = buildAwardList(run.ctx);
    expect(summary.lines.join('\n')).not.toContain('CHƯA CHỐT');
    // And the warning was right: HT-040 — all five marks 90 → 0.4 × 90 = 36; 300 reactions → 60; total 96 —
    // now takes Giải Nhất from HT-027 (90.8).
    expect(summary.lines[0]).toBe('Giải Nhất: Đoàn phường 15 (HT-040) – 96,00 điểm');
  });
});

describe('a prize decided by a tie-break says why, in "Giải thưởng" and in "Kết quả"', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  // HT-039 (Đoàn phường 14): jury 89 → 0.4 × 89 = 35.6; 156 reactions → 60 × 156/300 = 31.2; total 66.8,
  // the same as HT-001 (Đoàn phường 1): 20.4 + 46.4 = 66.8. Jury part 35.6 > 20.4 → HT-039 takes Giải Ba,
  // HT-001 drops to Khuyến khích.
  setCell(emu, 'Tương tác', rowOf(emu, 'Tương tác', 'Mã bài', 'HT-039'), 'Lượt cảm xúc', 156);
  computeScores(run.ctx);
  buildAwardList(run.ctx);
  const awards = records(emu, 'Giải thưởng');
  const award = (id: string) => awards.find((r) => r['Mã bài'] === id)!;
  const result = (id: string) => records(emu, 'Kết quả').find((r) => r['Mã bài'] === id)!;

  test('"Giải thưởng": both rows name the other clip and the tie-break', () => {
    expect([award('HT-039')['Giải'], award('HT-039')['Tổng điểm']]).toEqual(['Giải Ba', 66.8]);
    expect(award('HT-039')['Ghi chú']).toBe('Bằng 66,80 điểm với HT-001 (Đoàn phường 1); xếp trên vì điểm BGK cao hơn');
    expect([award('HT-001')['Giải'], award('HT-001')['Tổng điểm']]).toEqual(['Giải Khuyến khích', 66.8]);
    expect(award('HT-001')['Ghi chú']).toBe('Bằng 66,80 điểm với HT-039 (Đoàn phường 14); xếp dưới vì điểm BGK thấp hơn');
    // The unresolved tie at the last place keeps its own note.
    expect(String(award('HT-037')['Ghi chú'])).toMatch(/^Đồng điểm – BTC quyết định: Đoàn phường 1[23], Đoàn phường 1[23]$/);
  });

  test('"Kết quả": the same explanation on both clips; the rank follows the tie-break', () => {
    expect(result('HT-039')['Ghi chú']).toBe('Bằng 66,80 điểm với HT-001 (Đoàn phường 1); xếp trên vì điểm BGK cao hơn.');
    expect(result('HT-001')['Ghi chú']).toBe('Bằng 66,80 điểm với HT-039 (Đoàn phường 14); xếp dưới vì điểm BGK thấp hơn.');
    // Ranks: 90.8, 80.8, 76 above → HT-039 (jury 35.6) is 4th and HT-001 (jury 20.4) 5th, as the note says.
    expect([result('HT-039')['Hạng'], result('HT-001')['Hạng']]).toEqual([4, 5]);
  });
});
