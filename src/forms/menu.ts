// The form menu actions and triggers as src/main.ts calls them: handles in, flow run, summary or QR page shown.
import type { Summary } from '../flows/context';
import { errorSummary, showSummary } from '../ui/dialog';
import { MENU_LABELS } from '../ui/messages';
import { runAction, type ActionHandles } from '../ui/runner';
import { handleFormSubmit, type SubmitOutcome } from './intake';
import { makeQrCodes } from './qr-sheet';
import { closeFormAtDeadline, setupForm, syncSubmissions, syncUnitList, type FormActionSummary, type FormDeps } from './setup';

/** Services beyond the spreadsheet ones, from the Apps Script globals (main.ts) or the emulator (tests). */
export interface FormServices {
  formApp: GoogleAppsScript.Forms.FormApp;
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  utilities: GoogleAppsScript.Utilities.Utilities;
  mail: GoogleAppsScript.Mail.MailApp | null;
  lock: GoogleAppsScript.Lock.Lock;
  flush: () => void;
  now: () => Date;
}

export function formDeps(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string, s: FormServices): FormDeps {
  return { spreadsheet, user, formApp: s.formApp, scriptApp: s.scriptApp, utilities: s.utilities, mail: s.mail, lock: s.lock, flush: s.flush, now: s.now };
}

function summary(title: string, result: FormActionSummary): Summary {
  return { title, lines: result.lines, warnings: result.warnings };
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
  // The flows write their own "Nhật ký" line with the details.
  return runAction(h, MENU_LABELS.form, () => summary(MENU_LABELS.form, setupForm(formDeps(h.spreadsheet, h.user, s), url)), { audit: false });
}

export function runSyncUnits(h: ActionHandles, s: FormServices): Summary {
  return runAction(h, MENU_LABELS.syncUnits, () => summary(MENU_LABELS.syncUnits, syncUnitList(formDeps(h.spreadsheet, h.user, s))), { audit: false });
}

export function runSyncSubmissions(h: ActionHandles, s: FormServices): Summary {
  return runAction(h, MENU_LABELS.syncSubmissions, () => summary(MENU_LABELS.syncSubmissions, syncSubmissions(formDeps(h.spreadsheet, h.user, s))), {
    audit: false,
  });
}

/** Menu "Mã QR": builds the sheet and shows the printable page (or the error dialog). */
export function runQrCodes(h: ActionHandles, s: FormServices): void {
  const ui = h.app.getUi();
  try {
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
  return handleFormSubmit(formDeps(spreadsheet, user, s), e.source, e.response);
}

/** The time-driven trigger at the deadline. */
export function onDeadlineEvent(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, s: FormServices, user: string): void {
  closeFormAtDeadline(formDeps(spreadsheet, user, s));
}
