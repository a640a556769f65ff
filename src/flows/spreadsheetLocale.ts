// The spreadsheet's own time zone and locale kept in line with the contest (setup, and edits of "Múi giờ").
import { isValidTimeZone, normalizeName } from '../domain/parse';
import { CONFIG, readConfigEdit, type ConfigEdit } from '../sheets/config';
import type { ActionContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The contest's locale: day-first dates ("12/06/2023" is 12 June) and the decimal comma. */
export const CONTEST_LOCALE = 'vi_VN';

const TIME_ZONE_LABEL = normalizeName('Múi giờ');

/**
 * Sets the spreadsheet's time zone to `timeZone` when it differs: Sheets reads a date typed into a
 * date cell ("Nhật ký chia sẻ", form timestamps) as wall time in the spreadsheet's zone, and the rules
 * read that instant in "Múi giờ"; two zones would shift every typed time by their difference.
 * Returns the line to report, or null when nothing changed.
 */
export function alignTimeZone(ss: Spreadsheet, timeZone: string): string | null {
  if (ss.getSpreadsheetTimeZone() === timeZone) return null;
  ss.setSpreadsheetTimeZone(timeZone);
  return `Đã đặt múi giờ của bảng tính thành ${timeZone} (theo thiết lập "Múi giờ" trong trang "${CONFIG.name}").`;
}

/**
 * Sets the spreadsheet's locale to vi_VN when it differs: typed input is parsed by the locale, so in an
 * en_US file "12/06/2023 10:00" typed into "Nhật ký chia sẻ" becomes 6 December and the share falls
 * outside the voting window. When it cannot be changed, the warning names that consequence.
 */
export function alignLocale(ss: Spreadsheet): { line: string | null; warning: string | null } {
  const current = ss.getSpreadsheetLocale();
  if (current === CONTEST_LOCALE) return { line: null, warning: null };
  try {
    ss.setSpreadsheetLocale(CONTEST_LOCALE);
    return {
      line: `Đã đặt định dạng vùng (locale) của bảng tính thành ${CONTEST_LOCALE} (trước là ${current}): ngày gõ tay được hiểu theo thứ tự ngày/tháng/năm.`,
      warning: null,
    };
  } catch {
    return {
      line: null,
      warning:
        `Bảng tính đang dùng định dạng vùng ${current} và không đổi được thành ${CONTEST_LOCALE}: ngày gõ tay như "12/06/2023" có thể bị hiểu là 6 tháng 12, làm lượt chia sẻ rơi ra ngoài thời gian bình chọn. ` +
        'Hãy vào Tệp → Cài đặt → Ngôn ngữ và khu vực, chọn Việt Nam, rồi chạy lại "Thiết lập hội thi".',
    };
  }
}

/**
 * The installable edit trigger's part for "Múi giờ": when an edit of "Cấu hình" touches that row and the
 * new value is a valid zone, the spreadsheet follows it at once (not only at the next setup). One
 * getValues, only for edits of "Cấu hình". Returns the line for "Nhật ký", or null.
 */
export function realignTimeZoneAfterEdit(
  ctx: ActionContext,
  range: GoogleAppsScript.Spreadsheet.Range,
  edit: ConfigEdit | null = readConfigEdit(range),
): string | null {
  if (!edit) return null;
  const { first, last } = edit;
  const row = edit.rows.find((r) => normalizeName(r.label) === TIME_ZONE_LABEL);
  if (!row || row.row < first || row.row > last) return null;
  const zone = String(row.value ?? '').trim();
  if (zone === '' || !isValidTimeZone(zone)) return null;
  return alignTimeZone(ctx.spreadsheet, zone);
}
