// ScriptApp: installable triggers (form, spreadsheet, clock) with builders, enums and the trigger registry.
import { CallCounter, Emulated } from '../core/calls';
import { implOfProxy } from '../core/calls';
import type { Env } from '../core/env';
import { ADDON_CLOCK_HOURLY, ADDON_FORM_TRIGGER, ADDON_PROJECT_TRIGGERS, ADDON_OTHER_FILE, addonOneTriggerPerType, TOO_MANY_TRIGGERS } from '../core/errors';

export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' });
export type TriggerSourceName = keyof typeof TriggerSource;
export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });
export const WeekDay = Object.freeze({
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
});

const MAX_TRIGGERS_PER_USER = 20;

export class TriggerImpl extends Emulated {
  static kind = 'Trigger';
  /** Clock triggers: next run (ms since epoch); undefined once a one-time trigger has run. */
  _nextRun: number | undefined;
  _everyMs: number | undefined;
  /** Made with after(ms): Google documents it never runs earlier than asked, so clock jitter only delays it. */
  _notEarly = false;
  /** Early/late shift (ms) drawn for the occurrence at _nextRun, so one occurrence fires once at one time. */
  _shiftMs: number | undefined;
  /** The document active when the trigger was made: an add-on's triggers belong to that document. */
  _docId: string | null = null;
  constructor(
    ctr: CallCounter,
    readonly _uid: string,
    readonly _handler: string,
    readonly _eventType: EventTypeName,
    readonly _source: TriggerSourceName,
    readonly _sourceId: string | null,
    readonly _owner: string,
  ) {
    super(ctr);
  }
  getHandlerFunction(): string {
    return this._handler;
  }
  getEventType(): EventTypeName {
    return this._eventType;
  }
  getTriggerSource(): TriggerSourceName {
    return this._source;
  }
  getTriggerSourceId(): string | null {
    return this._sourceId;
  }
  getUniqueId(): string {
    return this._uid;
  }
}

/** Installed triggers of the project, across users (getProjectTriggers shows only the caller's). */
export class TriggerRegistry {
  readonly all: TriggerImpl[] = [];
  constructor(private readonly env: Env) {}
  _add(t: TriggerImpl): TriggerImpl {
    if (this.all.filter((x) => x._owner === t._owner).length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    this.all.push(t);
    return t;
  }
  _remove(t: TriggerImpl): void {
    const i = this.all.indexOf(t);
    if (i >= 0) this.all.splice(i, 1);
  }
  /** Plain description of every trigger, for assertions. */
  list(): { uid: string; handler: string; eventType: string; source: string; sourceId: string | null; owner: string; nextRun?: Date }[] {
    return this.all.map((t) => ({
      uid: t._uid,
      handler: t._handler,
      eventType: t._eventType,
      source: t._source,
      sourceId: t._sourceId,
      owner: t._owner,
      ...(t._nextRun !== undefined ? { nextRun: new Date(t._nextRun) } : {}),
    }));
  }
  _newUid(): string {
    return String(this.env.intId(9_000_000_000_000_000) + 1_000_000_000_000_000);
  }
}

function sourceIdOf(key: unknown): string {
  if (typeof key === 'string') return key;
  const withId = (implOfProxy(key) ?? key) as { getId?: () => string };
  if (withId && typeof withId.getId === 'function') return withId.getId();
  throw new Error('Invalid argument: key');
}

class BuilderBase extends Emulated {
  constructor(
    ctr: CallCounter,
    protected readonly _reg: TriggerRegistry,
    protected readonly _env: Env,
    protected readonly _handler: string,
  ) {
    super(ctr);
  }
  protected _make(eventType: EventTypeName, source: TriggerSourceName, sourceId: string | null): TriggerImpl {
    const t = new TriggerImpl(this._ctr, this._reg._newUid(), this._handler, eventType, source, sourceId, this._env.effectiveUser);
    // *emulator's reading* (undocumented): a clock trigger execution of an add-on, which has no active document,
    // creates triggers for the document of the trigger that is running (as its own re-arming needs).
    t._docId = this._env.active?._id ?? this._env.triggerDocId;
    return t;
  }
  /** Add-on mode: one trigger of each event type per user per document (Google's documented restriction). */
  protected _addonOnePerType(t: TriggerImpl): void {
    if (!this._env.addon) return;
    const dup = this._reg.all.some((x) => x._owner === t._owner && x._docId === t._docId && x._eventType === t._eventType);
    if (dup) throw new Error(addonOneTriggerPerType(t._eventType));
  }
}

export class TriggerBuilderImpl extends BuilderBase {
  static kind = 'TriggerBuilder';
  forForm(key: unknown): FormTriggerBuilderImpl {
    return new FormTriggerBuilderImpl(this._ctr, this._reg, this._env, this._handler, sourceIdOf(key));
  }
  forSpreadsheet(key: unknown): SpreadsheetTriggerBuilderImpl {
    return new SpreadsheetTriggerBuilderImpl(this._ctr, this._reg, this._env, this._handler, sourceIdOf(key));
  }
  timeBased(): ClockTriggerBuilderImpl {
    return new ClockTriggerBuilderImpl(this._ctr, this._reg, this._env, this._handler);
  }
}

/** Triggers bound to one file (a form or a spreadsheet): the last on…() call picks the event. */
abstract class FileTriggerBuilder extends BuilderBase {
  private event: EventTypeName | undefined;
  protected abstract readonly _source: TriggerSourceName;
  constructor(
    ctr: CallCounter,
    reg: TriggerRegistry,
    env: Env,
    handler: string,
    private readonly _fileId: string,
  ) {
    super(ctr, reg, env, handler);
  }
  protected _on(event: EventTypeName): this {
    this.event = event;
    return this;
  }
  create(): TriggerImpl {
    if (!this.event) throw new Error('Trigger event type is not set.');
    if (this._env.addon) {
      if (this._source === 'FORMS') throw new Error(ADDON_FORM_TRIGGER);
      if (this._fileId !== this._env.active?._id) throw new Error(ADDON_OTHER_FILE);
    }
    const t = this._make(this.event, this._source, this._fileId);
    this._addonOnePerType(t);
    return this._reg._add(t);
  }
}

export class FormTriggerBuilderImpl extends FileTriggerBuilder {
  static kind = 'FormTriggerBuilder';
  protected readonly _source = 'FORMS';
  onFormSubmit(): this {
    return this._on('ON_FORM_SUBMIT');
  }
  onOpen(): this {
    return this._on('ON_OPEN');
  }
}

export class SpreadsheetTriggerBuilderImpl extends FileTriggerBuilder {
  static kind = 'SpreadsheetTriggerBuilder';
  protected readonly _source = 'SPREADSHEETS';
  onOpen(): this {
    return this._on('ON_OPEN');
  }
  onEdit(): this {
    return this._on('ON_EDIT');
  }
  onChange(): this {
    return this._on('ON_CHANGE');
  }
  onFormSubmit(): this {
    return this._on('ON_FORM_SUBMIT');
  }
}

const MINUTES_ALLOWED = [1, 5, 10, 15, 30];
const HOURS_ALLOWED = [1, 2, 4, 6, 8, 12];

export class ClockTriggerBuilderImpl extends BuilderBase {
  static kind = 'ClockTriggerBuilder';
  private first: number | undefined;
  private every: number | undefined;
  private hour: number | undefined;
  private minute: number | undefined;
  private afterMs = false;
  at(date: Date): this {
    this.first = date.getTime();
    this.every = undefined;
    return this;
  }
  after(ms: number): this {
    this.first = this._env.now().getTime() + ms;
    this.afterMs = true;
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.first = Date.UTC(year, month - 1, day);
    return this;
  }
  everyMinutes(n: number): this {
    if (!MINUTES_ALLOWED.includes(n)) throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.every = n * 60000;
    return this;
  }
  everyHours(n: number): this {
    if (!HOURS_ALLOWED.includes(n)) throw new Error('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.every = n * 3600000;
    return this;
  }
  everyDays(n: number): this {
    this.every = n * 86400000;
    return this;
  }
  everyWeeks(n: number): this {
    this.every = n * 7 * 86400000;
    return this;
  }
  atHour(h: number): this {
    this.hour = h;
    return this;
  }
  nearMinute(m: number): this {
    this.minute = m;
    return this;
  }
  onWeekDay(): this {
    return this;
  }
  onMonthDay(): this {
    return this;
  }
  inTimezone(): this {
    return this;
  }
  create(): TriggerImpl {
    const now = this._env.now().getTime();
    if (this.first === undefined && this.every === undefined) throw new Error('Clock triggers need a schedule (at, after or every…).');
    // Add-ons: "time-driven triggers may run at most once per hour"; one-time at()/after() triggers are fine.
    if (this._env.addon && this.every !== undefined && this.every < 3600000) throw new Error(ADDON_CLOCK_HOURLY);
    const t = this._make('CLOCK', 'CLOCK', null);
    this._addonOnePerType(t);
    t._everyMs = this.every;
    t._notEarly = this.afterMs;
    let next = this.first ?? now + (this.every ?? 0);
    if (this.first === undefined && this.every !== undefined && this.every >= 86400000 && this.hour !== undefined) {
      const d = new Date(now);
      d.setUTCHours(this.hour, this.minute ?? 0, 0, 0); // approximate: hour in UTC
      next = d.getTime() <= now ? d.getTime() + 86400000 : d.getTime();
    }
    t._nextRun = next;
    return this._reg._add(t);
  }
}

export class ServiceImpl extends Emulated {
  static kind = 'Service';
  constructor(
    ctr: CallCounter,
    private readonly _scriptId: string,
  ) {
    super(ctr);
  }
  getUrl(): string {
    return `https://script.google.com/macros/s/${this._scriptId}/exec`;
  }
  isEnabled(): boolean {
    return false;
  }
}

export class ScriptAppImpl extends Emulated {
  static kind = 'ScriptApp';
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });
  readonly InstallationSource = Object.freeze({
    APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
    NONE: 'NONE',
    WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
  });
  private readonly scriptId: string;
  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
    private readonly _reg: TriggerRegistry,
  ) {
    super(ctr);
    this.scriptId = _env.fileId(57);
  }
  newTrigger(functionName: string): TriggerBuilderImpl {
    return new TriggerBuilderImpl(this._ctr, this._reg, this._env, String(functionName));
  }
  /** Only the current user's triggers, as in Google. */
  getProjectTriggers(): TriggerImpl[] {
    if (this._env.addon && this._env.refuseProjectWide) throw new Error(ADDON_PROJECT_TRIGGERS);
    return this._ownTriggers();
  }
  private _ownTriggers(): TriggerImpl[] {
    return this._reg.all.filter((t) => t._owner === this._env.effectiveUser);
  }
  /** The user's triggers on that file; for an add-on also its clock triggers made in that document. */
  getUserTriggers(source: unknown): TriggerImpl[] {
    const id = sourceIdOf(source);
    return this._ownTriggers().filter((t) => t._sourceId === id || (this._env.addon && t._docId === id));
  }
  deleteTrigger(trigger: TriggerImpl): void {
    if (!(trigger instanceof TriggerImpl)) throw new Error('Invalid argument: trigger');
    this._reg._remove(trigger);
  }
  getScriptId(): string {
    return this.scriptId;
  }
  getService(): ServiceImpl {
    return new ServiceImpl(this._ctr, this.scriptId);
  }
  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }
  getInstallationSource(): string {
    return 'NONE';
  }
}
