// createEmulator(): an in-memory Apps Script runtime (Sheets, Forms, triggers, UI...) for tests and `npm start`.
import { CallCounter, expose, implOfProxy } from './calls';
import { Env } from './env';
import { SpreadsheetAppImpl } from './spreadsheetApp';
import { SpreadsheetImpl } from './spreadsheet';
import { SheetImpl } from './sheet';
import { RangeImpl } from './range';
import { UiImpl, UiRecorder } from './ui';
import { SessionImpl } from './session';
import { UserImpl } from './user';
import { PropertiesServiceImpl } from './properties';
import { LockControl, LockServiceImpl } from './lock';
import { ScriptAppImpl, TriggerImpl, TriggerRegistry } from './script';
import { HtmlServiceImpl } from './html';
import { UtilitiesImpl } from './utilities';
import { MailAppImpl, MailRecord } from './mail';
import { DriveAppImpl, DriveStore, FOLDER_MIME, type DriveItem } from './drive';
import { SlidesAdvancedImpl, SlidesAppImpl } from './slides';
import { ChartsImpl } from './charts';
import { LoggerImpl } from './logger';
import { HttpRecord, UrlFetchAppImpl, UrlHandler } from './urlFetch';
import { FormAppImpl } from './forms/formApp';
import { FormHost, FormImpl, TriggerMode } from './forms/form';
import { FormResponseImpl } from './forms/response';
import { DataValidationImpl } from './dataValidation';
import { keyCol, keyRow } from './sheet';
import { columnToLetters } from './a1';
import { describeForm, FormDescription, submitAnswers } from './forms/submit';
import { RuntimeLedger, RuntimeOptions } from './runtime';
import * as errors from './errors';
import { TRIGGER_RUNTIME_EXCEEDED } from './errors';

export { CallCounter } from './calls';
export type { MenuRecord, DialogRecord, ToastRecord, MenuEntry } from './ui';
export { UiRecorder } from './ui';
export type { MailRecord } from './mail';
export type { DriveItem } from './drive';
export { LockControl } from './lock';
export { TriggerRegistry } from './script';
export type { FormDescription } from './forms/submit';
export { UNEVALUATED_FORMULA_VALUE, FORMULA_PARSE_ERROR_VALUE } from './values';
export * as errors from './errors';
export type { RuntimeOptions } from './runtime';
export type { FakeRequest, FakeResponse, UrlHandler, HttpRecord } from './urlFetch';

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

/** The emulator's shared state, configured from the options (defaults: an owner-run, non-add-on script). */
function createEnv(options: EmulatorOptions): Env {
  const owner = options.owner ?? 'owner@example.com';
  const env = new Env({
    owner,
    user: options.user ?? owner,
    timeZone: options.timeZone ?? 'America/New_York',
    locale: options.locale ?? 'en_US',
    now: options.now,
    seed: options.seed ?? 1,
  });
  for (const c of options.collaborators ?? []) env.collaborators.add(c);
  env.addon = options.addon ?? false;
  env.refuseProjectWide = options.refuseProjectWide ?? false;
  env.enforceSharing = options.sharing !== undefined;
  env.formAccess = options.formAccess ?? options.sharing !== undefined;
  env.signedBytes = options.signedBytes ?? false;
  env.strictScriptSubmits = options.strictScriptSubmits ?? true;
  return env;
}

function applySharing(doc: SpreadsheetImpl, sharing: SharingOptions): void {
  for (const e of sharing.editors ?? []) doc._editors.add(e);
  for (const e of sharing.commenters ?? []) doc._commenters.add(e);
  for (const e of sharing.viewers ?? []) doc._viewers.add(e);
  doc._anyoneWithLinkCanEdit = sharing.anyoneWithLinkCanEdit ?? false;
}

/**
 * Google hides the active user's email ("") where a script runs without that user's authorization,
 * such as a simple onEdit/onOpen, unless the user is the developer (here: the owner) or belongs to
 * the same Google Workspace domain. Consumer accounts (gmail.com) never share a Workspace domain.
 */
function visibleUser(env: Env, user: string): string {
  if (user === env.owner) return user;
  const domain = (e: string): string => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
  const consumer = /^(gmail|googlemail)\.com$/;
  return domain(user) === domain(env.owner) && !consumer.test(domain(user)) ? user : '';
}

/** The spreadsheet form-submit event of a response written to row `row` of its destination sheet. */
function sheetSubmitEventAt(ctr: CallCounter, row: { sheet: SheetImpl; row: number }): Record<string, unknown> {
  const lastCol = Math.max(1, row.sheet._lastColumn());
  const range = new RangeImpl(ctr, row.sheet, { row: row.row, col: 1, numRows: 1, numCols: lastCol });
  const values = range.getDisplayValues()[0];
  const headers = new RangeImpl(ctr, row.sheet, { row: 1, col: 1, numRows: 1, numCols: lastCol }).getValues()[0];
  const namedValues: Record<string, string[]> = {};
  headers.forEach((h, i) => (namedValues[String(h)] = [values[i]]));
  return { source: expose(row.sheet._ss), range: expose(range), values, namedValues };
}

/** The test's view of Drive: items, folder paths, and the hand-made / picked / shared switches. */
function createDriveControl(driveStore: DriveStore): DriveControl {
  const driveItem = (id: string): DriveItem => {
    const item = driveStore.items.get(id);
    if (!item) throw new Error(`emulator: no Drive item ${id}`);
    return item;
  };
  return {
    items: () => [...driveStore.items.values()],
    pathOf(id) {
      const names: string[] = [];
      let parent = driveItem(id).parents[0];
      while (parent) {
        const p = driveItem(parent);
        names.unshift(p.name);
        parent = p.parents[0];
      }
      return names;
    },
    markHandMade: (id) => void (driveItem(id).appAccess = false),
    pick: (id) => void (driveItem(id).appAccess = true),
    addEditor: (id, email) => void driveItem(id).editors.add(email),
  };
}

/** The event of a clock trigger firing at `at` (Google reports the wall time in UTC). */
function clockEvent(at: Date): Record<string, unknown> {
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'day-of-month': at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/**
 * Runs every clock trigger due up to `upTo`, earliest first, moving the clock to each run and then to
 * `upTo`; returns how many ran.
 */
function runClockTriggers(
  env: Env,
  triggers: TriggerRegistry,
  upTo: Date,
  opts: ClockRunOptions,
  jitter: EmulatorOptions['clockJitterMinutes'],
  fire: (t: TriggerImpl, event: Record<string, unknown>) => void,
): number {
  const explicit = opts.lateByMinutes !== undefined || opts.earlyByMinutes !== undefined;
  // Shift of one occurrence: explicit (every occurrence alike) or drawn once from the seed within the jitter.
  const shiftOf = (t: TriggerImpl): number => {
    const early = t._notEarly ? 0 : 1;
    if (explicit) return ((opts.lateByMinutes ?? 0) - early * (opts.earlyByMinutes ?? 0)) * 60000;
    if (!jitter) return 0;
    if (t._shiftMs === undefined) {
      const lo = -early * (jitter.early ?? 0);
      const hi = jitter.late ?? 0;
      t._shiftMs = Math.round((lo + env.rand() * (hi - lo)) * 60000);
    }
    return t._shiftMs;
  };
  let ran = 0;
  for (let guard = 0; guard < 100000; guard++) {
    const due = triggers.all
      .filter((t) => t._eventType === 'CLOCK' && t._nextRun !== undefined && t._nextRun + shiftOf(t) <= upTo.getTime())
      .sort((a, b) => a._nextRun! + shiftOf(a) - (b._nextRun! + shiftOf(b)))[0];
    if (!due) break;
    const at = new Date(Math.max(due._nextRun! + shiftOf(due), env.now().getTime()));
    if (at.getTime() > env.now().getTime()) env.setNow(at);
    due._nextRun = due._everyMs ? due._nextRun! + due._everyMs : undefined;
    due._shiftMs = undefined;
    fire(due, clockEvent(at));
    ran++;
  }
  if (upTo.getTime() > env.now().getTime()) env.setNow(upTo);
  return ran;
}

/** The Spreadsheet behind a proxy this emulator handed out. */
function spreadsheetImplOf(ss: unknown): SpreadsheetImpl {
  const impl = implOfProxy<SpreadsheetImpl>(ss);
  if (!(impl instanceof SpreadsheetImpl)) throw new Error('emulator: expected a Spreadsheet from this emulator');
  return impl;
}

/** The Form behind a proxy this emulator handed out. */
function formImplOf(form: unknown): FormImpl {
  const f = implOfProxy<FormImpl>(form);
  if (!(f instanceof FormImpl)) throw new Error('emulator: expected a Form from this emulator');
  return f;
}

/** The FormResponse behind a proxy this emulator handed out. */
function responseImplOf(response: unknown): FormResponseImpl {
  const r = implOfProxy<FormResponseImpl>(response);
  if (!(r instanceof FormResponseImpl)) throw new Error('emulator: expected a FormResponse from this emulator');
  return r;
}

/** A1 of every cell whose value its data validation rule rejects. */
function invalidCellsOf(sheet: SheetImpl): string[] {
  const out: string[] = [];
  for (const [k, rule] of sheet._layers.get('dataValidation') ?? []) {
    const row = keyRow(k);
    const col = keyCol(k);
    if (rule instanceof DataValidationImpl && !rule._accepts(sheet._get(row, col))) out.push(`${columnToLetters(col)}${row}`);
  }
  return out;
}

/** Writes `value` as `editor` (the edit is that user's), restoring the running user afterwards. */
function setValueAs(env: Env, range: RangeImpl, value: unknown, editor: string): void {
  const saved = { a: env.activeUser, e: env.effectiveUser };
  env.activeUser = editor;
  env.effectiveUser = editor;
  try {
    range.setValue(value);
  } finally {
    env.activeUser = saved.a;
    env.effectiveUser = saved.e;
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const env = createEnv(options);
  const sharing = options.sharing;
  /** Google gives installable triggers FULL; the default keeps the old emulator's LIMITED for edit events. */
  const installableFull = env.addon || sharing !== undefined;
  const ctr = env.ctr;
  const ui = new UiRecorder();
  env.ui = ui;
  const throwTriggerErrors = options.throwTriggerErrors ?? true;

  const uiImpl = new UiImpl(ctr, ui, options.addonName ?? 'Add-on');
  uiImpl._addonMode = env.addon;
  const ssApp = new SpreadsheetAppImpl(ctr, env, uiImpl);
  const active = ssApp._create(options.spreadsheetName ?? 'Untitled spreadsheet');
  env.active = active;
  if (sharing) applySharing(active, sharing);
  /** Documents where the add-on has been used (add-on mode): their onOpen gets LIMITED instead of NONE. */
  const enabledIn = new Set<string>();
  const ledger = new RuntimeLedger(options.runtime ?? {}, () => env.timeZone);
  const jitter = options.clockJitterMinutes;
  /** Services an execution in AuthMode.NONE may call: the menu only (Google: no authorized service, no document). */
  const NONE_ALLOWED = /^(SpreadsheetApp\.getUi|Ui\.|Menu\.|Logger\.)/;
  const locks = new LockControl(env);
  const triggers = new TriggerRegistry(env);
  const triggerRuns: TriggerRun[] = [];
  const outbox: MailRecord[] = [];
  const htmlFiles = new Map<string, string>();
  const logger = new LoggerImpl(ctr);
  const httpRequests: HttpRecord[] = [];
  const urlFetch = new UrlFetchAppImpl(ctr, httpRequests);
  const pending: (() => void)[] = [];
  const rowOf = new WeakMap<FormResponseImpl, { sheet: SheetImpl; row: number }>();
  let handlerTable: Record<string, (e?: unknown) => unknown> = {};
  let handlerHost: object = globalThis;

  const lookup = (name: string): ((e?: unknown) => unknown) => {
    const fn = handlerTable[name] ?? (handlerHost as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn as (e?: unknown) => unknown;
  };

  /** One Apps Script execution: fresh locks, running as `user`, restoring the caller's state afterwards. */
  const execute = (
    name: string,
    event: unknown,
    user: string,
    record?: Omit<TriggerRun, 'at' | 'user' | 'handler'>,
    simpleTrigger = false,
    context: { document?: SpreadsheetImpl | null; authNone?: boolean; triggerDocId?: string | null } = {},
  ): unknown => {
    const saved = { a: env.activeUser, e: env.effectiveUser, doc: env.active, guard: ctr.guard, triggerDoc: env.triggerDocId };
    const run: TriggerRun | undefined = record ? { ...record, handler: name, at: env.now(), user } : undefined;
    if (run) triggerRuns.push(run);
    // The daily trigger runtime quota: a trigger whose owner has used it up does not start (never rethrown).
    if (run && ledger.exhausted(user, run.at)) {
      run.error = new Error(TRIGGER_RUNTIME_EXCEEDED);
      return undefined;
    }
    const counted = run !== undefined || simpleTrigger;
    locks._begin();
    ledger.begin(ctr.total());
    env.activeUser = simpleTrigger ? visibleInSimpleTrigger(user) : user;
    env.effectiveUser = user;
    if (context.document !== undefined) env.active = context.document ?? undefined;
    env.triggerDocId = context.triggerDocId ?? null;
    if (context.authNone) {
      ctr.guard = (key) => {
        if (!NONE_ALLOWED.test(key)) throw new Error(`You do not have permission to call ${key}`);
      };
    }
    try {
      return lookup(name)(event);
    } catch (err) {
      if (run) run.error = err;
      if (!run || throwTriggerErrors) throw err;
      return undefined;
    } finally {
      ctr.guard = saved.guard;
      const ms = ledger.end(ctr.total(), run?.at ?? env.now(), counted ? user : undefined);
      if (run && options.runtime) run.durationMs = ms;
      locks._end();
      env.activeUser = saved.a;
      env.effectiveUser = saved.e;
      env.active = saved.doc;
      env.triggerDocId = saved.triggerDoc;
    }
  };

  const visibleInSimpleTrigger = (user: string): string => visibleUser(env, user);

  /**
   * Installable triggers run as their owner with AuthMode.FULL (FULL wins over the edit event's LIMITED only in
   * add-on/sharing mode, to keep the old default). Add-on mode: a clock trigger has no active spreadsheet, a
   * spreadsheet trigger has its own spreadsheet as the active one.
   */
  const fireTrigger = (t: TriggerImpl, event: Record<string, unknown>): void => {
    const e = installableFull ? { triggerUid: t._uid, ...event, authMode: 'FULL' } : { authMode: 'FULL', triggerUid: t._uid, ...event };
    let document: SpreadsheetImpl | null | undefined;
    if (env.addon) document = t._source === 'CLOCK' ? null : t._source === 'SPREADSHEETS' ? (env.spreadsheets.get(t._sourceId ?? '') ?? null) : undefined;
    execute(t._handler, e, t._owner, { uid: t._uid, eventType: t._eventType }, false, { document, triggerDocId: t._docId });
  };

  const fireSubmit = (form: FormImpl, r: FormResponseImpl): void => {
    for (const t of [...triggers.all]) {
      if (t._eventType === 'ON_FORM_SUBMIT' && t._source === 'FORMS' && t._sourceId === form._id) {
        fireTrigger(t, { source: expose(form), response: expose(r) });
      }
    }
    const row = rowOf.get(r);
    if (!row) return;
    const ssId = row.sheet._ss._id;
    const sheetTriggers = triggers.all.filter((t) => t._eventType === 'ON_FORM_SUBMIT' && t._source === 'SPREADSHEETS' && t._sourceId === ssId);
    if (sheetTriggers.length === 0) return;
    // One event for the submission, read once: every trigger sees the row as the form wrote it.
    const event = sheetSubmitEvent(r);
    for (const t of sheetTriggers) fireTrigger(t, event ?? {});
  };

  /** The spreadsheet form-submit event of a response written to its destination sheet (null when it has none). */
  const sheetSubmitEvent = (r: FormResponseImpl): Record<string, unknown> | null => {
    const row = rowOf.get(r);
    return row ? sheetSubmitEventAt(ctr, row) : null;
  };

  const host: FormHost = {
    spreadsheet: (id) => env.spreadsheets.get(id),
    onSubmitted: (form, r, row, mode: TriggerMode) => {
      if (row) rowOf.set(r, row);
      if (mode === 'now') fireSubmit(form, r);
      else if (mode === 'queue') pending.push(() => fireSubmit(form, r));
    },
  };
  const formApp = new FormAppImpl(ctr, env, host);
  const driveStore = new DriveStore(env);
  driveStore.scope = options.driveScope ?? 'drive.file';

  const services = {
    SpreadsheetApp: expose<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(ssApp),
    FormApp: expose<GoogleAppsScript.Forms.FormApp>(formApp),
    Session: expose<GoogleAppsScript.Base.Session>(new SessionImpl(ctr, env)),
    PropertiesService: expose<GoogleAppsScript.Properties.PropertiesService>(new PropertiesServiceImpl(ctr, env)),
    LockService: expose<GoogleAppsScript.Lock.LockService>(new LockServiceImpl(ctr, locks, env)),
    ScriptApp: expose<GoogleAppsScript.Script.ScriptApp>(new ScriptAppImpl(ctr, env, triggers)),
    HtmlService: expose<GoogleAppsScript.HTML.HtmlService>(new HtmlServiceImpl(ctr, htmlFiles)),
    Utilities: expose<GoogleAppsScript.Utilities.Utilities>(new UtilitiesImpl(ctr, env)),
    MailApp: expose<GoogleAppsScript.Mail.MailApp>(new MailAppImpl(ctr, outbox, options.mailQuota ?? 100)),
    Logger: expose<GoogleAppsScript.Base.Logger>(logger),
    UrlFetchApp: expose<GoogleAppsScript.URL_Fetch.UrlFetchApp>(urlFetch),
    DriveApp: expose<GoogleAppsScript.Drive.DriveApp>(new DriveAppImpl(ctr, driveStore)),
    SlidesApp: expose<GoogleAppsScript.Slides.SlidesApp>(new SlidesAppImpl(ctr, driveStore)),
    Slides: expose<GoogleAppsScript.Slides>(new SlidesAdvancedImpl(ctr, driveStore)),
    Charts: expose<GoogleAppsScript.Charts.Charts>(new ChartsImpl(ctr)),
  };
  const drive = createDriveControl(driveStore);
  void FOLDER_MIME;

  const activeDoc = (): SpreadsheetImpl => {
    if (!env.active) throw new Error('emulator: no active document');
    return env.active;
  };
  /** AuthMode of a simple trigger in the active document: add-on NONE until used there, else LIMITED. */
  const simpleAuthMode = (doc: SpreadsheetImpl): 'NONE' | 'LIMITED' => (env.addon && !enabledIn.has(doc._id) ? 'NONE' : 'LIMITED');
  const sheetNamed = (name: string): SheetImpl => {
    const s = activeDoc()._sheetByName(name);
    if (!s) throw new Error(`emulator: no sheet named "${name}"`);
    return s;
  };

  const emulator: Emulator = {
    ...services,
    drive,
    spreadsheet: expose<GoogleAppsScript.Spreadsheet.Spreadsheet>(active),
    calls: ctr,
    ui,
    locks,
    triggers,
    triggerRuns,
    mail: outbox,
    logs: logger._lines,
    httpRequests,
    setUrlHandler: (handler) => void (urlFetch._handler = handler),

    setUser(email) {
      env.activeUser = email;
      env.effectiveUser = email;
    },
    user: () => env.effectiveUser,
    setNow: (d) => env.setNow(d),
    now: () => env.now(),
    addCollaborator: (email) => void env.collaborators.add(email),
    endExecution: () => locks.releaseAll(),
    setHandlers(table) {
      handlerTable = { ...handlerTable, ...table };
    },
    installGlobals(target = globalThis) {
      Object.assign(target, services);
      handlerHost = target;
    },
    run: (name, event, user) => {
      // Using the add-on (a menu item, a dialog callback) in a document enables it there.
      if (env.addon && env.active) enabledIn.add(env.active._id);
      return execute(name, event, user ?? env.effectiveUser);
    },

    submitForm(form, answers, at, opts = {}) {
      const f = formImplOf(form);
      const r = submitAnswers(f, answers, opts.skipChecks ?? false);
      f._record(r, at ?? env.now(), { fireTriggers: opts.fireTriggers === false ? 'none' : 'now', email: opts.email });
      return expose<GoogleAppsScript.Forms.FormResponse>(r);
    },
    submitEvent(response) {
      const r = responseImplOf(response);
      return { authMode: 'FULL', ...(sheetSubmitEvent(r) ?? {}) } as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit;
    },
    fireFormSubmit(form, response) {
      const r = responseImplOf(response);
      fireSubmit(formImplOf(form), r);
    },
    runPendingTriggers() {
      while (pending.length) pending.shift()!();
    },
    runTimeTriggers: (upTo, opts = {}) => runClockTriggers(env, triggers, upTo, opts, jitter, fireTrigger),
    editCell(sheetName, a1, value, opts = {}) {
      const doc = activeDoc();
      const sheet = sheetNamed(sheetName);
      const range = sheet.getRange(a1);
      const oldValue = range.getValue();
      const editor = opts.anonymous ? '' : env.effectiveUser;
      setValueAs(env, range, value, editor);
      const event = {
        authMode: simpleAuthMode(doc),
        range: expose(range),
        source: expose(doc),
        // The event's user follows the same rule as Session.getActiveUser() in a simple trigger.
        user: expose(new UserImpl(ctr, visibleInSimpleTrigger(editor))),
        value: typeof value === 'boolean' ? String(value).toUpperCase() : String(value),
        oldValue: oldValue === '' ? undefined : String(oldValue),
      };
      // Simple triggers do not run for anonymous editors (tanaike's measurements, community report).
      const simple = handlerTable.onEdit ?? (handlerHost as Record<string, unknown>).onEdit;
      if (typeof simple === 'function' && !opts.anonymous) {
        execute('onEdit', event, editor, undefined, true, { authNone: event.authMode === 'NONE' });
      }
      for (const t of [...triggers.all]) {
        if (t._eventType !== 'ON_EDIT' || t._sourceId !== doc._id) continue;
        // For an anonymous editor the installable event reports the trigger's owner as e.user (same report).
        fireTrigger(t, opts.anonymous ? { ...event, user: expose(new UserImpl(ctr, t._owner)) } : event);
      }
    },

    createSpreadsheet(name, opts = {}) {
      const ss = ssApp._create(name);
      if (opts.owner !== undefined) ss._owner = opts.owner;
      return expose<GoogleAppsScript.Spreadsheet.Spreadsheet>(ss);
    },
    openDocument(ss) {
      env.active = spreadsheetImplOf(ss);
    },
    withActiveSpreadsheet(ss, fn) {
      const saved = env.active;
      env.active = spreadsheetImplOf(ss);
      try {
        return fn();
      } finally {
        env.active = saved;
      }
    },
    activeDocument: () => (env.active ? expose<GoogleAppsScript.Spreadsheet.Spreadsheet>(env.active) : null),
    openInEditor(user, opts = {}) {
      const doc = activeDoc();
      const who = opts.anonymous ? '' : (user ?? env.effectiveUser);
      if (env.enforceSharing && !doc._canView(who)) throw new Error(errors.NO_ACCESS_DOCUMENT);
      const authMode = simpleAuthMode(doc);
      const event = { authMode, source: expose(doc), user: expose(new UserImpl(ctr, visibleInSimpleTrigger(who))) };
      const simple = handlerTable.onOpen ?? (handlerHost as Record<string, unknown>).onOpen;
      if (typeof simple === 'function' && !opts.anonymous) execute('onOpen', event, who, undefined, true, { authNone: authMode === 'NONE' });
      // Installable triggers do not run when the file is opened read-only (Google documents it).
      if (env.enforceSharing && !doc._canEdit(who)) return;
      for (const t of [...triggers.all]) {
        if (t._eventType === 'ON_OPEN' && t._source === 'SPREADSHEETS' && t._sourceId === doc._id) fireTrigger(t, { source: expose(doc) });
      }
    },
    installAddon(user) {
      const doc = activeDoc();
      const who = user ?? env.effectiveUser;
      enabledIn.add(doc._id);
      execute('onInstall', { authMode: 'FULL', source: expose(doc) }, who, undefined, true);
    },
    addonEnabled: (ss) => enabledIn.has(ss ? spreadsheetImplOf(ss)._id : activeDoc()._id),
    triggerRuntime: (owner, day) => ledger.usedMs(owner, day ?? env.now()),

    describeForm: (form) => describeForm(formImplOf(form)),
    invalidCells: (sheetName) => invalidCellsOf(sheetNamed(sheetName)),
    images: (sheetName) =>
      sheetNamed(sheetName)._images.map((i) => ({
        a1: `${columnToLetters(i.col)}${i.row}`,
        bytes: i.blob._bytes,
        contentType: i.blob._contentType,
        name: i.blob._name,
      })),
    addHtmlFile: (name, html) => void htmlFiles.set(name, html),
    flushCount: () => ssApp._flushes,
  };
  return emulator;
}

export type { SpreadsheetImpl };
