// The object createEmulator returns: the services, the records tests read, and what people and time do to the world.
import type { Emulator } from './api';
import { expose } from './calls';
import { columnToLetters } from '../spreadsheet/a1';
import { runClockTriggers } from '../script/clockTriggers';
import { DataValidationImpl } from '../spreadsheet/dataValidation';
import type { DriveStore } from '../drive/driveApp';
import { createDriveControl } from './driveControl';
import { editCell, installAddon, openInEditor } from './editorEvents';
import type { Executions } from './execution';
import { describeForm, submitAnswers } from '../forms/submit';
import type { Services } from './services';
import { keyCol, keyRow, type SheetImpl } from '../spreadsheet/sheet';
import { fireSubmit, sheetSubmitEvent } from '../script/submitTriggers';
import { formImplOf, responseImplOf, spreadsheetImplOf } from './unwrap';
import { activeDoc, sheetNamed, type World } from './world';

export function createControl(world: World, exec: Executions, services: Services, driveStore: DriveStore): Emulator {
  return {
    ...services,
    ...records(world, driveStore),
    ...sessionControls(world, exec, services),
    ...formAndClockControls(world, exec),
    editCell: (sheetName, a1, value, opts = {}) => editCell(world, exec, sheetName, a1, value, opts),
    ...documentControls(world, exec),
    ...inspection(world),
  };
}

/** What the tests read: Drive, the bound spreadsheet, call counts, UI, locks, triggers, mail, logs, HTTP. */
function records(
  world: World,
  driveStore: DriveStore,
): Pick<Emulator, 'drive' | 'spreadsheet' | 'calls' | 'ui' | 'locks' | 'triggers' | 'triggerRuns' | 'mail' | 'logs' | 'httpRequests' | 'setUrlHandler'> {
  return {
    drive: createDriveControl(driveStore),
    spreadsheet: expose<GoogleAppsScript.Spreadsheet.Spreadsheet>(world.bound),
    calls: world.ctr,
    ui: world.ui,
    locks: world.locks,
    triggers: world.triggers,
    triggerRuns: world.triggerRuns,
    mail: world.outbox,
    logs: world.logger._lines,
    httpRequests: world.httpRequests,
    setUrlHandler: (handler) => void (world.urlFetch._handler = handler),
  };
}

/** Who runs, when, and the script's functions: users, clock, collaborators, handlers, globals, run(). */
function sessionControls(
  world: World,
  exec: Executions,
  services: Services,
): Pick<Emulator, 'setUser' | 'user' | 'setNow' | 'now' | 'addCollaborator' | 'endExecution' | 'setHandlers' | 'installGlobals' | 'run'> {
  const { env } = world;
  return {
    setUser(email) {
      env.activeUser = email;
      env.effectiveUser = email;
    },
    user: () => env.effectiveUser,
    setNow: (d) => env.setNow(d),
    now: () => env.now(),
    addCollaborator: (email) => void env.collaborators.add(email),
    endExecution: () => world.locks.releaseAll(),
    setHandlers: (table) => exec.setHandlers(table),
    installGlobals(target = globalThis) {
      Object.assign(target, services);
      exec.setHost(target);
    },
    run: (name, event, user) => {
      // Using the add-on (a menu item, a dialog callback) in a document enables it there.
      if (env.addon && env.active) world.enabledIn.add(env.active._id);
      return exec.execute(name, event, user ?? env.effectiveUser);
    },
  };
}

/** Respondents submitting forms, the triggers that follow, and clock triggers coming due. */
function formAndClockControls(
  world: World,
  exec: Executions,
): Pick<Emulator, 'submitForm' | 'submitEvent' | 'fireFormSubmit' | 'runPendingTriggers' | 'runTimeTriggers'> {
  const { env } = world;
  return {
    submitForm(form, answers, at, opts = {}) {
      const f = formImplOf(form);
      const r = submitAnswers(f, answers, opts.skipChecks ?? false);
      f._record(r, at ?? env.now(), { fireTriggers: opts.fireTriggers === false ? 'none' : 'now', email: opts.email });
      return expose<GoogleAppsScript.Forms.FormResponse>(r);
    },
    submitEvent(response) {
      const r = responseImplOf(response);
      return { authMode: 'FULL', ...(sheetSubmitEvent(world, r) ?? {}) } as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit;
    },
    fireFormSubmit(form, response) {
      const r = responseImplOf(response);
      fireSubmit(world, exec, formImplOf(form), r);
    },
    runPendingTriggers() {
      while (world.pending.length) world.pending.shift()!();
    },
    runTimeTriggers: (upTo, opts = {}) => runClockTriggers(env, world.triggers, upTo, opts, world.options.clockJitterMinutes, (t, e) => exec.fireTrigger(t, e)),
  };
}

/** Documents: more spreadsheets, which one is active, people opening it, the add-on's state and trigger runtime. */
function documentControls(
  world: World,
  exec: Executions,
): Pick<
  Emulator,
  'createSpreadsheet' | 'openDocument' | 'withActiveSpreadsheet' | 'activeDocument' | 'openInEditor' | 'installAddon' | 'addonEnabled' | 'triggerRuntime'
> {
  const { env } = world;
  return {
    createSpreadsheet(name, opts = {}) {
      const ss = world.ssApp._create(name);
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
    openInEditor: (user, opts = {}) => openInEditor(world, exec, user, opts),
    installAddon: (user) => installAddon(world, exec, user),
    addonEnabled: (ss) => world.enabledIn.has(ss ? spreadsheetImplOf(ss)._id : activeDoc(world)._id),
    triggerRuntime: (owner, day) => world.ledger.usedMs(owner, day ?? env.now()),
  };
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

/** Looking inside, uncounted (forms, invalid cells, images, flushes), and the project's HTML files. */
function inspection(world: World): Pick<Emulator, 'describeForm' | 'invalidCells' | 'images' | 'addHtmlFile' | 'flushCount'> {
  return {
    describeForm: (form) => describeForm(formImplOf(form)),
    invalidCells: (sheetName) => invalidCellsOf(sheetNamed(world, sheetName)),
    images: (sheetName) =>
      sheetNamed(world, sheetName)._images.map((i) => ({
        a1: `${columnToLetters(i.col)}${i.row}`,
        bytes: i.blob._bytes,
        contentType: i.blob._contentType,
        name: i.blob._name,
      })),
    addHtmlFile: (name, html) => void world.htmlFiles.set(name, html),
    flushCount: () => world.ssApp._flushes,
  };
}
