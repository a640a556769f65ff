// What the organizer sees after changing "Cấu hình": aggregation, weights, point values, caps, partial marks, one prize per unit.
import { buildAwardList } from '../../src/flows/awards';
import { computeScores } from '../../src/flows/scores';
import { mark, newEmulator, records, runFortyClips, setSetting, type Emu } from './fixture';

const result = (emu: Emu, id: string) => records(emu, 'Kết quả').find((r) => r['Mã bài'] === id)!;
const prizes = (emu: Emu) => records(emu, 'Giải thưởng').map((r) => [r['Giải'], r['Đơn vị'], r['Mã bài'], r['Tổng điểm']]);

describe('"Cách tổng hợp điểm BGK" in "Cấu hình"', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  // HT-007 (no engagement, so its total is its jury part): every juror gave 50 + 7 = 57; now GK1 gives
  // 40, GK2 100, GK3 70, GK4 and GK5 keep 57 → sorted 40, 57, 57, 70, 100.
  mark(emu, 'GK1', 'HT-007', 40);
  mark(emu, 'GK2', 'HT-007', 100);
  mark(emu, 'GK3', 'HT-007', 70);
  const row = (id: string) => {
    const r = result(emu, id);
    return [r['Điểm BGK'], r['Điểm BGK quy đổi'], r['Tổng điểm']] as number[];
  };

  test('"Trung bình" (default): (40 + 57 + 57 + 70 + 100) / 5 = 324 / 5 = 64.8 → 40 × 64.8 / 100 = 25.92', () => {
    computeScores(run.ctx);
    const [agg, part, total] = row('HT-007');
    expect(agg).toBeCloseTo(64.8, 4);
    expect(part).toBeCloseTo(25.92, 4);
    expect(total).toBeCloseTo(25.92, 4);
  });

  test('"Trung bình bỏ cao nhất và thấp nhất": drop 40 and 100 → (57 + 57 + 70) / 3 = 61.3333 → 24.5333', () => {
    setSetting(emu, 'Cách tổng hợp điểm BGK', 'Trung bình bỏ cao nhất và thấp nhất');
    computeScores(run.ctx);
    const [agg, part, total] = row('HT-007');
    expect(agg).toBeCloseTo(61.3333, 4);
    expect(part).toBeCloseTo(24.5333, 4);
    expect(total).toBeCloseTo(24.5333, 4);
    // HT-003 has only 4 marks (GK5 is of its unit): 70, 80, 80, 90 → drop 70 and 90 → 80, as its mean.
    expect(result(emu, 'HT-003')['Điểm BGK']).toBe(80);
  });

  test('"Trung vị": the middle of 40, 57, 57, 70, 100 is 57 → 40 × 57 / 100 = 22.8', () => {
    setSetting(emu, 'Cách tổng hợp điểm BGK', 'Trung vị');
    computeScores(run.ctx);
    const [agg, part, total] = row('HT-007');
    expect(agg).toBe(57);
    expect(part).toBeCloseTo(22.8, 4);
    expect(total).toBeCloseTo(22.8, 4);
  });
});

describe('weights, points per share, the per-account share cap and the points cap in "Cấu hình"', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  setSetting(emu, 'Trọng số BGK (%)', '30');
  setSetting(emu, 'Trọng số tương tác (%)', '70');
  setSetting(emu, 'Điểm mỗi lượt chia sẻ', '3');
  setSetting(emu, 'Số lượt chia sẻ tính tối đa mỗi tài khoản', '1');
  setSetting(emu, 'Điểm tương tác tối đa', '200');
  const scores = computeScores(run.ctx);
  buildAwardList(run.ctx);
  const breakdown = (id: string) => {
    const r = result(emu, id);
    return [r['Điểm BGK quy đổi'], r['Điểm tương tác'], r['Điểm tương tác tính'], r['Điểm tương tác quy đổi'], r['Tổng điểm']] as number[];
  };

  test('HT-010 (share log): fan.a 6 shares → 1, fan.b 1 (16:01 is out), fan.c 1, fan.d 0 → 3 shares; 3 × 3 + 100 = 109 points', () => {
    expect(scores.title).toBe('Tính điểm');
    const [jury, raw, counted, eng, total] = breakdown('HT-010');
    // jury: five marks of 60 → 30 × 60 / 100 = 18; engagement 109 ≤ 200 → 70 × 109 / 200 = 38.15; total 56.15.
    expect(jury).toBeCloseTo(18, 4);
    expect([raw, counted]).toEqual([109, 109]);
    expect(eng).toBeCloseTo(38.15, 4);
    expect(total).toBeCloseTo(56.15, 4);
  });

  test('points above the new cap count as 200: HT-027 3 × 40 + 250 = 370 → 70; HT-003 3 × 10 + 200 = 230 → 70', () => {
    // HT-027: 30 × 77 / 100 = 23.1 + 70 = 93.1. HT-003: 30 × 80 / 100 = 24 + 70 = 94.
    expect(breakdown('HT-027')).toEqual([expect.closeTo(23.1, 4), 370, 200, 70, expect.closeTo(93.1, 4)]);
    expect(breakdown('HT-003')).toEqual([expect.closeTo(24, 4), 230, 200, 70, expect.closeTo(94, 4)]);
    // HT-001: 30 × 51 / 100 = 15.3; 3 × 41 + 150 = 273 → 200 → 70; total 85.3.
    expect(breakdown('HT-001')[4]).toBeCloseTo(85.3, 4);
    expect([result(emu, 'HT-003')['Hạng'], result(emu, 'HT-027')['Hạng']]).toEqual([1, 2]);
  });

  test('the award list follows: Đoàn phường 3 (94) overtakes Đoàn phường 2 (93.1) for Giải Nhất', () => {
    // Then P1 HT-001 85.3 (Ba), P10 HT-010 56.15, P14 HT-039 30 × 89 / 100 = 26.7, and the tie of
    // HT-037 / HT-038 at 30 × 88 / 100 = 26.4 for the last Khuyến khích place, still flagged.
    expect(prizes(emu)).toEqual([
      ['Giải Nhất', 'Đoàn phường 3', 'HT-003', expect.closeTo(94, 4)],
      ['Giải Nhì', 'Đoàn phường 2', 'HT-027', expect.closeTo(93.1, 4)],
      ['Giải Ba', 'Đoàn phường 1', 'HT-001', expect.closeTo(85.3, 4)],
      ['Giải Khuyến khích', 'Đoàn phường 10', 'HT-010', expect.closeTo(56.15, 4)],
      ['Giải Khuyến khích', 'Đoàn phường 14', 'HT-039', expect.closeTo(26.7, 4)],
      ['Giải Khuyến khích', expect.stringMatching(/^Đoàn phường 1[23]$/), expect.stringMatching(/^HT-03[78]$/), expect.closeTo(26.4, 4)],
      ['Giải Khuyến khích', expect.stringMatching(/^Đoàn phường 1[23]$/), expect.stringMatching(/^HT-03[78]$/), expect.closeTo(26.4, 4)],
    ]);
  });
});

describe('"Tính điểm khi BGK chưa chấm đủ" and "Mỗi đơn vị tối đa một giải" in "Cấu hình"', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);

  test('partial marks allowed: HT-040 is scored on the 4 jurors who marked it and takes Giải Nhất', () => {
    setSetting(emu, 'Tính điểm khi BGK chưa chấm đủ', 'Có');
    computeScores(run.ctx);
    buildAwardList(run.ctx);
    // GK1, GK3, GK4, GK5 gave 50 + 40 = 90 (GK2 blank) → 40 × 90 / 100 = 36; 300 reactions → 60; total 96.
    const r = result(emu, 'HT-040');
    expect([r['Điểm BGK'], r['Hạng']]).toEqual([90, 1]);
    expect(r['Tổng điểm']).toBeCloseTo(96, 4);
    expect(r['Ghi chú']).toBe('Tính với 4/5 giám khảo đã chấm.');
    expect(prizes(emu)[0]).toEqual(['Giải Nhất', 'Đoàn phường 15', 'HT-040', 96]);
  });

  test('one prize per unit off: Đoàn phường 2 wins twice (HT-027 90.8 and HT-002 80.8)', () => {
    setSetting(emu, 'Mỗi đơn vị tối đa một giải', 'Không');
    buildAwardList(run.ctx);
    // Clips by total: HT-040 96, HT-027 90.8, HT-002 80.8, HT-003 76, HT-001 66.8, HT-010 45.6 → six prizes, no tie.
    expect(prizes(emu)).toEqual([
      ['Giải Nhất', 'Đoàn phường 15', 'HT-040', 96],
      ['Giải Nhì', 'Đoàn phường 2', 'HT-027', expect.closeTo(90.8, 4)],
      ['Giải Ba', 'Đoàn phường 2', 'HT-002', expect.closeTo(80.8, 4)],
      ['Giải Khuyến khích', 'Đoàn phường 3', 'HT-003', expect.closeTo(76, 4)],
      ['Giải Khuyến khích', 'Đoàn phường 1', 'HT-001', expect.closeTo(66.8, 4)],
      ['Giải Khuyến khích', 'Đoàn phường 10', 'HT-010', expect.closeTo(45.6, 4)],
    ]);
  });
});
