// The form menu actions and triggers as src/main.ts calls them: handles in, flow run, summary or QR page shown.
import { assertCanWrite, type Summary } from '../flows/context';
import { APPRAISAL_SHEET } from '../sheets/appraisal';
import { AUDIT_LOG } from '../sheets/auditLog';
import { CONFIG } from '../sheets/config';
import { SUBMISSIONS } from '../sheets/submissions';
import { UNITS } from '../sheets/units';
import { errorSummary, showSummary } from '../ui/dialog';
import { MENU_LABELS } from '../ui/messages';
import { runAction, type ActionHandles } from '../ui/runner';
import { closeFormAtDeadline, rescheduleAfterSettingsEdit, type DeadlinePlan } from './deadline';
import { formDeps, type FormActionSummary, type FormDeps, type FormServices } from './form-deps';
import { handleFormSubmit, type SubmitOutcome } from './intake';
import { createOrLinkForm } from './link-form';
import { QR_SHEET, makeQrCodes } from './qr-sheet';
import { syncSubmissions } from './sync-submissions';
import { syncUnitList } from './sync-units';

/**
 * Refuses, before any write, a user who cannot edit the protected sheets a form action writes (these
 * flows log to "Nhật ký" themselves, so it is among them); see assertCanWrite.
 */
function guard(h: ActionHandles, title: string, sheets: string[]): void {
  assertCanWrite({ spreadsheet: h.spreadsheet, app: h.app, user: h.user, now: h.now }, title, [...sheets, AUDIT_LOG.name]);
}

/**
 * Runs a form flow as a menu action: access check, then the flow, its summary shown. The flows write
 * their own "Nhật ký" line with the details, so runAction does not log.
 */
function runFormFlow(h: ActionHandles, s: FormServices, title: string, sheets: string[], flow: (deps: FormDeps) => FormActionSummary): Summary {
  return runAction(
    h,
    title,
    () => {
      guard(h, title, sheets);
      const result = flow(formDeps(h.spreadsheet, h.user, s));
      return { title, lines: result.lines, warnings: result.warnings };
    },
    { audit: false },
  );
}

/** Menu "Tạo / liên kết biểu mẫu": asks for an existing form's link (blank = create or re-check ours). */
export function runCreateForm(h: ActionHandles, s: FormServices): Summary | null {
  const ui = h.app.getUi();
  const answer = ui.prompt(
    MENU_LABELS.form,
    'Để trống rồi bấm OK để tạo biểu mẫu mới (hoặc kiểm tra lại biểu mẫu đã có).\nĐể dùng một biểu mẫu có sẵn, dán link sửa biểu mẫu (https://docs.google.com/forms/d/…/edit):',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const url = answer.getResponseText().trim();
  return runFormFlow(h, s, MENU_LABELS.form, [CONFIG.name, UNITS.name], (deps) => createOrLinkForm(deps, url));
}

export function runSyncUnits(h: ActionHandles, s: FormServices): Summary {
  return runFormFlow(h, s, MENU_LABELS.syncUnits, [UNITS.name], syncUnitList);
}

export function runSyncSubmissions(h: ActionHandles, s: FormServices): Summary {
  return runFormFlow(h, s, MENU_LABELS.syncSubmissions, [SUBMISSIONS.name, APPRAISAL_SHEET], syncSubmissions);
}

/** Menu "Mã QR": builds the sheet and shows the printable page (or the error dialog). */
export function runQrCodes(h: ActionHandles, s: FormServices): void {
  const ui = h.app.getUi();
  try {
    guard(h, MENU_LABELS.qr, [UNITS.name, QR_SHEET]);
    const result = makeQrCodes(formDeps(h.spreadsheet, h.user, s));
    ui.showModalDialog(h.html.createHtmlOutput(result.html).setWidth(900).setHeight(680), MENU_LABELS.qr);
  } catch (error) {
    showSummary(ui, h.html, errorSummary(MENU_LABELS.qr, error));
  }
}

/**
 * The installable onFormSubmit trigger (installed with forForm, so `e.source` is the Form and
 * `e.response` the new response). The spreadsheet is the form's destination: a form trigger has no
 * active spreadsheet.
 */
export function onSubmitEvent(
  e: GoogleAppsScript.Events.FormsOnFormSubmit | undefined,
  s: FormServices,
  openSpreadsheet: (id: string) => GoogleAppsScript.Spreadsheet.Spreadsheet,
  user: string,
): SubmitOutcome {
  if (!e || !e.source) return { kind: 'blank' };
  const spreadsheet = openSpreadsheet(e.source.getDestinationId());
  return handleFormSubmit(formDeps(spreadsheet, user, s), e.response);
}

/** The time-driven trigger at the deadline. */
export function onDeadlineEvent(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, s: FormServices, user: string): void {
  closeFormAtDeadline(formDeps(spreadsheet, user, s));
}

/** The installable edit trigger (installed by "Tạo / liên kết biểu mẫu"): a new "Hạn nộp bài" moves the closing trigger. */
export function onSettingsEditEvent(e: GoogleAppsScript.Events.SheetsOnEdit | undefined, s: FormServices, user: string): DeadlinePlan | null {
  if (!e || !e.range || !e.source) return null;
  return rescheduleAfterSettingsEdit(formDeps(e.source, user, s), e.range);
}
