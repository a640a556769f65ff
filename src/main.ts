// Every Apps Script entry point, assigned to `global` so gas-webpack-plugin emits a top-level function for each.
import { updateAppraisal, handleEdit, APPRAISAL_TITLE } from './flows/appraisal';
import { openAuditLog, AUDIT_TITLE } from './flows/auditLog';
import { buildAwardList, AWARDS_TITLE } from './flows/awards';
import type { FlowContext, Summary } from './flows/context';
import { prepareJuryTabs, JURY_TABS_TITLE } from './flows/juryTabs';
import { participationReport, PARTICIPATION_TITLE } from './flows/participation';
import { computeScores, SCORES_TITLE } from './flows/scores';
import { setupContest, SETUP_TITLE } from './flows/setup';
import { APPRAISAL_SHEET, UNKNOWN_APPRAISER, canWriteAppraisalResults } from './sheets/appraisal';
import { ensureSettingsEditTrigger } from './forms/form-builder';
import type { FormServices } from './forms/form-deps';
import { onDeadlineEvent, onSettingsEditEvent, onSubmitEvent, runCreateForm, runQrCodes, runSyncSubmissions, runSyncUnits } from './forms/menu';
import { buildMenu } from './ui/menu';
import { MENU_LABELS } from './ui/messages';
import { notSupportedSummary, runAction, type ActionHandles } from './ui/runner';
import { showSummary } from './ui/dialog';

declare const global: Record<string, unknown>;

/** Handles from the Apps Script globals; the only place that reaches for them. */
function handles(): ActionHandles {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    app: SpreadsheetApp,
    html: HtmlService,
    user: Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail(),
    now: new Date(),
    lock: LockService.getScriptLock(),
  };
}

function run(title: string, flow: (ctx: FlowContext) => Summary, options?: { audit?: boolean }): void {
  runAction(handles(), title, flow, options);
}

/** Adds the "Hội thi" menu; needs no authorization beyond the container UI. */
function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: same as opening the document. */
function onInstall(): void {
  onOpen();
}

/**
 * The editor's email as an edit trigger sees it. Google hides it ("" from both e.user and
 * Session.getActiveUser()) for editors outside the owner's Workspace domain, e.g. gmail.com.
 * Decision: an unknown editor is written as UNKNOWN_APPRAISER rather than leaving the cell as it was,
 * because the old name would credit the new ticks to the previous appraiser, and a blank would look
 * like "not appraised". It is written only when the row's result changes (an edit that leaves Kết quả
 * and Lý do as they were rewrites nothing), so a known appraiser is never blanked by a no-op edit.
 */
function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit, fallback: () => string): string {
  return (e.user && e.user.getEmail()) || fallback() || UNKNOWN_APPRAISER;
}

/**
 * Simple trigger: fills Kết quả/Lý do on "Thẩm định" and Tổng on "BGK - …" tabs for the edited rows,
 * as the person editing. "Cập nhật thẩm định" and "Tính điểm" recompute everything, so an edit this
 * trigger misses never changes a result (see src/flows/appraisal.ts). It runs as the editor, so on
 * "Thẩm định" it writes only for someone allowed to write the protected result columns (organizers);
 * for an appraiser it leaves them to the installable edit trigger (onSettingsEdit, running as the
 * organizer) or to "Cập nhật thẩm định", instead of failing on Google's protection error.
 */
function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet();
  if (sheet.getName() === APPRAISAL_SHEET && !canWriteAppraisalResults(sheet, SpreadsheetApp)) return;
  const user = editorEmail(e, () => Session.getActiveUser().getEmail());
  handleEdit({ spreadsheet: e.source, app: SpreadsheetApp, user, now: new Date() }, e.range);
}

function menuSetupContest(): void {
  run(SETUP_TITLE, setupContest);
  // Appraisers cannot write the protected result columns of "Thẩm định": their ticks become Kết quả
  // through the installable edit trigger, which runs as the organizer who installed it (one only).
  ensureSettingsEditTrigger(ScriptApp, SpreadsheetApp.getActiveSpreadsheet().getId());
}
function menuUpdateAppraisal(): void {
  run(APPRAISAL_TITLE, updateAppraisal);
}
function menuPrepareJuryTabs(): void {
  run(JURY_TABS_TITLE, prepareJuryTabs);
}
function menuComputeScores(): void {
  run(SCORES_TITLE, computeScores);
}
function menuBuildAwards(): void {
  run(AWARDS_TITLE, buildAwardList);
}
function menuParticipation(): void {
  run(PARTICIPATION_TITLE, participationReport);
}
function menuAuditLog(): void {
  run(AUDIT_TITLE, openAuditLog, { audit: false });
}

/** Menu items whose feature is not built yet: a clear dialog instead of a crash. */
function notSupported(feature: string): void {
  showSummary(SpreadsheetApp.getUi(), HtmlService, notSupportedSummary(feature));
}
/** Services of the form, QR and intake actions (src/forms). */
function formServices(): FormServices {
  return { formApp: FormApp, scriptApp: ScriptApp, utilities: Utilities, mail: MailApp, lock: LockService.getScriptLock(), flush: () => SpreadsheetApp.flush(), now: () => new Date(), documentProperties: () => PropertiesService.getDocumentProperties() };
}
function menuCreateForm(): void {
  runCreateForm(handles(), formServices());
}
function menuSyncUnits(): void {
  runSyncUnits(handles(), formServices());
}
function menuQrCodes(): void {
  runQrCodes(handles(), formServices());
}
function menuSyncSubmissions(): void {
  runSyncSubmissions(handles(), formServices());
}
/** Installable trigger (forForm): copies each new response into "Bài dự thi" of the form's destination spreadsheet. */
function onFormSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  onSubmitEvent(e, formServices(), (id) => SpreadsheetApp.openById(id), Session.getEffectiveUser().getEmail());
}
/** Time-driven trigger at "Hạn nộp bài": closes the form, or re-schedules when the deadline moved later. */
function closeFormAtDeadline(): void {
  onDeadlineEvent(SpreadsheetApp.getActiveSpreadsheet(), formServices(), Session.getEffectiveUser().getEmail());
}
/**
 * Installable edit trigger on this spreadsheet (created with the form): a new "Hạn nộp bài" in
 * "Cấu hình" moves the closing trigger; a tick in "Thẩm định" fills the protected result columns,
 * which the simple onEdit cannot do for an appraiser, since this trigger runs as the organizer. The
 * appraiser is taken from the event only (Session.getActiveUser() here may be the trigger's owner).
 */
function onSettingsEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onSettingsEditEvent(e, formServices(), Session.getEffectiveUser().getEmail());
  if (!e || !e.range || !e.source || e.range.getSheet().getName() !== APPRAISAL_SHEET) return;
  handleEdit({ spreadsheet: e.source, app: SpreadsheetApp, user: editorEmail(e, () => ''), now: new Date() }, e.range);
}
function menuCertificates(): void {
  notSupported(MENU_LABELS.certificates);
}

global.onOpen = onOpen;
global.onInstall = onInstall;
global.onEdit = onEdit;
global.menuSetupContest = menuSetupContest;
global.menuCreateForm = menuCreateForm;
global.menuSyncUnits = menuSyncUnits;
global.menuQrCodes = menuQrCodes;
global.menuSyncSubmissions = menuSyncSubmissions;
global.onFormSubmit = onFormSubmit;
global.closeFormAtDeadline = closeFormAtDeadline;
global.onSettingsEdit = onSettingsEdit;
global.menuUpdateAppraisal = menuUpdateAppraisal;
global.menuPrepareJuryTabs = menuPrepareJuryTabs;
global.menuComputeScores = menuComputeScores;
global.menuBuildAwards = menuBuildAwards;
global.menuParticipation = menuParticipation;
global.menuCertificates = menuCertificates;
global.menuAuditLog = menuAuditLog;
