// Appends one entry to the "Nhật ký" audit sheet with a single appendRow, columns placed by header.
import { AUDIT_LOG } from './auditLog';
import { locateColumns, escapeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AuditEntry {
  time: Date;
  /** Email of the user who ran the action ('' when Google does not reveal it). */
  user: string;
  /** Vietnamese action name, e.g. "Tính điểm". */
  action: string;
  /** Counts and warnings in one line or a few. */
  details: string;
}

/**
 * Appends `entry` to "Nhật ký". Reads only the header row (columns may have been reordered) and
 * writes with appendRow, which Google applies atomically, so two actions finishing together never
 * overwrite each other's line. Creates the sheet with its headers if someone deleted it.
 */
export function appendAudit(spreadsheet: Spreadsheet, entry: AuditEntry): void {
  let sheet = spreadsheet.getSheetByName(AUDIT_LOG.name);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(AUDIT_LOG.name);
    sheet.getRange(1, 1, 1, AUDIT_LOG.columns.length).setValues([AUDIT_LOG.columns.map((c) => c.header)]);
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
