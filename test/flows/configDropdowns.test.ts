// "Cấu hình": Có/Không settings and "Cách tổng hợp điểm BGK" get dropdowns on their "Giá trị" cell only.
import { setupContest } from '../../src/flows/setup';
import { flowContext, newEmulator, rowOf, sheet } from './fixture';

describe('"Cấu hình" dropdowns', () => {
  const emu = newEmulator();
  emu.calls.reset();
  setupContest(flowContext(emu));
  const setupCalls = emu.calls.count('Range.setDataValidations');
  const config = sheet(emu, 'Cấu hình');
  const cellOf = (label: string) => config.getRange(rowOf(emu, 'Cấu hình', 'Thiết lập', label), 2);

  test('Có/Không settings offer exactly "Có" and "Không", and reject anything else', () => {
    for (const label of ['Nhận bài nộp trễ', 'Mỗi đơn vị tối đa một giải', 'Tính điểm khi BGK chưa chấm đủ', 'Gửi email xác nhận']) {
      const rule = cellOf(label).getDataValidation()!;
      expect(rule.getCriteriaType()).toBe(emu.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
      expect(rule.getCriteriaValues()[0]).toEqual(['Có', 'Không']);
      expect(rule.getAllowInvalid()).toBe(false);
    }
  });

  test('"Cách tổng hợp điểm BGK" offers the three methods', () => {
    const rule = cellOf('Cách tổng hợp điểm BGK').getDataValidation()!;
    expect(rule.getCriteriaValues()[0]).toEqual(['Trung bình', 'Trung bình bỏ cao nhất và thấp nhất', 'Trung vị']);
    expect(rule.getAllowInvalid()).toBe(false);
  });

  test('"Chuẩn hoá điểm BGK" gets its row, seeded Không, with both choices', () => {
    expect(cellOf('Chuẩn hoá điểm BGK').getValue()).toBe('Không');
    const rule = cellOf('Chuẩn hoá điểm BGK').getDataValidation()!;
    expect(rule.getCriteriaValues()[0]).toEqual(['Không', 'Chuẩn hoá theo từng giám khảo']);
    expect(rule.getAllowInvalid()).toBe(false);
  });

  test('free-text settings have no rule; the column stays plain text; one call sets them all', () => {
    for (const label of ['Tên hội thi', 'Hạn nộp bài', 'Trọng số BGK (%)', 'Múi giờ']) expect(cellOf(label).getDataValidation()).toBeNull();
    expect(cellOf('Nhận bài nộp trễ').getNumberFormat()).toBe('@');
    expect(setupCalls).toBe(1);
  });

  test('a value typed outside the list is flagged; the seeded values are not', () => {
    expect(emu.invalidCells('Cấu hình')).toEqual([]);
    const cell = cellOf('Nhận bài nộp trễ');
    cell.setValue('Có lẽ');
    expect(emu.invalidCells('Cấu hình')).toEqual([cell.getA1Notation()]);
  });
});
