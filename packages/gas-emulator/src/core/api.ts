// The emulator's public types: createEmulator's options and the control object it returns.
import type { CallCounter } from './calls';
import type { DriveItem } from '../drive/driveApp';
import type { FormDescription } from '../forms/submit';
import type { LockControl } from '../lock/lockService';
import type { MailRecord } from '../mail/mailApp';
import type { RuntimeOptions } from '../script/runtime';
import type { TriggerRegistry } from '../script/scriptApp';
import type { UiRecorder } from '../base/ui';
import type { HttpRecord, UrlHandler } from '../urlFetch/urlFetchApp';

export interface EmulatorOptions {
  /** Owner of the spreadsheet, form and script (default 'owner@example.com'). */
  owner?: string;
  /** Current user (default = owner). */
  user?: string;
  /** Script and spreadsheet time zone (default 'America/New_York', as for an account that never chose one). */
  timeZone?: string;
  /** Spreadsheet locale (default 'en_US'; 'vi_VN' gives the decimal comma and Vietnamese default sheet names). */
  locale?: string;
  /** Clock source; default follows the system clock (so jest fake timers work). setNow() pins it. */
  now?: () => Date;
  spreadsheetName?: string;
  /** People the spreadsheet is shared with; new protections include them until removed, like Google. */
  collaborators?: string[];
  /** Name shown for createAddonMenu() menus (default 'Add-on'). */
  addonName?: string;
  /** Seed for ids and UUIDs (default 1). */
  seed?: number;
  /** Rethrow errors thrown by trigger handlers (default true); they are always recorded in triggerRuns. */
  throwTriggerErrors?: boolean;
  /** MailApp daily quota (default 100, consumer accounts). */
  mailQuota?: number;
  /** OAuth scope of Drive: 'drive.file' (default: DriveApp opens only items the script created or the user picked) or 'drive'. */
  driveScope?: 'drive.file' | 'drive';

  /**
   * Editor add-on rules (default false: a bound script, today's behaviour). createMenu throws; triggers only on
   * the document the code runs in, one per event type per user per document, clock at most hourly; no active
   * spreadsheet in clock triggers; onOpen/onEdit get AuthMode.NONE until the add-on is used in the document.
   */
  addon?: boolean;
  /**
   * With `addon`: LockService.getScriptLock() and ScriptApp.getProjectTriggers() throw. *Stricter than Google*, which
   * allows both: in an add-on they reach every document of every installation, so code that keeps each contest to
   * its own document must never call them.
   */
  refuseProjectWide?: boolean;
  /**
   * File-level sharing of the bound spreadsheet, enforced when given: only its owner and editors write (others get
   * "You do not have permission to perform that action."), viewers and commenters can open it, others cannot.
   * Implies formAccess, and installable triggers get authMode FULL.
   */
  sharing?: SharingOptions;
  /** Forms open only for their creator and editors (Form.addEditor); default: on when `sharing` is given. */
  formAccess?: boolean;
  /** FormResponse.submit() fires no trigger, as Google documents (default true); false queues them (the old emulator). */
  strictScriptSubmits?: boolean;
  /** Utilities.newBlob refuses byte values outside -128..127 (default false). */
  signedBytes?: boolean;
  /** The spreadsheet is in a shared drive: Spreadsheet.getOwner() returns null, as Google documents (default false). */
  sharedDrive?: boolean;
  /** Clock triggers fire up to `early` minutes before and `late` minutes after their time, drawn from the seed. */
  clockJitterMinutes?: { early?: number; late?: number };
  /** Cost model of trigger executions and the optional daily limit (see triggerRuntime). */
  runtime?: RuntimeOptions;
}

export interface DriveControl {
  /** Every item of every user's Drive (folders too), in creation order. */
  items(): DriveItem[];
  /** Folder names from "My Drive" down to the item's parent, e.g. ["My Drive", "Giấy khen"]. */
  pathOf(id: string): string[];
  /** The person made or edited this file themselves (not through the script): under drive.file DriveApp cannot open it. */
  markHandMade(id: string): void;
  /** The user picked the file in Google Picker: the script may open it under drive.file. */
  pick(id: string): void;
  /** Shares an item with an editor. */
  addEditor(id: string, email: string): void;
}

export interface SharingOptions {
  editors?: string[];
  commenters?: string[];
  viewers?: string[];
  /** "Anyone with the link can edit": every person may write, also anonymous ones (editCell(..., { anonymous: true })). */
  anyoneWithLinkCanEdit?: boolean;
}

export interface EditOptions {
  /** An anonymous editor (link sharing): no simple onEdit; installable triggers see their own owner as e.user. */
  anonymous?: boolean;
}

export interface ClockRunOptions {
  /** Every occurrence fires this many minutes late (it is then due only once upTo reaches that time). */
  lateByMinutes?: number;
  /** Every occurrence fires this many minutes early (never for after(ms) triggers: Google says never earlier). */
  earlyByMinutes?: number;
}

export interface TriggerRun {
  uid: string;
  handler: string;
  eventType: string;
  at: Date;
  user: string;
  error?: unknown;
  /** Estimated duration (ms), with the `runtime` option. */
  durationMs?: number;
}

export interface SubmitOptions {
  /** Fire installed onFormSubmit triggers now (default true). false = the trigger "did not fire". */
  fireTriggers?: boolean;
  /** Respondent email when the form collects emails (default: current user). */
  email?: string;
  /** Skip the checks the form page would make (required answers, validation). */
  skipChecks?: boolean;
}

export interface Emulator {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
  Session: GoogleAppsScript.Base.Session;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  /** Charts: its enums (ChartType), for EmbeddedChartBuilder.setChartType. */
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  SlidesApp: GoogleAppsScript.Slides.SlidesApp;
  /** The Slides advanced service (only Presentations.create). */
  Slides: GoogleAppsScript.Slides;
  /** Drive as a whole, for tests: every item, and what people do outside the script. */
  drive: DriveControl;
  /** The active (bound) spreadsheet. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Counts of every call on emulated objects: total(), byMethod(), count("Range.getValues"), reset(). */
  calls: CallCounter;
  /** Menus, dialogs and toasts shown; queueAnswer() scripts alert/prompt answers. */
  ui: UiRecorder;
  /** Lock state: holdByOther(true | Date), onNextAcquire(cb) to interleave executions, isHeldByMe(), attempts. */
  locks: LockControl;
  /** Installed triggers of every user: triggers.list(). */
  triggers: TriggerRegistry;
  /** Trigger executions so far (handler, time, user, error). */
  triggerRuns: TriggerRun[];
  /** MailApp outbox. */
  mail: MailRecord[];
  /** Logger.log lines. */
  logs: string[];
  /** Every HTTP request UrlFetchApp sent (each redirect hop and each request of a fetchAll is one). */
  httpRequests: HttpRecord[];
  /** Answers UrlFetchApp's requests (a fake server); without one, fetch throws. */
  setUrlHandler(handler: UrlHandler | undefined): void;

  setUser(email: string): void;
  user(): string;
  setNow(d: Date): void;
  now(): Date;
  addCollaborator(email: string): void;
  /** Ends the current execution as Apps Script does: its locks are released. */
  endExecution(): void;
  /** Trigger handlers by function name; looked up before the installGlobals target / globalThis. */
  setHandlers(table: Record<string, (e?: unknown) => unknown>): void;
  /** Defines SpreadsheetApp, FormApp, Session... on `target` (default globalThis); handlers are then also looked up there. */
  installGlobals(target?: object): void;
  /** Runs a function by name as its own execution, as `user` (default current user). */
  run(functionName: string, event?: unknown, user?: string): unknown;

  /** A respondent fills the form page: checks required/validated answers, records, writes the response row, fires triggers. */
  submitForm(
    form: GoogleAppsScript.Forms.Form,
    answers: Record<string, string | string[]>,
    at?: Date,
    options?: SubmitOptions,
  ): GoogleAppsScript.Forms.FormResponse;
  /** Fires onFormSubmit triggers (form and destination spreadsheet) for an already recorded response. */
  fireFormSubmit(form: GoogleAppsScript.Forms.Form, response: GoogleAppsScript.Forms.FormResponse): void;
  /** The spreadsheet form-submit event Google would pass for a recorded response (its row in the destination sheet), to run a trigger by hand. */
  submitEvent(response: GoogleAppsScript.Forms.FormResponse): GoogleAppsScript.Events.SheetsOnFormSubmit;
  /** Runs triggers queued by FormResponse.submit() from scripts. */
  runPendingTriggers(): void;
  /** Runs due clock triggers in time order up to `upTo`, moving the clock; returns how many ran. */
  runTimeTriggers(upTo: Date, options?: ClockRunOptions): number;
  /** A person edits a cell of the active document in the UI: sharing and protection apply, then onEdit triggers run. */
  editCell(sheetName: string, a1: string, value: unknown, options?: EditOptions): void;

  /** Another spreadsheet in the same world (same script project, triggers and script lock); `owner` defaults to the current user with `sharing`. */
  createSpreadsheet(name: string, options?: { owner?: string }): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Makes `ss` the document the code runs in (getActiveSpreadsheet, document lock, editCell, openInEditor, add-on triggers). */
  openDocument(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void;
  /** Runs `fn` with `ss` as the active document, then restores the previous one. */
  withActiveSpreadsheet<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, fn: () => T): T;
  /** The document the code runs in now (null in an add-on's clock trigger). */
  activeDocument(): GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  /** A person opens the active document: simple onOpen(e) with e.authMode (add-on: NONE until used there, then LIMITED), then installable onOpen triggers. */
  openInEditor(user?: string, options?: EditOptions): void;
  /** Add-on mode: the user installs the add-on from this document: onInstall(e) with AuthMode.FULL; the add-on is then enabled here. */
  installAddon(user?: string): void;
  /** Add-on mode: whether the add-on has been used in the active document (or `ss`). */
  addonEnabled(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean;
  /** Estimated trigger runtime (ms) of `owner` on `day` (Date or yyyy-MM-dd in the script zone; default today). */
  triggerRuntime(owner: string, day?: Date | string): number;

  /** Plain description of a form (items, choices, validations) for assertions. */
  describeForm(form: GoogleAppsScript.Forms.Form): FormDescription;
  /** A1 cells whose value breaks the cell's data validation (what Sheets would flag). */
  invalidCells(sheetName: string): string[];
  /** Images placed with insertImage: anchor cell and bytes. */
  images(sheetName: string): { a1: string; bytes: Uint8Array; contentType: string | null; name: string | null }[];
  /** Project HTML files for HtmlService.createHtmlOutputFromFile/createTemplateFromFile. */
  addHtmlFile(name: string, html: string): void;
  /** How many times SpreadsheetApp.flush() was called. */
  flushCount(): number;
}
