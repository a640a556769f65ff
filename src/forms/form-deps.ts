// The services every form flow is handed (Apps Script's or the emulator's), and the "Nhật ký" helpers they share.
import type { Problem } from '../domain/types';
import { appendAudit, joinAuditDetails } from '../sheets/audit';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Services the intake needs, handed in so tests run it in the emulator and main.ts passes Google's. */
export interface IntakeDeps {
  spreadsheet: Spreadsheet;
  formApp: GoogleAppsScript.Forms.FormApp;
  /** LockService.getScriptLock(): one lock shared by every execution of the script. */
  lock: GoogleAppsScript.Lock.Lock;
  /** SpreadsheetApp.flush: writes must reach the sheet before the lock is released. */
  flush: () => void;
  mail: GoogleAppsScript.Mail.MailApp | null;
  now: () => Date;
  /** Email of whoever runs the action ('' when unknown), for "Nhật ký". */
  user: string;
}

/** Every service the form flows use, handed in by src/main.ts (or the emulator in tests). */
export interface FormDeps extends IntakeDeps {
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  utilities: GoogleAppsScript.Utilities.Utilities;
  /**
   * () => PropertiesService.getDocumentProperties(): remembers when the deadline trigger fires, so a
   * re-run keeps a trigger already at the right time (without it the trigger is recreated each run).
   * A function, so executions that never schedule (every form submission) do not pay the call.
   */
  documentProperties?: () => GoogleAppsScript.Properties.Properties;
}

/** The services that do not depend on which spreadsheet or user an execution has (what main.ts builds from the globals). */
export type FormServices = Omit<FormDeps, 'spreadsheet' | 'user'>;

export function formDeps(spreadsheet: Spreadsheet, user: string, services: FormServices): FormDeps {
  return { ...services, spreadsheet, user };
}

/** The problems' messages in one line (for a "Nhật ký" entry or a note that must not stop the run). */
export function problemsText(problems: Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/** Appends one "Nhật ký" line by the deps' user at the deps' time. */
export function logToAudit(deps: Pick<IntakeDeps, 'spreadsheet' | 'now' | 'user'>, action: string, details: string): void {
  appendAudit(deps.spreadsheet, { time: deps.now(), user: deps.user, action, details });
}

/** Summary of a form action: Vietnamese lines for the dialog; the same text goes to "Nhật ký". */
export interface FormActionSummary {
  lines: string[];
  warnings: string[];
}

/** Writes a form action's summary to "Nhật ký" (warnings prefixed "Cảnh báo:"). */
export function logFormAction(deps: FormDeps, action: string, summary: FormActionSummary): void {
  logToAudit(deps, action, joinAuditDetails([...summary.lines, ...summary.warnings.map((w) => `Cảnh báo: ${w}`)]));
}
