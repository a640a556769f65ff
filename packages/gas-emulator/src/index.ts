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
import { LoggerImpl } from './logger';
import { FormAppImpl } from './forms/formApp';
import { FormHost, FormImpl, TriggerMode } from './forms/form';
import { FormResponseImpl } from './forms/response';
import { DataValidationImpl } from './dataValidation';
import { keyCol, keyRow } from './sheet';
import { columnToLetters } from './a1';
import { describeForm, FormDescription, submitAnswers } from './forms/submit';

export { CallCounter } from './calls';
export type { MenuRecord, DialogRecord, ToastRecord, MenuEntry } from './ui';
export { UiRecorder } from './ui';
export type { MailRecord } from './mail';
export { LockControl } from './lock';
export { TriggerRegistry } from './script';
export type { FormDescription } from './forms/submit';
export { UNEVALUATED_FORMULA_VALUE, FORMULA_PARSE_ERROR_VALUE } from './values';
export * as errors from './errors';

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
}

export interface TriggerRun {
  uid: string;
  handler: string;
  eventType: string;
  at: Date;
  user: string;
  error?: unknown;
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
  Logger: GoogleAppsScript.Base.Logger;
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
  /** Runs triggers queued by FormResponse.submit() from scripts. */
  runPendingTriggers(): void;
  /** Runs due clock triggers in time order up to `upTo`, moving the clock; returns how many ran. */
  runTimeTriggers(upTo: Date): number;
  /** A person edits a cell in the UI: protection applies, then simple onEdit and installed onEdit triggers run. */
  editCell(sheetName: string, a1: string, value: unknown): void;

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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
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
  const ctr = env.ctr;
  const ui = new UiRecorder();
  env.ui = ui;
  const throwTriggerErrors = options.throwTriggerErrors ?? true;

  const uiImpl = new UiImpl(ctr, ui, options.addonName ?? 'Add-on');
  const ssApp = new SpreadsheetAppImpl(ctr, env, uiImpl);
  const active = ssApp._create(options.spreadsheetName ?? 'Untitled spreadsheet');
  env.active = active;
  const locks = new LockControl(env);
  const triggers = new TriggerRegistry(env);
  const triggerRuns: TriggerRun[] = [];
  const outbox: MailRecord[] = [];
  const htmlFiles = new Map<string, string>();
  const logger = new LoggerImpl(ctr);
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
  ): unknown => {
    const saved = { a: env.activeUser, e: env.effectiveUser };
    locks._begin();
    env.activeUser = simpleTrigger ? visibleInSimpleTrigger(user) : user;
    env.effectiveUser = user;
    const run: TriggerRun | undefined = record ? { ...record, handler: name, at: env.now(), user } : undefined;
    if (run) triggerRuns.push(run);
    try {
      return lookup(name)(event);
    } catch (err) {
      if (run) run.error = err;
      if (!run || throwTriggerErrors) throw err;
      return undefined;
    } finally {
      locks._end();
      env.activeUser = saved.a;
      env.effectiveUser = saved.e;
    }
  };

  /**
   * Google hides the active user's email ("") where a script runs without that user's authorization,
   * such as a simple onEdit/onOpen, unless the user is the developer (here: the owner) or belongs to
   * the same Google Workspace domain. Consumer accounts (gmail.com) never share a Workspace domain.
   */
  const visibleInSimpleTrigger = (user: string): string => {
    if (user === env.owner) return user;
    const domain = (e: string): string => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
    const consumer = /^(gmail|googlemail)\.com$/;
    return domain(user) === domain(env.owner) && !consumer.test(domain(user)) ? user : '';
  };

  const fireTrigger = (t: TriggerImpl, event: Record<string, unknown>): void => {
    execute(t._handler, { authMode: 'FULL', triggerUid: t._uid, ...event }, t._owner, { uid: t._uid, eventType: t._eventType });
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
    const lastCol = Math.max(1, row.sheet._lastColumn());
    const range = new RangeImpl(ctr, row.sheet, { row: row.row, col: 1, numRows: 1, numCols: lastCol });
    const values = range.getDisplayValues()[0];
    const headers = new RangeImpl(ctr, row.sheet, { row: 1, col: 1, numRows: 1, numCols: lastCol }).getValues()[0];
    const namedValues: Record<string, string[]> = {};
    headers.forEach((h, i) => (namedValues[String(h)] = [values[i]]));
    for (const t of sheetTriggers) fireTrigger(t, { source: expose(row.sheet._ss), range: expose(range), values, namedValues });
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

  const services = {
    SpreadsheetApp: expose<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(ssApp),
    FormApp: expose<GoogleAppsScript.Forms.FormApp>(formApp),
    Session: expose<GoogleAppsScript.Base.Session>(new SessionImpl(ctr, env)),
    PropertiesService: expose<GoogleAppsScript.Properties.PropertiesService>(new PropertiesServiceImpl(ctr, env)),
    LockService: expose<GoogleAppsScript.Lock.LockService>(new LockServiceImpl(ctr, locks)),
    ScriptApp: expose<GoogleAppsScript.Script.ScriptApp>(new ScriptAppImpl(ctr, env, triggers)),
    HtmlService: expose<GoogleAppsScript.HTML.HtmlService>(new HtmlServiceImpl(ctr, htmlFiles)),
    Utilities: expose<GoogleAppsScript.Utilities.Utilities>(new UtilitiesImpl(ctr, env)),
    MailApp: expose<GoogleAppsScript.Mail.MailApp>(new MailAppImpl(ctr, outbox, options.mailQuota ?? 100)),
    Logger: expose<GoogleAppsScript.Base.Logger>(logger),
  };

  const sheetNamed = (name: string): SheetImpl => {
    const s = active._sheetByName(name);
    if (!s) throw new Error(`emulator: no sheet named "${name}"`);
    return s;
  };
  const formImpl = (form: unknown): FormImpl => {
    const f = implOfProxy<FormImpl>(form);
    if (!(f instanceof FormImpl)) throw new Error('emulator: expected a Form from this emulator');
    return f;
  };

  const emulator: Emulator = {
    ...services,
    spreadsheet: expose<GoogleAppsScript.Spreadsheet.Spreadsheet>(active),
    calls: ctr,
    ui,
    locks,
    triggers,
    triggerRuns,
    mail: outbox,
    logs: logger._lines,

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
    run: (name, event, user) => execute(name, event, user ?? env.effectiveUser),

    submitForm(form, answers, at, opts = {}) {
      const f = formImpl(form);
      const r = submitAnswers(f, answers, opts.skipChecks ?? false);
      f._record(r, at ?? env.now(), { fireTriggers: opts.fireTriggers === false ? 'none' : 'now', email: opts.email });
      return expose<GoogleAppsScript.Forms.FormResponse>(r);
    },
    fireFormSubmit(form, response) {
      const r = implOfProxy<FormResponseImpl>(response);
      if (!(r instanceof FormResponseImpl)) throw new Error('emulator: expected a FormResponse from this emulator');
      fireSubmit(formImpl(form), r);
    },
    runPendingTriggers() {
      while (pending.length) pending.shift()!();
    },
    runTimeTriggers(upTo) {
      let ran = 0;
      for (let guard = 0; guard < 100000; guard++) {
        const due = triggers.all
          .filter((t) => t._eventType === 'CLOCK' && t._nextRun !== undefined && t._nextRun <= upTo.getTime())
          .sort((a, b) => a._nextRun! - b._nextRun!)[0];
        if (!due) break;
        const at = new Date(due._nextRun!);
        if (at.getTime() > env.now().getTime()) env.setNow(at);
        due._nextRun = due._everyMs ? due._nextRun! + due._everyMs : undefined;
        fireTrigger(due, {
          year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, 'day-of-month': at.getUTCDate(), hour: at.getUTCHours(),
          minute: at.getUTCMinutes(), second: at.getUTCSeconds(), timezone: 'UTC',
        });
        ran++;
      }
      if (upTo.getTime() > env.now().getTime()) env.setNow(upTo);
      return ran;
    },
    editCell(sheetName, a1, value) {
      const sheet = sheetNamed(sheetName);
      const range = sheet.getRange(a1);
      const oldValue = range.getValue();
      range.setValue(value);
      const event = {
        authMode: 'LIMITED',
        range: expose(range),
        source: expose(active),
        // The event's user follows the same rule as Session.getActiveUser() in a simple trigger.
        user: expose(new UserImpl(ctr, visibleInSimpleTrigger(env.effectiveUser))),
        value: typeof value === 'boolean' ? String(value).toUpperCase() : String(value),
        oldValue: oldValue === '' ? undefined : String(oldValue),
      };
      const simple = handlerTable.onEdit ?? (handlerHost as Record<string, unknown>).onEdit;
      if (typeof simple === 'function') execute('onEdit', event, env.effectiveUser, undefined, true);
      for (const t of [...triggers.all]) {
        if (t._eventType === 'ON_EDIT' && t._sourceId === active._id) fireTrigger(t, event);
      }
    },

    describeForm: (form) => describeForm(formImpl(form)),
    invalidCells(sheetName) {
      const sheet = sheetNamed(sheetName);
      const out: string[] = [];
      for (const [k, rule] of sheet._layers.get('dataValidation') ?? []) {
        const row = keyRow(k);
        const col = keyCol(k);
        if (rule instanceof DataValidationImpl && !rule._accepts(sheet._get(row, col))) out.push(`${columnToLetters(col)}${row}`);
      }
      return out;
    },
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
