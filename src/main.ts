// Every Apps Script entry point, assigned to `global` so gas-webpack-plugin emits a top-level function for each.
// The only code that touches Apps Script's globals or the clock: each entry builds the action context and opens a door.
import type { MenuAction, TriggerAction } from './flows/action';
import { appraisalAction } from './flows/appraisal';
import { auditLogAction } from './flows/auditLog';
import { awardsAction } from './flows/awards';
import { certificatesAction } from './flows/certificates';
import { certificateTemplateAction } from './flows/certificateTemplate';
import { sendCertificatesAction } from './flows/sendCertificates';
import { createActionContext, type ActionContext } from './flows/context';
import { createFormAction } from './flows/createForm';
import { scheduledJobsTrigger } from './flows/jobs';
import { scheduledSpreadsheetId } from './flows/scheduler';
import { updateEngagementAction } from './flows/fanpage';
import { connectFanpageAction } from './flows/fanpageConnect';
import { describeConnection } from './facebook/connection';
import { installedEditTrigger, simpleEditTrigger } from './flows/edits';
import { intakeTrigger } from './flows/intake';
import { juryTabsAction } from './flows/juryTabs';
import { juryProgressAction } from './flows/juryProgress';
import { jurorsRemindedToday, remindAction } from './flows/remind';
import { finaliseAction, reopenAction } from './flows/finalise';
import { participationAction } from './flows/participation';
import { qrCodesAction } from './flows/qrCodes';
import { scoresAction } from './flows/scores';
import { setupAction } from './flows/setup';
import { syncSubmissionsAction } from './flows/syncSubmissions';
import { syncUnitsAction } from './flows/syncUnits';
import { buildMenu } from './ui/menu';
import { askFanpageConnection, askOverwriteManual } from './ui/fanpage';
import { askFormLink, askReopenReason, askRemindAgain } from './ui/prompts';
import { runMenuAction, runTrigger } from './ui/runner';

declare const global: Record<string, unknown>;

/** The one action context of this execution, on `spreadsheet`, by `user`, at the current time. */
function contextOn(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): ActionContext {
  // Slides is the advanced service: undefined when appsscript.json does not enable it.
  const slides = typeof Slides === 'undefined' ? undefined : Slides;
  const globals = {
    SpreadsheetApp,
    FormApp,
    ScriptApp,
    LockService,
    Utilities,
    MailApp,
    PropertiesService,
    HtmlService,
    UrlFetchApp,
    DriveApp,
    SlidesApp,
    Slides: slides,
  };
  return createActionContext(globals, spreadsheet, user, new Date());
}

/** The user at the keyboard (Google hides some emails: then the script's user). */
function menuUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

/** A menu action runs as the user at the keyboard. */
function menu<I>(action: MenuAction<I>, input: I): void {
  runMenuAction(contextOn(SpreadsheetApp.getActiveSpreadsheet(), menuUser()), action, input);
}

/** An installable trigger runs as its owner. */
function trigger<E>(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, action: TriggerAction<E>, event: E): void {
  runTrigger(contextOn(spreadsheet, Session.getEffectiveUser().getEmail()), action, event);
}

/**
 * Adds the add-on menu (Extensions › hoithi). Before the add-on is used in a document it runs in
 * AuthMode.NONE, where only the menu may be built: it touches nothing else in any mode.
 */
function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: same as opening the document. */
function onInstall(): void {
  onOpen();
}

/** Simple trigger, as the person editing; in AuthMode.NONE (add-on not yet used here) it may read nothing. */
function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range || e.authMode === ScriptApp.AuthMode.NONE) return;
  runTrigger(contextOn(e.source, Session.getActiveUser().getEmail()), simpleEditTrigger, e);
}

function menuSetupContest(): void {
  menu(setupAction, undefined);
}
function menuCreateForm(): void {
  const url = askFormLink(SpreadsheetApp.getUi(), createFormAction.title);
  if (url !== null) menu(createFormAction, url);
}
function menuSyncUnits(): void {
  menu(syncUnitsAction, undefined);
}
function menuQrCodes(): void {
  menu(qrCodesAction, undefined);
}
function menuSyncSubmissions(): void {
  menu(syncSubmissionsAction, undefined);
}
function menuUpdateAppraisal(): void {
  menu(appraisalAction, undefined);
}
function menuPrepareJuryTabs(): void {
  menu(juryTabsAction, undefined);
}
function menuConnectFanpage(): void {
  const current = describeConnection(PropertiesService.getUserProperties(), SpreadsheetApp.getActiveSpreadsheet().getId());
  const input = askFanpageConnection(SpreadsheetApp.getUi(), connectFanpageAction.title, current);
  if (input !== null) menu(connectFanpageAction, input);
}
function menuUpdateEngagement(): void {
  menu(updateEngagementAction, { confirmOverwrite: (lines: string[]) => askOverwriteManual(SpreadsheetApp.getUi(), updateEngagementAction.title, lines) });
}
function menuJuryProgress(): void {
  menu(juryProgressAction, undefined);
}
/** Asks first only when some jurors were reminded today (read from "Tiến độ chấm"). */
function menuRemindJurors(): void {
  const already = jurorsRemindedToday(contextOn(SpreadsheetApp.getActiveSpreadsheet(), menuUser()));
  const again = already.length > 0 ? askRemindAgain(SpreadsheetApp.getUi(), remindAction.title, already) : false;
  if (again !== null) menu(remindAction, { again });
}
function menuFinaliseResults(): void {
  menu(finaliseAction, undefined);
}
function menuReopenResults(): void {
  const reason = askReopenReason(SpreadsheetApp.getUi(), reopenAction.title);
  if (reason !== null) menu(reopenAction, reason);
}
function menuComputeScores(): void {
  menu(scoresAction, undefined);
}
function menuBuildAwards(): void {
  menu(awardsAction, undefined);
}
function menuParticipation(): void {
  menu(participationAction, undefined);
}
function menuAuditLog(): void {
  menu(auditLogAction, undefined);
}
function menuCertificateTemplate(): void {
  menu(certificateTemplateAction, undefined);
}
function menuCertificates(): void {
  menu(certificatesAction, undefined);
}
function menuSendCertificates(): void {
  menu(sendCertificatesAction, undefined);
}

/** Installable form-submit trigger on the contest spreadsheet: `e.range` is the new row of the response sheet. */
function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!e || !e.range) return;
  trigger(e.range.getSheet().getParent(), intakeTrigger, e);
}
/**
 * The document's scheduler (a clock trigger): an add-on's clock trigger has no active spreadsheet, so
 * the spreadsheet is the one its trigger id was recorded for (the active one when run bound).
 */
function runScheduledJobs(e: GoogleAppsScript.Events.TimeDriven & { triggerUid?: string }): void {
  const id = scheduledSpreadsheetId(PropertiesService.getUserProperties(), (e && e.triggerUid) || '');
  const spreadsheet = id ? SpreadsheetApp.openById(id) : SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet) trigger(spreadsheet, scheduledJobsTrigger, e);
}
/** Installable edit trigger on this spreadsheet (see flows/edits.ts). */
function onSettingsEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range || !e.source) return;
  trigger(e.source, installedEditTrigger, e);
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
global.runScheduledJobs = runScheduledJobs;
global.onSettingsEdit = onSettingsEdit;
global.menuUpdateAppraisal = menuUpdateAppraisal;
global.menuPrepareJuryTabs = menuPrepareJuryTabs;
global.menuConnectFanpage = menuConnectFanpage;
global.menuUpdateEngagement = menuUpdateEngagement;
global.menuComputeScores = menuComputeScores;
global.menuJuryProgress = menuJuryProgress;
global.menuRemindJurors = menuRemindJurors;
global.menuFinaliseResults = menuFinaliseResults;
global.menuReopenResults = menuReopenResults;
global.menuBuildAwards = menuBuildAwards;
global.menuParticipation = menuParticipation;
global.menuCertificateTemplate = menuCertificateTemplate;
global.menuCertificates = menuCertificates;
global.menuSendCertificates = menuSendCertificates;
global.menuAuditLog = menuAuditLog;
