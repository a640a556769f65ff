// "Chốt kết quả" / "Mở lại kết quả": snapshots, checksums in document properties, locked inputs, refusals, reopening with a reason.
import { fnv1a, valuesChecksum } from '../../src/domain/checksum';
import { buildAwardList } from '../../src/flows/awards';
import { FINAL_PROPERTY, changedSheets, finaliseResults, reopenResults, type FinalState } from '../../src/flows/finalise';
import { computeScores } from '../../src/flows/scores';
import { runMenuAction } from '../../src/ui/runner';
import { participationAction } from '../../src/flows/participation';
import { APPRAISER, JURORS, OWNER, mark, newEmulator, records, rowOf, runFortyClips, setCell, sheet } from '../flows/fixture';

describe('checksum', () => {
  test('FNV-1a 32-bit of known strings', () => {
    // Reference values of 32-bit FNV-1a: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
  test('values: trailing blanks ignored, any change detected, a date by its instant, 8 ≠ "8"', () => {
    const base = valuesChecksum([
      ['Mã', 'Điểm'],
      ['HT-001', 80],
    ]);
    expect(
      valuesChecksum([
        ['Mã', 'Điểm', ''],
        ['HT-001', 80, ''],
        ['', '', ''],
      ]),
    ).toBe(base);
    expect(
      valuesChecksum([
        ['Mã', 'Điểm'],
        ['HT-001', 81],
      ]),
    ).not.toBe(base);
    expect(
      valuesChecksum([
        ['Mã', 'Điểm'],
        ['HT-001', '80'],
      ]),
    ).not.toBe(base);
    expect(valuesChecksum([[new Date('2023-06-19T09:00:00Z')]])).toBe(valuesChecksum([[new Date('2023-06-19T16:00:00+07:00')]]));
  });
  test('changedSheets names changed, added and removed sheets', () => {
    expect(changedSheets({ A: '1', B: '2', C: '3' }, { A: '1', B: '9', D: '4' })).toEqual(['B', 'C', 'D']);
  });
});

function finalState(emu: ReturnType<typeof newEmulator>): FinalState | null {
  const raw = emu.PropertiesService.getDocumentProperties().getProperty(FINAL_PROPERTY);
  return raw ? (JSON.parse(raw) as FinalState) : null;
}

describe('Chốt kết quả', () => {
  test('snapshots "Kết quả" and "Giải thưởng", stores time, user and checksums, locks inputs; "Tính điểm" refuses', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    const summary = finaliseResults(ctx);
    expect(summary.lines[0]).toMatch(/^Đã chốt kết quả lúc 20\/06\/2023 09:00 \(btc@quandoan11\.vn\); mã kiểm tra dữ liệu [0-9a-f]{8}\.$/);
    expect(records(emu, 'Kết quả (chốt)')).toEqual(records(emu, 'Kết quả'));
    expect(records(emu, 'Giải thưởng (chốt)')).toEqual(records(emu, 'Giải thưởng'));
    expect(sheet(emu, 'Kết quả (chốt)').getRange(1, 1).getNote()).toMatch(
      /^Chốt lúc 20\/06\/2023 09:00 bởi btc@quandoan11\.vn; mã kiểm tra dữ liệu [0-9a-f]{8}\.$/,
    );
    const state = finalState(emu)!;
    expect(state.user).toBe(OWNER);
    expect(state.at).toBe('2023-06-20T02:00:00.000Z');
    // 10 input sheets + 5 jury tabs, each checksum as the sheet's values give it.
    expect(Object.keys(state.checksums)).toHaveLength(15);
    expect(state.checksums['Tương tác']).toBe(valuesChecksum(sheet(emu, 'Tương tác').getDataRange().getValues()));

    // Jurors and appraisers can no longer edit; the organizer still can.
    emu.setUser(JURORS[1].email);
    expect(() => mark(emu, 'GK2', 'HT-040', 75)).toThrow(/protected/);
    emu.setUser(APPRAISER);
    expect(() => sheet(emu, 'Thẩm định').getRange(2, 5).setValue(false)).toThrow(/protected/);
    emu.setUser(OWNER);
    expect(() => computeScores(ctx)).toThrow(/^Kết quả đã được chốt lúc 20\/06\/2023 09:00 bởi btc@quandoan11\.vn, nên "Tính điểm" không chạy/);
    expect(() => buildAwardList(ctx)).toThrow(/nên "Lập danh sách khen thưởng" không chạy/);
    expect(() => finaliseResults(ctx)).toThrow(/^Kết quả đã được chốt lúc/);
  });

  test('an organizer edit while final is reported by the next action; reopening needs a reason, restores jurors, logs it', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    finaliseResults(ctx);
    setCell(emu, 'Tương tác', rowOf(emu, 'Tương tác', 'Mã bài', 'HT-001'), 'Lượt cảm xúc', 151);
    expect(() => computeScores(ctx)).toThrow(/Dữ liệu đầu vào đã thay đổi sau khi chốt kết quả lúc 20\/06\/2023 09:00: trang "Tương tác"\./);
    // Any other menu action says so too.
    const other = runMenuAction(ctx, participationAction, undefined);
    expect(other.warnings[other.warnings.length - 1]).toMatch(/^Dữ liệu đầu vào đã thay đổi sau khi chốt .*trang "Tương tác"/);

    expect(() => reopenResults(ctx, '  ')).toThrow(/Cần ghi lý do mở lại kết quả/);
    expect(finalState(emu)).not.toBeNull();
    const reopened = runMenuAction(ctx, { title: 'Mở lại kết quả', run: reopenResults }, 'Sửa lượt cảm xúc HT-001 theo Fanpage');
    expect(reopened.lines[0]).toBe('Đã mở lại kết quả (chốt lúc 20/06/2023 09:00 bởi btc@quandoan11.vn). Lý do: Sửa lượt cảm xúc HT-001 theo Fanpage');
    expect(reopened.warnings[0]).toMatch(/trang "Tương tác"/);
    expect(finalState(emu)).toBeNull();
    const log = records(emu, 'Nhật ký').filter((r) => r['Thao tác'] === 'Mở lại kết quả');
    expect(String(log[0]['Chi tiết'])).toContain('Lý do: Sửa lượt cảm xúc HT-001 theo Fanpage');

    // The juror edits their tab again; the appraiser's sheet is open again; scoring runs.
    mark(emu, 'GK2', 'HT-040', 75);
    emu.setUser(APPRAISER);
    sheet(emu, 'Thẩm định').getRange(2, 5).setValue(true);
    emu.setUser(OWNER);
    expect(computeScores(ctx).lines[0]).toBe('Đã tính điểm 37/40 bài; kết quả ở trang "Kết quả".');
    expect(() => reopenResults(ctx, 'lần nữa')).toThrow(/Kết quả chưa được chốt/);
  });

  test('a juror cannot finalise', () => {
    const emu = newEmulator();
    const { ctx } = runFortyClips(emu);
    emu.setUser(JURORS[0].email);
    expect(() => finaliseResults({ ...ctx, user: JURORS[0].email })).toThrow(/^Chỉ Ban tổ chức \(BTC\) mới chạy được "Chốt kết quả"/);
    expect(finalState(emu)).toBeNull();
  });
});
