// The contest's installable triggers, one of each kind per user per document, all on the contest spreadsheet (an
// Editor add-on may create triggers only for the file it runs in, and ScriptApp.getProjectTriggers() would list the
// user's triggers of every other contest too, so they are always looked up with getUserTriggers(spreadsheet)).
import type { ActionContext } from './context';

type Trigger = GoogleAppsScript.Script.Trigger;

/** Handler names: the entry points in src/main.ts. */
export const SUBMIT_HANDLER = 'onFormSubmit';
export const SETTINGS_EDIT_HANDLER = 'onSettingsEdit';
export const SCHEDULER_HANDLER = 'runScheduledJobs';

/** This user's triggers of `handler` on the contest spreadsheet. */
export function documentTriggers(ctx: ActionContext, handler: string): Trigger[] {
  return ctx.services.scriptApp.getUserTriggers(ctx.spreadsheet).filter((t) => t.getHandlerFunction() === handler);
}

/** Keeps the first trigger of `handler` in this document and deletes its duplicates; true when one was there. */
function keepOne(ctx: ActionContext, handler: string): boolean {
  const [first, ...rest] = documentTriggers(ctx, handler);
  for (const t of rest) ctx.services.scriptApp.deleteTrigger(t);
  return first !== undefined;
}

/**
 * Exactly one form-submit trigger on the contest spreadsheet: Google writes every response of the
 * linked form to its response sheet and fires it with that row. Returns true when it had to create one.
 */
export function ensureSubmitTrigger(ctx: ActionContext): boolean {
  if (keepOne(ctx, SUBMIT_HANDLER)) return false;
  ctx.services.scriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(ctx.spreadsheet).onFormSubmit().create();
  return true;
}

/**
 * Exactly one installable edit trigger on the contest spreadsheet, so that typing a new "Hạn nộp bài"
 * moves the closing time at once and appraisers' ticks fill the protected result columns. A simple
 * onEdit cannot do either (it may not call ScriptApp; it runs as the appraiser); an installable one
 * runs as the organizer who installed it. Returns true when it had to create one.
 */
export function ensureSettingsEditTrigger(ctx: ActionContext): boolean {
  if (keepOne(ctx, SETTINGS_EDIT_HANDLER)) return false;
  ctx.services.scriptApp.newTrigger(SETTINGS_EDIT_HANDLER).forSpreadsheet(ctx.spreadsheet).onEdit().create();
  return true;
}
