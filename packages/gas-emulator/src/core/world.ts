// The state one emulator shares between its executions, its services and the test's control object.
import type { EmulatorOptions, SharingOptions, TriggerRun } from './api';
import type { CallCounter } from './calls';
import { Env } from './env';
import type { FormResponseImpl } from '../forms/response';
import { LockControl } from '../lock/lockService';
import { LoggerImpl } from '../base/logger';
import type { MailRecord } from '../mail/mailApp';
import { RuntimeLedger } from '../script/runtime';
import { TriggerRegistry } from '../script/scriptApp';
import type { SheetImpl } from '../spreadsheet/sheet';
import type { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import { SpreadsheetAppImpl } from '../spreadsheet/spreadsheetApp';
import { UiImpl, UiRecorder } from '../base/ui';
import { HttpRecord, UrlFetchAppImpl } from '../urlFetch/urlFetchApp';

export interface World {
  readonly options: EmulatorOptions;
  readonly env: Env;
  readonly ctr: CallCounter;
  readonly ui: UiRecorder;
  readonly ssApp: SpreadsheetAppImpl;
  /** The bound spreadsheet: the first active document. */
  readonly bound: SpreadsheetImpl;
  /** Documents where the add-on has been used (add-on mode): their onOpen gets LIMITED instead of NONE. */
  readonly enabledIn: Set<string>;
  readonly ledger: RuntimeLedger;
  readonly locks: LockControl;
  readonly triggers: TriggerRegistry;
  readonly triggerRuns: TriggerRun[];
  readonly outbox: MailRecord[];
  readonly htmlFiles: Map<string, string>;
  readonly logger: LoggerImpl;
  readonly httpRequests: HttpRecord[];
  readonly urlFetch: UrlFetchAppImpl;
  /** Trigger runs queued by FormResponse.submit() (strictScriptSubmits: false) for runPendingTriggers(). */
  readonly pending: (() => void)[];
  /** Where each recorded response was written in its destination sheet. */
  readonly rowOf: WeakMap<FormResponseImpl, { sheet: SheetImpl; row: number }>;
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
  env.sharedDrive = options.sharedDrive ?? false;
  env.strictScriptSubmits = options.strictScriptSubmits ?? true;
  return env;
}

function applySharing(doc: SpreadsheetImpl, sharing: SharingOptions): void {
  for (const e of sharing.editors ?? []) doc._editors.add(e);
  for (const e of sharing.commenters ?? []) doc._commenters.add(e);
  for (const e of sharing.viewers ?? []) doc._viewers.add(e);
  doc._anyoneWithLinkCanEdit = sharing.anyoneWithLinkCanEdit ?? false;
}

/** A new world: its env, the bound spreadsheet (shared as the options say) and empty records. */
export function createWorld(options: EmulatorOptions): World {
  const env = createEnv(options);
  const ctr = env.ctr;
  const ui = new UiRecorder();
  env.ui = ui;
  // Made in a fixed order: the seeded ids (the bound spreadsheet's first) and creation serials depend on it.
  const uiImpl = new UiImpl(ctr, ui, options.addonName ?? 'Add-on');
  uiImpl._addonMode = env.addon;
  const ssApp = new SpreadsheetAppImpl(ctr, env, uiImpl);
  const bound = ssApp._create(options.spreadsheetName ?? 'Untitled spreadsheet');
  env.active = bound;
  if (options.sharing) applySharing(bound, options.sharing);
  const ledger = new RuntimeLedger(options.runtime ?? {}, () => env.timeZone);
  const locks = new LockControl(env);
  const triggers = new TriggerRegistry(env);
  const logger = new LoggerImpl(ctr);
  const httpRequests: HttpRecord[] = [];
  const urlFetch = new UrlFetchAppImpl(ctr, httpRequests);
  return {
    options,
    env,
    ctr,
    ui,
    ssApp,
    bound,
    enabledIn: new Set(),
    ledger,
    locks,
    triggers,
    triggerRuns: [],
    outbox: [],
    htmlFiles: new Map(),
    logger,
    httpRequests,
    urlFetch,
    pending: [],
    rowOf: new WeakMap(),
  };
}

/** The document the code runs in; the test's document actions need one. */
export function activeDoc(world: World): SpreadsheetImpl {
  if (!world.env.active) throw new Error('emulator: no active document');
  return world.env.active;
}

/** A sheet of the active document, by name. */
export function sheetNamed(world: World, name: string): SheetImpl {
  const s = activeDoc(world)._sheetByName(name);
  if (!s) throw new Error(`emulator: no sheet named "${name}"`);
  return s;
}
