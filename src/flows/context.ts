// What every flow receives (handles, user, clock) and returns (a summary for the dialog and the audit log).
import type { Problem } from '../domain/types';
import { blockedSheets } from '../sheets/access';
import { ContestError } from '../sheets/errors';

export interface FlowContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** SpreadsheetApp: validation builders, ProtectionType, flush. */
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** Email of the user running the action ('' when Google does not reveal it). */
  user: string;
  now: Date;
  /** The script lock shared with the form intake, for actions that add rows. */
  lock?: GoogleAppsScript.Lock.Lock;
  /** Progress messages for long actions (a spreadsheet toast in Google). */
  progress?: (message: string) => void;
}

/** What an action did: a Vietnamese title, lines of counts, warnings naming sheet/row/column. */
export interface Summary {
  title: string;
  lines: string[];
  warnings: string[];
}

/** Warnings shown in a dialog are capped; the rest are counted so a dialog stays readable. */
export const MAX_WARNINGS = 40;

/** The message, then what the add-on does meanwhile: "…: \"1,5\" không phải số nguyên không âm; tạm tính là 0 cho đến khi sửa." */
export function problemText(p: Problem): string {
  return p.consequence ? `${p.message.replace(/\.$/, '')}; ${p.consequence}.` : p.message;
}

export function problemMessages(problems: Problem[], limit = MAX_WARNINGS): string[] {
  const shown = problems.slice(0, limit).map(problemText);
  if (problems.length > limit) shown.push(`… và ${problems.length - limit} vấn đề khác.`);
  return shown;
}

/**
 * Runs `fn` holding the script lock (shared with the form intake, so rows appended by a submission
 * and rows appended by an action never interleave). Without a lock handle it just runs `fn`.
 */
export function withLock<T>(ctx: FlowContext, fn: () => T): T {
  if (!ctx.lock) return fn();
  if (!ctx.lock.tryLock(30000)) {
    throw new ContestError([
      {
        code: 'lock.busy',
        severity: 'stops-action',
        message: 'Một thao tác khác (hoặc một bài nộp đang được ghi) đang chạy. Hãy thử lại sau ít phút.',
      },
    ]);
  }
  try {
    return fn();
  } finally {
    ctx.lock.releaseLock();
  }
}

/** The Vietnamese refusal when the current user cannot edit protected sheets an action writes. */
export function organizersOnlyMessage(action: string, user: string, sheets: string[]): string {
  const who = user ? `Tài khoản ${user}` : 'Tài khoản của bạn';
  return `Chỉ Ban tổ chức (BTC) mới chạy được "${action}": ${who} không có quyền sửa ${sheets.map((s) => `trang "${s}"`).join(', ')} (trang được bảo vệ). Chưa có dữ liệu nào bị thay đổi. Hãy nhờ Ban tổ chức chạy thao tác này, hoặc nhờ họ thêm bạn vào danh sách được sửa các trang đó.`;
}

/**
 * Stops `action` before any write when the current user cannot edit one of the protected sheets it
 * writes (Protection.canEdit()); otherwise Google would throw its English error after a partial write.
 */
export function assertCanWrite(ctx: FlowContext, action: string, sheetNames: string[]): void {
  const blocked = blockedSheets(ctx.spreadsheet, ctx.app, sheetNames);
  if (blocked.length === 0) return;
  throw new ContestError([{ code: 'access.protected', severity: 'stops-action', message: organizersOnlyMessage(action, ctx.user, blocked), sheet: blocked[0] }]);
}
