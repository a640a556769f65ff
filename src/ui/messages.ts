// Every Vietnamese text of the menu and dialogs, in one place.

export const MENU_TITLE = 'Hội thi';

/** Menu labels, in menu order (SPEC "Menu"). */
export const MENU_LABELS = {
  setup: 'Thiết lập hội thi',
  form: 'Tạo / liên kết biểu mẫu',
  syncUnits: 'Đồng bộ danh sách đơn vị',
  qr: 'Mã QR nộp bài',
  syncSubmissions: 'Đồng bộ bài dự thi',
  appraisal: 'Cập nhật thẩm định',
  juryTabs: 'Chuẩn bị phiếu chấm BGK',
  scores: 'Tính điểm',
  awards: 'Lập danh sách khen thưởng',
  participation: 'Báo cáo tham gia',
  certificates: 'Giấy khen (PDF)',
  auditLog: 'Nhật ký thao tác',
} as const;

export const MSG = {
  warningsHeading: 'Cần lưu ý',
  errorTitle: 'Không thực hiện được',
  errorIntro: 'Thao tác chưa được thực hiện vì:',
  errorOutro: 'Không có trang kết quả nào bị thay đổi. Hãy sửa các ô được nêu rồi chạy lại.',
  errorOutroNoCell: 'Không có trang kết quả nào bị thay đổi. Hãy làm theo hướng dẫn ở trên rồi chạy lại.',
  // Google's messages end with a full stop already: drop it so the sentence does not end in "..".
  unexpectedError: (detail: string) =>
    `Đã xảy ra lỗi ngoài dự kiến: ${detail.trim().replace(/[.。]+$/, '')}. Không có dữ liệu nào bị xoá. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nội dung này cho người hỗ trợ.`,
  protectedEdit:
    'Bạn không có quyền sửa một trang hoặc vùng ô đang được bảo vệ, nên thao tác đã dừng. Chỉ Ban tổ chức (BTC) và những người được Ban tổ chức cấp quyền mới sửa được các trang này; hãy nhờ Ban tổ chức chạy thao tác, hoặc cấp quyền cho bạn.',
  notSupportedTitle: 'Chưa hỗ trợ',
  notSupported: (feature: string) =>
    `Chức năng "${feature}" chưa được hỗ trợ trong phiên bản này. Dữ liệu của bạn không bị thay đổi.`,
  close: 'Đóng',
  working: (action: string) => `Đang thực hiện: ${action}…`,
  done: (action: string) => `Đã xong: ${action}.`,
  auditWarnings: (n: number) => `${n} cảnh báo`,
} as const;
