// The two doors every action goes through: the menu door (dialogs) and the trigger door ("Nhật ký" only).
import type { MenuAction, TriggerAction } from '../flows/action';
import { assertCanWrite, withLock, type ActionContext, type Summary } from '../flows/context';
import { appendAudit, joinAuditDetails } from '../sheets/audit';
import { AUDIT_LOG } from '../sheets/auditLog';
import { errorSummary, errorText, showSummary } from './dialog';
import { MSG } from './messages';
import { buildQrPrintHtml } from './qrPage';
import { flattenItem, outline } from '../flows/outline';
import { ContestError } from '../sheets/errors';
import { runtimeProblemsOnce } from './runtimeCheck';
import { finalChangeWarning } from '../flows/finalise';

/** While results are final, an input edited since (by an organizer) is pointed out after any other action. */
function withFinalNotice(ctx: ActionContext, summary: Summary): Summary {
  try {
    const notice = finalChangeWarning(ctx);
    return notice ? { ...summary, warnings: [...summary.warnings, notice] } : summary;
  } catch {
    return summary;
  }
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

/** Appends the action's line to "Nhật ký"; a failure to do so becomes a warning rather than hiding the result. */
function audit(ctx: ActionContext, action: string, summary: Summary, failed: boolean): Summary {
  try {
    appendAudit(ctx.spreadsheet, { time: ctx.now, user: ctx.user, action, details: auditDetails(summary, failed) });
    return summary;
  } catch (error) {
    return { ...summary, warnings: [...summary.warnings, `Không ghi được vào "Nhật ký": ${errorText(error)}`] };
  }
}

/**
 * The menu door: progress toast, the document lock, the organizer check, the action, its "Nhật ký" line and its summary
 * (or its page). A ContestError becomes a dialog listing the cells to fix, any other error a one-line
 * message (never a stack trace).
 */
export function runMenuAction<I>(base: ActionContext, action: MenuAction<I>, input: I): Summary {
  const { spreadsheet } = base;
  const { title } = action;
  const ctx: ActionContext = { ...base, progress: (message) => spreadsheet.toast(message, title, 5) };
  ctx.progress?.(MSG.working(title));
  let summary: Summary;
  let failed = false;
  try {
    const missing = runtimeProblemsOnce();
    if (missing.length > 0) throw new ContestError(missing.map((message) => ({ code: 'runtime.unsupported', severity: 'stops-action' as const, message })));
    const checkAndRun = (c: ActionContext): Summary => {
      if (action.writes) assertCanWrite(c, title, action.audit === false ? action.writes : [...action.writes, AUDIT_LOG.name]);
      return action.run(c, input);
    };
    // One action at a time per contest, and none while a submission is being written (the intake takes the same lock).
    summary = action.lock === false ? checkAndRun(ctx) : withLock(ctx, () => checkAndRun({ ...ctx, holdsLock: true }));
    if (action.audit !== false && action.finalNotice !== false) summary = withFinalNotice(ctx, summary);
  } catch (error) {
    summary = errorSummary(title, error);
    failed = true;
  }
  if (action.audit !== false) summary = audit(ctx, title, summary, failed);
  const ui = ctx.services.spreadsheetApp.getUi();
  const html = ctx.services.htmlService;
  if (summary.printPage && !failed) ui.showModalDialog(html.createHtmlOutput(buildQrPrintHtml(summary.printPage)).setWidth(900).setHeight(680), title);
  else showSummary(ui, html, summary);
  return summary;
}

/**
 * The trigger door: no UI. A summary with something to say is logged in "Nhật ký"; an error is logged
 * there too (the organizer reads the log, not the executions page), then rethrown only when even the
 * log could not be written, so Google records the failure.
 */
export function runTrigger<E>(ctx: ActionContext, action: TriggerAction<E>, event: E): Summary | null {
  let summary: Summary | null;
  try {
    summary = action.run(ctx, event);
  } catch (error) {
    const failedSummary = errorSummary(action.title, error);
    try {
      appendAudit(ctx.spreadsheet, { time: ctx.now, user: ctx.user, action: action.title, details: auditDetails(failedSummary, true) });
    } catch {
      throw error;
    }
    return failedSummary;
  }
  if (summary && (summary.lines.length > 0 || summary.warnings.length > 0)) {
    appendAudit(ctx.spreadsheet, { time: ctx.now, user: ctx.user, action: summary.title, details: auditDetails(summary) });
  }
  return summary;
}
