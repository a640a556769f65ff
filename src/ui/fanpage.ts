// The questions of the two Fanpage menu items: which Page and which token; whether to overwrite counts typed by hand.
import type { ConnectInput } from '../flows/fanpageConnect';
import type { OverwriteChoice } from '../flows/fanpage';

type Ui = GoogleAppsScript.Base.Ui;

/** Two prompts (the Page, then the token); null when either is cancelled. `current` describes the existing connection, masked. */
export function askFanpageConnection(ui: Ui, title: string, current: string | null): ConnectInput | null {
  const intro = current ? `Đang kết nối: ${current}.\n\n` : '';
  const page = ui.prompt(
    title,
    `${intro}Bước 1/2. Dán link Fanpage, tên người dùng hoặc ID của Trang (ví dụ https://www.facebook.com/quandoan11):`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (page.getSelectedButton() !== ui.Button.OK || page.getResponseText().trim() === '') return null;
  const token = ui.prompt(
    title,
    'Bước 2/2. Dán mã truy cập Trang (Page access token) có quyền pages_read_engagement và pages_show_list, do một quản trị viên Trang tạo (cách lấy: README, mục "Kết nối Fanpage"). Mã chỉ được lưu trong thuộc tính người dùng của bạn và không hiện lại đầy đủ:',
    ui.ButtonSet.OK_CANCEL,
  );
  if (token.getSelectedButton() !== ui.Button.OK || token.getResponseText().trim() === '') return null;
  return { page: page.getResponseText(), token: token.getResponseText() };
}

/** Yes = overwrite with the Page's counts, No = keep what was typed, Cancel = write nothing. */
export function askOverwriteManual(ui: Ui, title: string, lines: string[]): OverwriteChoice {
  const shown = lines.slice(0, 10).join('\n') + (lines.length > 10 ? `\n… và ${lines.length - 10} bài khác` : '');
  const answer = ui.alert(
    title,
    `${lines.length} bài có số liệu nhập tay khác số trên Fanpage:\n${shown}\n\nCó = ghi đè bằng số Fanpage · Không = giữ số nhập tay · Hủy = không ghi gì.`,
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.YES) return 'overwrite';
  if (answer === ui.Button.NO) return 'keep';
  return 'cancel';
}
