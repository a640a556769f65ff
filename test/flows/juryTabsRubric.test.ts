// "Tiêu chí chấm" changed after marking: new criteria go before "Tổng"; the old column is kept and reported while it holds marks.
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { JURORS, flowContext, newEmulator, records, runFortyClips, sheet } from './fixture';

describe('rubric "Điểm 100" replaced by "Nội dung 60" + "Hình thức 40" after the jurors marked', () => {
  const emu = newEmulator();
  runFortyClips(emu);
  // The organizer overwrites row 2 and adds row 3 of "Tiêu chí chấm".
  sheet(emu, 'Tiêu chí chấm')
    .getRange('A2:B3')
    .setValues([
      ['Nội dung', 60],
      ['Hình thức', 40],
    ]);
  const ctx = flowContext(emu);
  const summary = prepareJuryTabs(ctx);
  const an = `BGK - ${JURORS[0].name}`;

  test('the new columns are inserted before "Tổng"; "Điểm" keeps its place and its marks', () => {
    const headers = sheet(emu, an).getRange(1, 1, 1, sheet(emu, an).getLastColumn()).getValues()[0];
    expect(headers).toEqual(['Mã bài', 'Đơn vị', 'Tên tác phẩm', 'Link video', 'Link bài đăng', 'Điểm', 'Nội dung', 'Hình thức', 'Tổng', 'Nhận xét']);
    // HT-001 is row 2; GK1's mark of clip i is 50 + i → 51, untouched.
    const r = records(emu, an).find((x) => x['Mã bài'] === 'HT-001')!;
    expect([r['Điểm'], r['Nội dung'], r['Hình thức'], r['Tổng']]).toEqual([51, '', '', '']);
    expect(summary.lines).toContain(`"${an}": đã thêm cột "Nội dung", "Hình thức" (trước cột "Tổng").`);
  });

  test('the summary warns, per tab, how many marks the old column still holds', () => {
    // 40 clips − 3 failing appraisal = 37 rows per tab. GK1: 37 marks. GK2 left HT-040 blank: 36.
    // GK5 does not mark HT-003 and HT-028 (own unit): 35.
    expect(summary.warnings).toContain(`Trang "${an}", cột "Điểm": còn 37 điểm nhưng tiêu chí này không còn trong "Tiêu chí chấm" – điểm này không được tính.`);
    expect(summary.warnings).toContain(
      `Trang "BGK - ${JURORS[1].name}", cột "Điểm": còn 36 điểm nhưng tiêu chí này không còn trong "Tiêu chí chấm" – điểm này không được tính.`,
    );
    expect(summary.warnings).toContain(
      `Trang "BGK - ${JURORS[4].name}", cột "Điểm": còn 35 điểm nhưng tiêu chí này không còn trong "Tiêu chí chấm" – điểm này không được tính.`,
    );
  });

  test('"Tính điểm" says the same instead of silently scoring nothing', () => {
    const scores = computeScores(ctx);
    expect(scores.lines[0]).toBe('Đã tính điểm 0/40 bài; kết quả ở trang "Kết quả".');
    expect(scores.warnings.join('\n')).toContain(
      `Trang "${an}", cột "Điểm": còn 37 điểm nhưng tiêu chí này không còn trong "Tiêu chí chấm" – điểm này không được tính.`,
    );
  });

  test('new marks go into the new columns, validated 0…60 and 0…40, and are summed', () => {
    const s = sheet(emu, an);
    emu.setUser(JURORS[0].email);
    s.getRange('G2:H2').setValues([[55, 35]]);
    emu.setUser('btc@quandoan11.vn');
    expect(s.getRange('G2').getDataValidation()!.getCriteriaValues()).toEqual([0, 60]);
    expect(s.getRange('H2').getDataValidation()!.getCriteriaValues()).toEqual([0, 40]);
    prepareJuryTabs(ctx);
    // 55 + 35 = 90.
    expect(records(emu, an).find((x) => x['Mã bài'] === 'HT-001')!['Tổng']).toBe(90);
    // A second run inserts nothing more.
    expect(s.getLastColumn()).toBe(10);
  });
});
