// The summary and error dialogs: what an organizer reads after an action.
import { ContestError } from '../../src/sheets/errors';
import { errorSummary, summaryHtml } from '../../src/ui/dialog';
import { MENU_ENTRIES } from '../../src/ui/menu';

describe('dialogs', () => {
  test('a ContestError lists each problem (sheet, row, column) and says nothing was changed', () => {
    const error = new ContestError([
      {
        code: 'mark.not_number',
        severity: 'changes-score',
        message: 'Trang "BGK - An", dòng 4, cột "Điểm": điểm "9,5a" không phải là số.',
        sheet: 'BGK - An',
        row: 4,
        column: 'Điểm',
      },
    ]);
    const s = errorSummary('Tính điểm', error);
    expect(s.title).toBe('Tính điểm: Không thực hiện được');
    expect(s.warnings[0]).toBe('Trang "BGK - An", dòng 4, cột "Điểm": điểm "9,5a" không phải là số.');
    expect(s.warnings[1]).toMatch(/Không có trang kết quả nào bị thay đổi/);
  });

  test('an unexpected error shows its message only, never the stack trace', () => {
    const error = new TypeError('Cannot read properties of undefined');
    const html = summaryHtml(errorSummary('Tính điểm', error));
    expect(html).toContain('Cannot read properties of undefined');
    expect(html).not.toContain(error.stack!.split('\n')[1].trim());
  });

  test('Google\'s protection error becomes Vietnamese, and a message ending in "." gets no second full stop', () => {
    const google = new Error(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    const s = errorSummary('Cập nhật thẩm định', google);
    expect(s.lines).toEqual([
      'Bạn không có quyền sửa một trang hoặc vùng ô đang được bảo vệ, nên thao tác đã dừng. Chỉ Ban tổ chức (BTC) và những người được Ban tổ chức cấp quyền mới sửa được các trang này; hãy nhờ Ban tổ chức chạy thao tác, hoặc cấp quyền cho bạn.',
    ]);
    expect(s.lines.join(' ')).not.toMatch(/You are trying/);
    const other = errorSummary('Tính điểm', new Error('Service Spreadsheets timed out while accessing document with id x.'));
    expect(other.lines[0]).toBe(
      'Đã xảy ra lỗi ngoài dự kiến: Service Spreadsheets timed out while accessing document with id x. Không có dữ liệu nào bị xoá. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nội dung này cho người hỗ trợ.',
    );
    expect(other.lines[0]).not.toContain('..');
  });

  test('lines indented by two spaces become a nested list under the line above', () => {
    const html = summaryHtml({
      title: 'Tính điểm',
      lines: [
        'Đã tính điểm 36/40 bài.',
        'Điểm BGK còn thiếu:',
        '  Trần Thị Bình (GK2) chưa chấm 1 bài: HT-040',
        '  Lê Văn Cường (GK3) chưa chấm 1 bài: HT-039',
      ],
      warnings: ['Cảnh báo một', '  chi tiết', 'Cảnh báo hai'],
    });
    // The juror lines are one level down, in their own <ul>, not siblings of "Điểm BGK còn thiếu:".
    expect(html).toContain(
      '<ul><li>Đã tính điểm 36/40 bài.</li><li>Điểm BGK còn thiếu:</li><li class="sub"><ul><li>Trần Thị Bình (GK2) chưa chấm 1 bài: HT-040</li>' +
        '<li>Lê Văn Cường (GK3) chưa chấm 1 bài: HT-039</li></ul></li></ul>',
    );
    // Two warnings (a child line is part of its warning, not a third one).
    expect(html).toContain('Cần lưu ý (2)');
    expect(html).toContain('<li>Cảnh báo một</li><li class="sub"><ul><li>chi tiết</li></ul></li><li>Cảnh báo hai</li>');
  });

  test('an indented line with nothing above it is shown as an ordinary line', () => {
    expect(summaryHtml({ title: 't', lines: ['  mồ côi', 'tiếp'], warnings: [] })).toContain('<ul><li>mồ côi</li><li>tiếp</li></ul>');
  });

  test('text from sheets is escaped in the HTML', () => {
    const html = summaryHtml({ title: 't', lines: ['<img src=x onerror=alert(1)>'], warnings: ['a & "b"'] });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a &amp; &quot;b&quot;');
    expect(html).not.toContain('<img');
  });

  test('the menu has every documented item, each bound to a distinct entry point', () => {
    const items = MENU_ENTRIES.filter((e): e is { label: string; functionName: string } => e !== null);
    // docs/workbook.md "Menu Hội thi" in its order, in the words the organizer reads: Set up contest · Create or link
    // the form · QR codes · Sync submissions · Prepare jury tabs · Compute scores · Build award list ·
    // Participation report · Certificates · Audit log (the menu adds unit sync and appraisal update).
    const spec = [
      'Thiết lập hội thi',
      'Tạo / liên kết biểu mẫu',
      'Mã QR nộp bài',
      'Đồng bộ bài dự thi',
      'Chuẩn bị phiếu chấm BGK',
      'Tính điểm',
      'Lập danh sách khen thưởng',
      'Báo cáo tham gia',
      'Giấy khen (PDF)',
      'Nhật ký thao tác',
    ];
    expect(items.map((i) => i.label).filter((l) => spec.includes(l))).toEqual(spec);
    expect(new Set(items.map((i) => i.functionName)).size).toBe(items.length);
  });
});
