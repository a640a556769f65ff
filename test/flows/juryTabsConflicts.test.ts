// A conflict of interest added (or removed) after the jury tabs exist: rows are re-marked, re-greyed, and typed marks reported.
import { prepareJuryTabs, CONFLICT_BACKGROUND } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { JURORS, flowContext, newEmulator, records, rowOf, runFortyClips, setCell, sheet } from './fixture';

describe('"Chuẩn bị phiếu chấm BGK" after a juror\'s unit changed', () => {
  const emu = newEmulator();
  runFortyClips(emu);
  const ctx = flowContext(emu);
  const [an, , , , em] = JURORS;
  const anTab = `BGK - ${an.name}`;
  const emTab = `BGK - ${em.name}`;
  // GK1 turns out to be from "Đoàn phường 1" (clips HT-001 and HT-026, already marked 51 and 76);
  // GK5's unit was a mistake and is cleared (HT-003 and HT-028 were excluded, left blank).
  setCell(emu, 'Ban giám khảo', rowOf(emu, 'Ban giám khảo', 'Mã', an.code), 'Đơn vị', 'Đoàn phường 1');
  setCell(emu, 'Ban giám khảo', rowOf(emu, 'Ban giám khảo', 'Mã', em.code), 'Đơn vị', '');
  emu.calls.reset();
  const summary = prepareJuryTabs(ctx);
  const calls = emu.calls.byMethod();

  test('the new conflict rows say "Không chấm (cùng đơn vị)" and are grey; the marks stay as typed', () => {
    // Passed clips are 1–40 without 5, 18, 33: HT-001 is row 2, HT-026 row 25 (26 − 1 − 2 failed before it + 1).
    for (const [id, row, mark] of [
      ['HT-001', 2, 51],
      ['HT-026', 25, 76],
    ] as const) {
      expect(rowOf(emu, anTab, 'Mã bài', id)).toBe(row);
      const r = records(emu, anTab).find((x) => x['Mã bài'] === id)!;
      expect([r['Điểm'], r['Tổng']]).toEqual([mark, 'Không chấm (cùng đơn vị)']);
      expect(new Set(sheet(emu, anTab).getRange(row, 1, 1, 8).getBackgrounds()[0])).toEqual(new Set([CONFLICT_BACKGROUND]));
    }
    // HT-002 (row 3) is not touched.
    expect(sheet(emu, anTab).getRange(3, 1).getBackground()).toBe('#ffffff');
  });

  test('marks typed into a conflict row are reported', () => {
    expect(summary.warnings).toContain(
      `Trang "${anTab}", dòng 2: bài HT-001 cùng đơn vị với giám khảo Nguyễn Văn An (không chấm) nhưng đã có điểm – điểm này không được tính.`,
    );
    expect(summary.warnings).toContain(
      `Trang "${anTab}", dòng 25: bài HT-026 cùng đơn vị với giám khảo Nguyễn Văn An (không chấm) nhưng đã có điểm – điểm này không được tính.`,
    );
    expect(summary.lines).toContain(`"${anTab}": đã cập nhật, thêm 0 bài, 2 bài cùng đơn vị không chấm, đánh dấu thêm 2 bài cùng đơn vị.`);
  });

  test('rows no longer in conflict are un-marked and un-greyed, so the juror is expected to mark them', () => {
    // HT-003 is row 4, HT-028 row 27 in every tab.
    for (const [id, row] of [
      ['HT-003', 4],
      ['HT-028', 27],
    ] as const) {
      expect(rowOf(emu, emTab, 'Mã bài', id)).toBe(row);
      const r = records(emu, emTab).find((x) => x['Mã bài'] === id)!;
      expect([r['Điểm'], r['Tổng']]).toEqual(['', '']);
      expect(sheet(emu, emTab).getRange(row, 1).getBackground()).toBe('#ffffff');
    }
    expect(summary.lines).toContain(`"${emTab}": đã cập nhật, thêm 0 bài, bỏ đánh dấu 2 bài không còn cùng đơn vị.`);
    // GK5 now has to mark HT-003 and HT-028: "Tính điểm" names them among the missing marks.
    const scores = computeScores(ctx);
    expect(scores.lines).toContain('  Hoàng Văn Em (GK5) chưa chấm 2 bài: HT-003, HT-028');
  });

  test('one getBackgrounds and one setBackgrounds per tab that changed, however many rows', () => {
    // Two tabs changed (GK1, GK5): the rows of each are painted in one block.
    expect(calls['Range.getBackgrounds']).toBe(2);
    expect(calls['Range.setBackgrounds']).toBe(2);
  });

  test('a second run changes nothing more', () => {
    const before = sheet(emu, anTab).getDataRange().getValues();
    emu.calls.reset();
    const again = prepareJuryTabs(ctx);
    expect(emu.calls.count('Range.setBackgrounds')).toBe(0);
    expect(sheet(emu, anTab).getDataRange().getValues()).toEqual(before);
    expect(again.lines).toContain(`"${anTab}": đã cập nhật, thêm 0 bài, 2 bài cùng đơn vị không chấm.`);
  });
});
