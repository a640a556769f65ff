// Every Vietnamese text of the menu and dialogs, in one place (action titles come from the actions).
import { APPRAISAL_TITLE } from '../flows/appraisal';
import { AUDIT_TITLE } from '../flows/auditLog';
import { AWARDS_TITLE } from '../flows/awards';
import { CERTIFICATES_TITLE } from '../flows/certificates';
import { CERTIFICATE_TEMPLATE_TITLE } from '../flows/certificateTemplate';
import { SEND_CERTIFICATES_TITLE } from '../flows/sendCertificates';
import { CREATE_FORM_TITLE } from '../flows/createForm';
import { UPDATE_ENGAGEMENT_TITLE } from '../flows/fanpage';
import { CONNECT_FANPAGE_TITLE } from '../flows/fanpageConnect';
import { JURY_TABS_TITLE } from '../flows/juryTabs';
import { PARTICIPATION_TITLE } from '../flows/participation';
import { QR_TITLE } from '../flows/qrCodes';
import { SCORES_TITLE } from '../flows/scores';
import { SETUP_TITLE } from '../flows/setup';
import { SYNC_SUBMISSIONS_TITLE } from '../flows/syncSubmissions';
import { SYNC_UNITS_TITLE } from '../flows/syncUnits';
import { JURY_PROGRESS_TITLE } from '../flows/juryProgress';
import { REMIND_TITLE } from '../flows/remind';
import { FINALISE_TITLE, REOPEN_TITLE } from '../flows/finalise';

/** Menu labels, in menu order (README "Menu"): each action's own title, so a label and its dialog and "Nhật ký" line never differ. */
export const MENU_LABELS = {
  setup: SETUP_TITLE,
  form: CREATE_FORM_TITLE,
  syncUnits: SYNC_UNITS_TITLE,
  qr: QR_TITLE,
  syncSubmissions: SYNC_SUBMISSIONS_TITLE,
  appraisal: APPRAISAL_TITLE,
  juryTabs: JURY_TABS_TITLE,
  juryProgress: JURY_PROGRESS_TITLE,
  remindJurors: REMIND_TITLE,
  connectFanpage: CONNECT_FANPAGE_TITLE,
  updateEngagement: UPDATE_ENGAGEMENT_TITLE,
  scores: SCORES_TITLE,
  awards: AWARDS_TITLE,
  participation: PARTICIPATION_TITLE,
  certificateTemplate: CERTIFICATE_TEMPLATE_TITLE,
  certificates: CERTIFICATES_TITLE,
  sendCertificates: SEND_CERTIFICATES_TITLE,
  finalise: FINALISE_TITLE,
  reopen: REOPEN_TITLE,
  auditLog: AUDIT_TITLE,
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
  close: 'Đóng',
  working: (action: string) => `Đang thực hiện: ${action}…`,
  done: (action: string) => `Đã xong: ${action}.`,
  auditWarnings: (n: number) => `${n} cảnh báo`,
} as const;
