// Schema of "Thẩm định" (one checkbox column per criterion code) and its row mapping.
import type { AppraisalCriterion } from '../domain/types';
import { DATE_TIME_FORMAT, clipInfoColumns, type ColumnSpec, type SheetSchema } from './schema';
import { cell, text, type Table } from './table';

export const APPRAISAL_SHEET = 'Thẩm định';

/** Keys of the columns the add-on fills (Kết quả, Lý do, Người thẩm định, Thời gian thẩm định). */
export const APPRAISAL_RESULT_KEYS = ['result', 'reason', 'appraiser', 'time'];

/**
 * Description of the range protection over the result columns: appraisers tick, but only organizers
 * (and the add-on running as one) may write a result. Setup finds its protection again by this text.
 */
export const APPRAISAL_RESULTS_PROTECTION =
  'Kết quả thẩm định do add-on điền: chỉ Ban tổ chức được sửa các cột Kết quả, Lý do, Người thẩm định, Thời gian thẩm định.';

/**
 * Written in "Người thẩm định" when the edit trigger cannot tell who ticked: Google hides the email of
 * an editor outside the owner's Workspace domain (e.g. gmail.com) in simple triggers.
 */
export const UNKNOWN_APPRAISER = '(không rõ tài khoản)';

/**
 * Whether the current user may write the result columns of "Thẩm định": false for an appraiser once
 * setup has protected them, so the simple onEdit (which runs as the appraiser) leaves them alone
 * instead of failing on Google's protection error. Costs getProtections plus two calls per protection.
 */
export function canWriteAppraisalResults(sheet: GoogleAppsScript.Spreadsheet.Sheet, app: GoogleAppsScript.Spreadsheet.SpreadsheetApp): boolean {
  return sheet
    .getProtections(app.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === APPRAISAL_RESULTS_PROTECTION)
    .every((p) => p.canEdit());
}

/** Schema key of a criterion's checkbox column (the fixed columns use plain keys such as 'result'). */
export function tickKey(code: string): string {
  return `tick:${code}`;
}

/**
 * The sheet's schema for the current criteria: Mã bài | Đơn vị | Tên tác phẩm | Link video | TT1… |
 * Kết quả | Lý do | Người thẩm định | Thời gian thẩm định | Link bài đăng. Appraisers tick; the add-on
 * fills the four result columns; organizers paste the fanpage post link.
 */
export function appraisalSchema(criteria: AppraisalCriterion[]): SheetSchema<string> {
  const ticks: ColumnSpec<string>[] = criteria.map((c) => ({
    key: tickKey(c.code),
    header: c.code,
    role: 'input',
    width: 60,
    validation: { kind: 'checkbox' },
    note: c.text,
  }));
  return {
    name: APPRAISAL_SHEET,
    protection: 'open',
    description: 'Tổ thẩm định đánh dấu các tiêu chí; add-on điền Kết quả và Lý do.',
    columns: [
      ...clipInfoColumns(),
      ...ticks,
      {
        key: 'result',
        header: 'Kết quả',
        role: 'computed',
        width: 120,
        validation: { kind: 'list', values: ['Chờ thẩm định', 'Đạt', 'Không đạt'] },
      },
      { key: 'reason', header: 'Lý do', role: 'computed', width: 320 },
      { key: 'appraiser', header: 'Người thẩm định', role: 'computed', width: 200 },
      { key: 'time', header: 'Thời gian thẩm định', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
      { key: 'post', header: 'Link bài đăng', role: 'input', required: false, width: 260, validation: { kind: 'url' } },
    ],
  };
}

export interface AppraisalRow {
  row: number;
  clipId: string;
  ticks: Record<string, boolean>;
  /** What the result columns show now (to detect changes). */
  result: string;
  reason: string;
  appraiser: string;
  time: unknown;
  post: string;
}

/** A tick counts only when the cell is TRUE (a checkbox) or a clear yes word typed by hand. */
function ticked(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'string') return ['true', 'x', 'có', 'co', 'đạt', 'dat'].includes(v.trim().toLowerCase());
  return false;
}

export function readAppraisalRows(table: Table<string>, criteria: AppraisalCriterion[]): AppraisalRow[] {
  return table.rows
    .filter((r) => text(table, r, 'id') !== '')
    .map((r) => {
      const ticks: Record<string, boolean> = {};
      for (const c of criteria) ticks[c.code] = ticked(cell(table, r, tickKey(c.code)));
      return {
        row: r.row,
        clipId: text(table, r, 'id'),
        ticks,
        result: text(table, r, 'result'),
        reason: text(table, r, 'reason'),
        appraiser: text(table, r, 'appraiser'),
        time: cell(table, r, 'time'),
        post: text(table, r, 'post'),
      };
    });
}
