// Runs one menu action: progress toast, the flow, the summary (or error) dialog, and the "Nhật ký" line.
import type { FlowContext, Summary } from '../flows/context';
import { appendAudit, joinAuditDetails } from '../sheets/audit';
import { errorSummary, errorText, showSummary } from './dialog';
import { MSG } from './messages';

/** Handles main.ts gathers from Apps Script globals (tests pass the emulator's). */
export interface ActionHandles {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  html: GoogleAppsScript.HTML.HtmlService;
  user: string;
  now: Date;
  lock?: GoogleAppsScript.Lock.Lock;
}

/** One line for "Nhật ký": the summary's first lines and the warning count, joined like every other line. */
export function auditDetails(summary: Summary): string {
  const warnings = summary.warnings.length > 0 ? [MSG.auditWarnings(summary.warnings.length)] : [];
  return joinAuditDetails([...summary.lines.slice(0, 3), ...warnings], 2000);
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
  try {
    summary = flow(ctx);
  } catch (error) {
    summary = errorSummary(title, error);
  }
  if (options.audit !== false) {
    try {
      appendAudit(spreadsheet, { time: handles.now, user: handles.user, action: title, details: auditDetails(summary) });
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
