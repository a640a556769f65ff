// Runs one menu action: progress toast, the flow, the summary (or error) dialog, and the "Nhật ký" line.
import type { FlowContext, Summary } from '../flows/context';
import { appendAudit, joinAuditDetails } from '../sheets/audit';
import { errorSummary, errorText, showSummary } from './dialog';
import { MSG } from './messages';
import { flattenItem, outline } from './outline';

/** Handles main.ts gathers from Apps Script globals (tests pass the emulator's). */
export interface ActionHandles {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  html: GoogleAppsScript.HTML.HtmlService;
  user: string;
  now: Date;
  lock?: GoogleAppsScript.Lock.Lock;
}

/** "Nhật ký" keeps this many summary lines (a nested line counts once, with its children). */
const AUDIT_LINES = 3;
/** A failed action's "Nhật ký" line names this many problems, each cut to AUDIT_PROBLEM_MAX characters. */
const AUDIT_PROBLEMS = 5;
const AUDIT_PROBLEM_MAX = 300;
/** The whole "Chi tiết" cell of one line. */
const AUDIT_MAX = 2000;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One line for "Nhật ký". Done: the summary's first lines (each with its child lines run together,
 * "Điểm BGK còn thiếu: A chưa chấm 1 bài: HT-040; B …") and the warning count. Failed (`failed`):
 * "Thao tác chưa được thực hiện vì: <problem> | <problem> …" with the first problems themselves, so
 * the log says why without the dialog. Parts are joined like every other line.
 */
export function auditDetails(summary: Summary, failed = false): string {
  if (failed) {
    const reasons = [...outline(summary.lines), ...outline(summary.warnings)]
      .map(flattenItem)
      .filter((t) => t !== MSG.errorIntro && t !== MSG.errorOutro && t !== MSG.errorOutroNoCell);
    const shown = reasons.slice(0, AUDIT_PROBLEMS).map((t) => cut(t, AUDIT_PROBLEM_MAX));
    if (reasons.length > AUDIT_PROBLEMS) shown.push(`… và ${reasons.length - AUDIT_PROBLEMS} vấn đề khác`);
    return joinAuditDetails([`${MSG.errorIntro} ${shown[0] ?? ''}`, ...shown.slice(1)], AUDIT_MAX);
  }
  const count = outline(summary.warnings).length;
  const warnings = count > 0 ? [MSG.auditWarnings(count)] : [];
  return joinAuditDetails([...outline(summary.lines).slice(0, AUDIT_LINES).map(flattenItem), ...warnings], AUDIT_MAX);
}

/**
 * Runs `flow` and shows its summary; a ContestError becomes a dialog listing the cells to fix, any
 * other error a one-line message (never a stack trace). Every run is logged in "Nhật ký" unless
 * `audit` is false (the viewer of the log itself).
 */
export function runAction(
  handles: ActionHandles,
  title: string,
  flow: (ctx: FlowContext) => Summary,
  options: { audit?: boolean } = {},
): Summary {
  const { spreadsheet } = handles;
  const ctx: FlowContext = {
    spreadsheet,
    app: handles.app,
    user: handles.user,
    now: handles.now,
    lock: handles.lock,
    progress: (message) => spreadsheet.toast(message, title, 5),
  };
  ctx.progress?.(MSG.working(title));
  let summary: Summary;
  let failed = false;
  try {
    summary = flow(ctx);
  } catch (error) {
    summary = errorSummary(title, error);
    failed = true;
  }
  if (options.audit !== false) {
    try {
      appendAudit(spreadsheet, { time: handles.now, user: handles.user, action: title, details: auditDetails(summary, failed) });
    } catch (error) {
      // The action itself is done; say that its log line is missing rather than hide the result.
      summary = { ...summary, warnings: [...summary.warnings, `Không ghi được vào "Nhật ký": ${errorText(error)}`] };
    }
  }
  showSummary(handles.app.getUi(), handles.html, summary);
  return summary;
}

/** The dialog for a menu item whose feature is not built yet. */
export function notSupportedSummary(feature: string): Summary {
  return { title: MSG.notSupportedTitle, lines: [MSG.notSupported(feature)], warnings: [] };
}
