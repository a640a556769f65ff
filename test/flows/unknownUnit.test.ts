// A clip whose unit is not in "Đơn vị": still scored and ranked in "Kết quả", kept out of the awards until the organizer fixes it.
import { buildAwardList } from '../../src/flows/awards';
import { computeScores } from '../../src/flows/scores';
import { newEmulator, records, rowOf, runFortyClips, setCell } from './fixture';

describe('a clip from a unit that is not in the roster', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  // HT-027 (typed "P2", alias of Đoàn phường 2) is the contest's best clip at 90.8. The organizer's
  // sheet now says a unit nobody has in "Đơn vị".
  const row = rowOf(emu, 'Bài dự thi', 'Mã bài', 'HT-027');
  setCell(emu, 'Bài dự thi', row, 'Đơn vị', 'Đoàn phường 99');
  const scores = computeScores(run.ctx);
  const awards = buildAwardList(run.ctx);
  const result = (id: string) => records(emu, 'Kết quả').find((r) => r['Mã bài'] === id)!;
  const prizes = () => records(emu, 'Giải thưởng').map((r) => [r['Giải'], r['Đơn vị'], r['Mã bài'], r['Tổng điểm']]);

  test('keeps its score and rank in "Kết quả", with a note saying it is not considered for awards', () => {
    // Nothing about its marks or engagement changed: 30.8 + 60 = 90.8, still rank 1.
    expect(result('HT-027')['Hạng']).toBe(1);
    expect(result('HT-027')['Tổng điểm']).toBeCloseTo(90.8, 4);
    expect(result('HT-027')['Đơn vị']).toBe('Đoàn phường 99');
    expect(result('HT-027')['Ghi chú']).toBe(
      'Đơn vị "Đoàn phường 99" không có trong danh sách đơn vị – chưa xét giải; BTC sửa cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại.',
    );
    expect(scores.lines[1]).toBe('1. HT-027 – Đoàn phường 99: 90,80 (đơn vị không có trong danh sách – chưa xét giải)');
  });

  test('wins nothing: Đoàn phường 2 competes with its other clip, and the summary warns the organizer', () => {
    // Without HT-027, Đoàn phường 2's best is HT-002 (80.8), still above P3's 76 → Nhất; the rest as before.
    expect(prizes().slice(0, 5)).toEqual([
      ['Giải Nhất', 'Đoàn phường 2', 'HT-002', 80.8],
      ['Giải Nhì', 'Đoàn phường 3', 'HT-003', 76],
      ['Giải Ba', 'Đoàn phường 1', 'HT-001', 66.8],
      ['Giải Khuyến khích', 'Đoàn phường 10', 'HT-010', 45.6],
      ['Giải Khuyến khích', 'Đoàn phường 14', 'HT-039', 35.6],
    ]);
    expect(prizes().map((p) => p[2])).not.toContain('HT-027');
    const warning =
      'Chưa xét giải 1 bài vì đơn vị không có trong danh sách "Đơn vị": HT-027 – Đoàn phường 99 (hạng 1, 90,80 điểm). ' +
      'BTC sửa cột "Đơn vị" ở trang "Bài dự thi" cho đúng tên hoặc tên gọi khác trong trang "Đơn vị" rồi tính lại.';
    expect(awards.warnings).toContain(warning);
    expect(scores.warnings).toContain(warning);
  });

  test('once the organizer types a roster alias (any case, no diacritics) it wins again and the warning is gone', () => {
    setCell(emu, 'Bài dự thi', row, 'Đơn vị', 'phuong 2'); // alias "Phường 2" of Đoàn phường 2
    computeScores(run.ctx);
    const again = buildAwardList(run.ctx);
    expect(result('HT-027')['Đơn vị']).toBe('Đoàn phường 2');
    expect(result('HT-027')['Ghi chú']).toBe('');
    expect(prizes()[0]).toEqual(['Giải Nhất', 'Đoàn phường 2', 'HT-027', 90.8]);
    expect(again.warnings.join('\n')).not.toContain('Chưa xét giải');
  });
});
