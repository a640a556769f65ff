// Issue 13 through the menu actions: repeated keys, ID-less rows, oversized numbers and extra columns are named, never chosen silently.
import { buildAwardList } from '../../src/flows/awards';
import { computeScores } from '../../src/flows/scores';
import { escapeCell } from '../../src/sheets/table';
import { JURORS, flowContext, newEmulator, records, rowOf, runFortyClips, setCell, setSetting, sheet, type Emu } from './fixture';

/** A copy of `row` of `name` appended below its last row, with `change` applied by header. */
function duplicateRow(emu: Emu, name: string, row: number, change: Record<string, unknown> = {}): number {
  const s = sheet(emu, name);
  const width = s.getLastColumn();
  const headers = s.getRange(1, 1, 1, width).getValues()[0].map(String);
  const values = s
    .getRange(row, 1, 1, width)
    .getValues()[0]
    .map((v, i) => (headers[i] in change ? change[headers[i]] : v));
  const at = s.getLastRow() + 1;
  s.getRange(at, 1, 1, width).setValues([values.map((v) => escapeCell(v))]);
  return at;
}

function contest(): { emu: Emu; ctx: ReturnType<typeof flowContext> } {
  const emu = newEmulator();
  const { ctx } = runFortyClips(emu);
  return { emu, ctx };
}

/** The Vietnamese error "Tính điểm" stops with (and "Lập danh sách khen thưởng" too). */
function stopMessage(ctx: ReturnType<typeof flowContext>): string {
  let message = '';
  try {
    computeScores(ctx);
  } catch (e) {
    message = (e as Error).message;
  }
  expect(() => buildAwardList(ctx)).toThrow();
  return message;
}

const AN = `BGK - ${JURORS[0].name}`;

describe('the same clip ID twice', () => {
  test('"Bài dự thi": two different rows stop scoring, naming both rows; an identical copy is only a warning', () => {
    const { emu, ctx } = contest();
    const first = rowOf(emu, 'Bài dự thi', 'Mã bài', 'HT-002');
    const second = duplicateRow(emu, 'Bài dự thi', first, { 'Tên tác phẩm': 'Một bài khác' });
    expect(stopMessage(ctx)).toContain(`Trang "Bài dự thi", cột "Mã bài": mã "HT-002" có ở dòng ${first}, ${second} với thông tin bài khác nhau`);
    setCell(emu, 'Bài dự thi', second, 'Tên tác phẩm', records(emu, 'Bài dự thi')[first - 2]['Tên tác phẩm']);
    const summary = computeScores(ctx);
    expect(summary.warnings.join('\n')).toContain(`mã "HT-002" có ở dòng ${first}, ${second} với nội dung giống hệt nhau; chỉ tính một lần`);
    expect(records(emu, 'Kết quả').filter((r) => r['Mã bài'] === 'HT-002')).toHaveLength(1);
  });

  test('"Thẩm định": different ticks for one clip stop scoring', () => {
    const { emu, ctx } = contest();
    const first = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-002');
    const second = duplicateRow(emu, 'Thẩm định', first, { TT1: false });
    expect(stopMessage(ctx)).toContain(`Trang "Thẩm định", cột "Mã bài": mã "HT-002" có ở dòng ${first}, ${second} với dấu tiêu chí khác nhau`);
  });

  test('a juror tab: two different marks for one clip stop scoring; the same mark twice is a warning', () => {
    const { emu, ctx } = contest();
    const first = rowOf(emu, AN, 'Mã bài', 'HT-002');
    const second = duplicateRow(emu, AN, first, { Điểm: 10 });
    expect(stopMessage(ctx)).toContain(`Trang "${AN}", cột "Mã bài": mã "HT-002" có ở dòng ${first}, ${second} với điểm khác nhau`);
    setCell(emu, AN, second, 'Điểm', records(emu, AN)[first - 2]['Điểm']);
    expect(computeScores(ctx).warnings.join('\n')).toContain(
      `Trang "${AN}", cột "Mã bài": mã "HT-002" có ở dòng ${first}, ${second} với nội dung giống hệt nhau`,
    );
  });

  test('"Tương tác": two different counts for one clip stop scoring', () => {
    const { emu, ctx } = contest();
    const first = rowOf(emu, 'Tương tác', 'Mã bài', 'HT-002');
    const second = duplicateRow(emu, 'Tương tác', first, { 'Lượt cảm xúc': 1 });
    expect(stopMessage(ctx)).toContain(`Trang "Tương tác", cột "Mã bài": mã "HT-002" có ở dòng ${first}, ${second} với số lượt khác nhau`);
  });

  test('a header twice: different data in the two columns stops scoring, naming both columns', () => {
    const { emu, ctx } = contest();
    const s = sheet(emu, 'Tương tác');
    const col = s.getLastColumn() + 1;
    s.getRange(1, col).setValue('Lượt cảm xúc');
    s.getRange(2, col).setValue(99999);
    expect(stopMessage(ctx)).toMatch(/Trang "Tương tác", dòng 1: tiêu đề "Lượt cảm xúc" có ở cột C, cột [A-Z]+, và dữ liệu hai cột khác nhau ở dòng 2/);
  });
});

test('"Bài dự thi": a typed row without a clip ID stops scoring, naming its row', () => {
  const { emu, ctx } = contest();
  const row = duplicateRow(emu, 'Bài dự thi', 2, { 'Mã bài': '', 'Tên tác phẩm': 'Bài chưa có mã' });
  expect(stopMessage(ctx)).toContain(`Trang "Bài dự thi", dòng ${row}, cột "Mã bài": dòng này có nội dung nhưng chưa có mã bài`);
});

describe('numbers too large to compute with', () => {
  test('a count of 1e300 is reported with its cell and never makes a total Infinity or NaN', () => {
    const { emu, ctx } = contest();
    const row = rowOf(emu, 'Tương tác', 'Mã bài', 'HT-002');
    setCell(emu, 'Tương tác', row, 'Lượt chia sẻ', 1e300);
    const summary = computeScores(ctx);
    expect(summary.warnings.join('\n')).toContain(`Trang "Tương tác", dòng ${row}, cột "Lượt chia sẻ": "1e+300" lớn quá mức hợp lý`);
    for (const r of records(emu, 'Kết quả').filter((x) => x['Tổng điểm'] !== '')) {
      expect(Number.isFinite(r['Tổng điểm'])).toBe(true);
      expect(r['Tổng điểm'] as number).toBeGreaterThanOrEqual(0);
      expect(r['Tổng điểm'] as number).toBeLessThanOrEqual(100);
    }
  });

  test('a setting of 1e300 points per share stops scoring, naming the setting', () => {
    const { emu, ctx } = contest();
    setSetting(emu, 'Điểm mỗi lượt chia sẻ', '1e300');
    expect(stopMessage(ctx)).toMatch(/Trang "Cấu hình", dòng \d+, cột "Giá trị": .*"Điểm mỗi lượt chia sẻ"/);
  });

  test('a prize count of 1e15 stops the award list at once, naming its cell (one slot per prize would never finish)', () => {
    const { emu, ctx } = contest();
    sheet(emu, 'Cơ cấu giải').getRange('B2').setValue(1e15);
    expect(stopMessage(ctx)).toContain('Trang "Cơ cấu giải", dòng 2, cột "Số lượng": số lượng giải "Giải Nhất" là 1000000000000000, lớn quá mức hợp lý');
  });

  test('a rubric maximum of 1e308 stops scoring, naming its cell', () => {
    const { emu, ctx } = contest();
    sheet(emu, 'Tiêu chí chấm').getRange('B2').setValue(1e308);
    expect(stopMessage(ctx)).toContain('Trang "Tiêu chí chấm", dòng 2, cột "Điểm tối đa": 1e+308 lớn quá mức hợp lý');
  });
});

test('an extra numeric "STT" column in a juror tab is not a criterion that left the rubric', () => {
  const { emu, ctx } = contest();
  const s = sheet(emu, AN);
  s.insertColumnBefore(1);
  const rows = s.getLastRow();
  s.getRange(1, 1, rows, 1).setValues([['STT'], ...Array.from({ length: rows - 1 }, (_, i) => [i + 1])]);
  const summary = computeScores(ctx);
  expect(summary.warnings.join('\n')).not.toContain('không còn trong "Tiêu chí chấm"');
  expect(summary.lines[0]).toMatch(/^Đã tính điểm 3\d\/40 bài/);
});
