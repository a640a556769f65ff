// Executions: running a script function by name as Apps Script does (its user, locks, auth mode, runtime), and firing installed triggers.
import type { TriggerRun } from './api';
import type { CallCounter } from './calls';
import type { Env } from './env';
import { TRIGGER_RUNTIME_EXCEEDED } from './errors';
import type { TriggerImpl } from '../script/scriptApp';
import type { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import type { World } from './world';

/** Services an execution in AuthMode.NONE may call: the menu only (Google: no authorized service, no document). */
const NONE_ALLOWED = /^(SpreadsheetApp\.getUi|Ui\.|Menu\.|Logger\.)/;

type Handler = (e?: unknown) => unknown;

/** Where an execution runs: its document (null: none, as an add-on's clock trigger), AuthMode.NONE, the trigger's document. */
export interface ExecutionContext {
  document?: SpreadsheetImpl | null;
  authNone?: boolean;
  triggerDocId?: string | null;
  /** No editor is open to show a UI in (a clock or form-submit trigger): SpreadsheetApp.getUi() throws. */
  noUi?: boolean;
}

/** The caller's state an execution replaces and gives back when it ends. */
interface CallerState {
  activeUser: string;
  effectiveUser: string;
  doc: SpreadsheetImpl | undefined;
  guard: CallCounter['guard'];
  triggerDoc: string | null;
  noUi: boolean;
}

/**
 * Google hides the active user's email ("") where a script runs without that user's authorization,
 * such as a simple onEdit/onOpen, unless the user is the developer (here: the owner) or belongs to
 * the same Google Workspace domain. Consumer accounts (gmail.com) never share a Workspace domain.
 */
export function visibleUser(env: Env, user: string): string {
  if (user === env.owner) return user;
  const domain = (e: string): string => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
  const consumer = /^(gmail|googlemail)\.com$/;
  return domain(user) === domain(env.owner) && !consumer.test(domain(user)) ? user : '';
}

export class Executions {
  private handlerTable: Record<string, Handler> = {};
  private handlerHost: object = globalThis;
  private readonly throwTriggerErrors: boolean;
  /** Google gives installable triggers FULL; the default keeps the old emulator's LIMITED for edit events. */
  private readonly installableFull: boolean;

  constructor(private readonly world: World) {
    this.throwTriggerErrors = world.options.throwTriggerErrors ?? true;
    this.installableFull = world.env.addon || world.options.sharing !== undefined;
  }

  /** Trigger handlers by function name; looked up before the host. */
  setHandlers(table: Record<string, Handler>): void {
    this.handlerTable = { ...this.handlerTable, ...table };
  }
  /** The object (installGlobals' target) whose functions are looked up after the handler table. */
  setHost(target: object): void {
    this.handlerHost = target;
  }
  /** Whether the script defines `name` (the simple triggers onEdit, onOpen run only when it does). */
  defines(name: string): boolean {
    return typeof this.find(name) === 'function';
  }

  private find(name: string): unknown {
    return this.handlerTable[name] ?? (this.handlerHost as Record<string, unknown>)[name];
  }
  private lookup(name: string): Handler {
    const fn = this.find(name);
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn as Handler;
  }

  /** One Apps Script execution: fresh locks, running as `user`, restoring the caller's state afterwards. */
  execute(
    name: string,
    event: unknown,
    user: string,
    record?: Omit<TriggerRun, 'at' | 'user' | 'handler'>,
    simpleTrigger = false,
    context: ExecutionContext = {},
  ): unknown {
    const { env, ctr, ledger, locks } = this.world;
    const saved = this.callerState();
    const run: TriggerRun | undefined = record ? { ...record, handler: name, at: env.now(), user } : undefined;
    if (run) this.world.triggerRuns.push(run);
    // The daily trigger runtime quota: a trigger whose owner has used it up does not start (never rethrown).
    if (run && ledger.exhausted(user, run.at)) {
      run.error = new Error(TRIGGER_RUNTIME_EXCEEDED);
      return undefined;
    }
    const counted = run !== undefined || simpleTrigger;
    locks._begin();
    ledger.begin(ctr.total());
    this.enter(user, simpleTrigger, context);
    try {
      return this.lookup(name)(event);
    } catch (err) {
      if (run) run.error = err;
      if (!run || this.throwTriggerErrors) throw err;
      return undefined;
    } finally {
      ctr.guard = saved.guard;
      const ms = ledger.end(ctr.total(), run?.at ?? env.now(), counted ? user : undefined);
      if (run && this.world.options.runtime) run.durationMs = ms;
      locks._end();
      this.restore(saved);
    }
  }

  private callerState(): CallerState {
    const { env, ctr } = this.world;
    return { activeUser: env.activeUser, effectiveUser: env.effectiveUser, doc: env.active, guard: ctr.guard, triggerDoc: env.triggerDocId, noUi: env.noUi };
  }

  /** The execution's users, document and trigger document; in AuthMode.NONE a guard refuses all but the menu. */
  private enter(user: string, simpleTrigger: boolean, context: ExecutionContext): void {
    const { env, ctr } = this.world;
    env.activeUser = simpleTrigger ? visibleUser(env, user) : user;
    env.effectiveUser = user;
    if (context.document !== undefined) env.active = context.document ?? undefined;
    env.triggerDocId = context.triggerDocId ?? null;
    env.noUi = context.noUi ?? false;
    if (context.authNone) {
      ctr.guard = (key) => {
        if (!NONE_ALLOWED.test(key)) throw new Error(`You do not have permission to call ${key}`);
      };
    }
  }

  /** Gives the caller back its users, document and trigger document. */
  private restore(saved: CallerState): void {
    const { env } = this.world;
    env.activeUser = saved.activeUser;
    env.effectiveUser = saved.effectiveUser;
    env.active = saved.doc;
    env.triggerDocId = saved.triggerDoc;
    env.noUi = saved.noUi;
  }

  /**
   * Installable triggers run as their owner with AuthMode.FULL (FULL wins over the edit event's LIMITED only in
   * add-on/sharing mode, to keep the old default). Add-on mode: a clock trigger has no active spreadsheet, a
   * spreadsheet trigger has its own spreadsheet as the active one.
   */
  fireTrigger(t: TriggerImpl, event: Record<string, unknown>): void {
    const { env } = this.world;
    const e = this.installableFull ? { triggerUid: t._uid, ...event, authMode: 'FULL' } : { authMode: 'FULL', triggerUid: t._uid, ...event };
    let document: SpreadsheetImpl | null | undefined;
    if (env.addon) document = t._source === 'CLOCK' ? null : t._source === 'SPREADSHEETS' ? (env.spreadsheets.get(t._sourceId ?? '') ?? null) : undefined;
    const noUi = t._eventType === 'CLOCK' || t._eventType === 'ON_FORM_SUBMIT';
    this.execute(t._handler, e, t._owner, { uid: t._uid, eventType: t._eventType }, false, { document, triggerDocId: t._docId, noUi });
  }
}
