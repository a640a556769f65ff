// Appends one entry to the "Nhật ký" audit sheet with a single appendRow, columns placed by header.
import { AUDIT_LOG } from './auditLog';
import { insertSheetLast, layOutColumns } from './layout';
import { locateColumns, escapeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AuditEntry {
  time: Date;
  /** Email of the user who ran the action ('' when Google does not reveal it). */
  user: string;
  /** Vietnamese action name, e.g. "Tính điểm". */
  action: string;
  /** Counts and warnings in one line or a few; join parts with joinAuditDetails. */
  details: string;
}

/** Between the parts of one "Chi tiết": a sentence without a full stop must not run into the next. */
export const AUDIT_DETAILS_SEPARATOR = ' | ';

/** Sheets refuses a cell longer than 50,000 characters; a longer "Chi tiết" would lose the whole line. */
const CELL_MAX = 50000;

/**
 * The one way a "Nhật ký" line's parts become its "Chi tiết": trimmed, blanks dropped, joined with
 * " | ", cut at `maxLength` (with "…") so the line is always written.
 * @example joinAuditDetails(['Đã tính điểm 3/4 bài', 'Cảnh báo: HT-004 thiếu điểm']) === 'Đã tính điểm 3/4 bài | Cảnh báo: HT-004 thiếu điểm'
 */
export function joinAuditDetails(parts: string[], maxLength = CELL_MAX): string {
  const text = parts
    .map((p) => String(p ?? '').trim())
    .filter((p) => p !== '')
    .join(AUDIT_DETAILS_SEPARATOR);
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

/**
 * Appends `entry` to "Nhật ký". Reads only the header row (columns may have been reordered) and
 * writes with appendRow, which Google applies atomically, so two actions finishing together never
 * overwrite each other's line. Recreates the sheet if someone deleted it, with the bold frozen header,
 * widths and date format setup gives it (its protection comes back with the next "Thiết lập hội thi").
 */
export function appendAudit(spreadsheet: Spreadsheet, entry: AuditEntry): void {
  let sheet = spreadsheet.getSheetByName(AUDIT_LOG.name);
  if (!sheet) {
    sheet = insertSheetLast(spreadsheet, AUDIT_LOG.name);
    layOutColumns(sheet, AUDIT_LOG);
  }
  const width = Math.max(1, sheet.getLastColumn());
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0];
  const { col } = locateColumns(AUDIT_LOG, headers);
  const row: unknown[] = new Array(width).fill('');
  const place = (i: number, v: unknown): void => {
    // A missing header is appended at the end rather than failing the action being logged.
    if (i >= 0) row[i] = escapeCell(v);
    else row.push(escapeCell(v));
  };
  place(col.time, entry.time);
  place(col.user, entry.user);
  place(col.action, entry.action);
  place(col.details, entry.details);
  sheet.appendRow(row);
}

/**
 * The user of the latest "Nhật ký" line for `action` whose "Chi tiết" starts with one of `detailsPrefixes`
 * ('' when there is none, no such sheet, or Google hid the email). One getValues; used only on error paths.
 */
export function lastAuditUser(spreadsheet: Spreadsheet, action: string, detailsPrefixes: string[]): string {
  const sheet = spreadsheet.getSheetByName(AUDIT_LOG.name);
  if (!sheet) return '';
  const values = sheet.getDataRange().getValues();
  const { col } = locateColumns(AUDIT_LOG, values[0] ?? []);
  if (col.user < 0 || col.action < 0 || col.details < 0) return '';
  for (let r = values.length - 1; r >= 1; r--) {
    const row = values[r];
    if (String(row[col.action]).trim() !== action) continue;
    const details = String(row[col.details]).trim();
    if (detailsPrefixes.some((p) => details.startsWith(p))) return String(row[col.user]).trim();
  }
  return '';
}
