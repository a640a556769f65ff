// A whole contest in the emulator: setup → submissions → appraisal → jury tabs → marks → engagement → scores → awards.
import { participationReport } from '../../src/flows/participation';
import { newEmulator, records, runFortyClips } from './fixture';

describe('the sample contest (25 units, 40 clips, 5 jurors)', () => {
  const emu = newEmulator();
  const run = runFortyClips(emu);
  const results = new Map(records(emu, 'Kết quả').map((r) => [String(r['Mã bài']), r]));

  test('appraisal: 37 pass, 3 fail with the unticked criterion as the reason', () => {
    expect(run.appraisal.lines[0]).toBe('Đạt: 37 bài · Không đạt: 3 bài · Chờ thẩm định: 0 bài.');
    const failed = records(emu, 'Thẩm định').filter((r) => r['Kết quả'] === 'Không đạt');
    expect(failed.map((r) => r['Mã bài'])).toEqual(['HT-005', 'HT-018', 'HT-033']);
    // "Lý do" names only the unticked criterion: "Kết quả" beside it already says "Không đạt".
    expect(failed[0]['Lý do']).toBe('Chưa đạt tiêu chí: Âm thanh rõ ràng, không có tạp âm');
    expect(run.appraisal.lines).toEqual(expect.arrayContaining(['Không đạt (3):', '  HT-005 – Âm thanh rõ ràng, không có tạp âm']));
    expect(records(emu, 'Bài dự thi').find((r) => r['Mã bài'] === 'HT-005')!['Trạng thái']).toBe('Không đạt');
  });

  test('jury tabs list the 37 passed clips; GK5 is shown excluded on unit 3 clips', () => {
    const gk5 = records(emu, 'BGK - Hoàng Văn Em');
    expect(gk5).toHaveLength(37);
    const excluded = gk5.filter((r) => r['Tổng'] === 'Không chấm (cùng đơn vị)').map((r) => r['Mã bài']);
    expect(excluded).toEqual(['HT-003', 'HT-028']);
    expect(records(emu, 'Tương tác')).toHaveLength(37);
  });

  test('totals worked out by hand', () => {
    // HT-027: 5 × 77 → mean 77 → 40 × 77/100 = 30.8; 2 × 40 + 250 = 330 points, capped at 300 → 60; total 90.8.
    const r27 = results.get('HT-027')!;
    expect(r27['Đơn vị']).toBe('Đoàn phường 2'); // typed as the alias "P2"
    expect(r27['Điểm BGK']).toBe(77);
    expect(r27['Điểm tương tác']).toBe(330);
    expect(r27['Điểm tương tác tính']).toBe(300);
    expect(r27['Điểm tương tác quy đổi']).toBe(60);
    expect(r27['Tổng điểm']).toBeCloseTo(90.8, 4);
    expect(r27['Hạng']).toBe(1);
    // HT-003: GK1–GK4 give 80, 90, 70, 80 (GK5 excluded) → mean 80 → 32; 2 × 10 + 200 = 220 → 60 × 220/300 = 44; total 76.
    expect(results.get('HT-003')!['Điểm BGK']).toBe(80);
    expect(results.get('HT-003')!['Tổng điểm']).toBeCloseTo(76, 4);
    // HT-001: 51 → 20.4; 2 × 41 + 150 = 232 → 46.4; total 66.8.
    expect(results.get('HT-001')!['Tổng điểm']).toBeCloseTo(66.8, 4);
    // HT-010: share log counts fan.a 2 (6 shares, one spelled "  FAN.A@fb "), fan.b 1 (16:01 is out),
    // fan.c 1 (16:00 is in), fan.d 0 (before the window) = 4 shares; the entered 100 is ignored.
    // 2 × 4 + 100 = 108 → 60 × 108/300 = 21.6; jury 60 → 24; total 45.6.
    expect(results.get('HT-010')!['Điểm tương tác']).toBe(108);
    expect(results.get('HT-010')!['Tổng điểm']).toBeCloseTo(45.6, 4);
    // HT-002: 52 → 20.8; 400 reactions capped at 300 → 60; total 80.8 (rank 2 among clips).
    expect(results.get('HT-002')!['Tổng điểm']).toBeCloseTo(80.8, 4);
    expect(results.get('HT-002')!['Hạng']).toBe(2);
  });

  test('unscored clips carry their reason; the missing mark is reported per juror', () => {
    // 40 clips − 3 failed − HT-040 (GK2 blank) = 36 scored.
    expect(run.scores.lines[0]).toBe('Đã tính điểm 36/40 bài; kết quả ở trang "Kết quả".');
    expect(results.get('HT-040')!['Tổng điểm']).toBe('');
    expect(String(results.get('HT-040')!['Ghi chú'])).toContain('BGK chưa chấm đủ: thiếu điểm của Trần Thị Bình (GK2)');
    expect(String(results.get('HT-005')!['Ghi chú'])).toContain('Âm thanh rõ ràng');
    // Nested lines: a heading, then its items indented by two spaces (one <ul> level in the dialog).
    expect(run.scores.lines.slice(4)).toEqual([
      'Chưa tính điểm 4 bài:',
      '  Không đạt thẩm định (3): HT-005, HT-018, HT-033',
      '  BGK chưa chấm đủ (1): HT-040',
      'Điểm BGK còn thiếu:',
      '  Trần Thị Bình (GK2) chưa chấm 1 bài: HT-040',
    ]);
  });

  test('award list: one prize per unit, best clip, and a flagged tie at the last prize', () => {
    const awards = records(emu, 'Giải thưởng').map((r) => [r['Giải'], r['Đơn vị'], r['Mã bài'], r['Tổng điểm']]);
    // Units by best clip: P2 90.8 (HT-027; its HT-002 80.8 cannot win twice), P3 76, P1 66.8, P10 45.6,
    // P14 35.6 (HT-039: 0.4 × 89), then P13 HT-038 and P12 HT-037 both 0.4 × 88 = 35.2, same jury part
    // and same submission time → they straddle the end of the Khuyến khích places: flagged, not broken.
    expect(awards).toEqual([
      ['Giải Nhất', 'Đoàn phường 2', 'HT-027', 90.8],
      ['Giải Nhì', 'Đoàn phường 3', 'HT-003', 76],
      ['Giải Ba', 'Đoàn phường 1', 'HT-001', 66.8],
      ['Giải Khuyến khích', 'Đoàn phường 10', 'HT-010', 45.6],
      ['Giải Khuyến khích', 'Đoàn phường 14', 'HT-039', 35.6],
      ['Giải Khuyến khích', expect.stringMatching(/Đoàn phường 1[23]/), expect.stringMatching(/HT-03[78]/), 35.2],
      ['Giải Khuyến khích', expect.stringMatching(/Đoàn phường 1[23]/), expect.stringMatching(/HT-03[78]/), 35.2],
    ]);
    const tied = records(emu, 'Giải thưởng').slice(5);
    expect(tied.map((r) => r['Mã bài']).sort()).toEqual(['HT-037', 'HT-038']);
    for (const r of tied) expect(String(r['Ghi chú'])).toMatch(/^Đồng điểm – BTC quyết định: .*Đoàn phường 1[23].*Đoàn phường 1[23]/);
    expect(records(emu, 'Giải thưởng')[0]['Hình thức khen thưởng']).toBe('Hiện kim + Giấy khen Quận Đoàn');
  });

  test('participation: 24 of 25 units meet the quota; unit 18 only sent a failing clip', () => {
    const summary = participationReport(run.ctx);
    expect(summary.lines[0]).toMatch(/^24\/25 đơn vị đạt chỉ tiêu/);
    const p18 = records(emu, 'Tham gia').find((r) => r['Đơn vị'] === 'Đoàn phường 18')!;
    expect([p18['Số bài nộp'], p18['Số bài hợp lệ'], p18['Số bài bị loại'], p18['Đạt chỉ tiêu']]).toEqual([1, 0, 1, 'Không']);
    const p5 = records(emu, 'Tham gia').find((r) => r['Đơn vị'] === 'Đoàn phường 5')!;
    expect([p5['Số bài nộp'], p5['Số bài hợp lệ'], p5['Số bài bị loại'], p5['Đạt chỉ tiêu']]).toEqual([2, 1, 1, 'Có']);
  });

  test('phone numbers and people text stay text', () => {
    expect(records(emu, 'Bài dự thi')[0]['Điện thoại']).toBe('0901234567');
  });
});
