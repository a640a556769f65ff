// What a person does in the editor (emu.editCell, openInEditor, installAddon): the edit or open, then the simple and installable triggers.
import type { EditOptions } from './api';
import { expose } from './calls';
import type { Env } from './env';
import * as errors from './errors';
import { visibleUser, type Executions } from './execution';
import type { RangeImpl } from '../spreadsheet/range';
import type { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import { UserImpl } from '../base/user';
import { activeDoc, sheetNamed, type World } from './world';

/** AuthMode of a simple trigger in the active document: add-on NONE until used there, else LIMITED. */
function simpleAuthMode(world: World, doc: SpreadsheetImpl): 'NONE' | 'LIMITED' {
  return world.env.addon && !world.enabledIn.has(doc._id) ? 'NONE' : 'LIMITED';
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

/** A person edits a cell of the active document in the UI: sharing and protection apply, then onEdit triggers run. */
export function editCell(world: World, exec: Executions, sheetName: string, a1: string, value: unknown, opts: EditOptions): void {
  const { env, ctr } = world;
  const doc = activeDoc(world);
  const sheet = sheetNamed(world, sheetName);
  const range = sheet.getRange(a1);
  const oldValue = range.getValue();
  const editor = opts.anonymous ? '' : env.effectiveUser;
  setValueAs(env, range, value, editor);
  const event = {
    authMode: simpleAuthMode(world, doc),
    range: expose(range),
    source: expose(doc),
    // The event's user follows the same rule as Session.getActiveUser() in a simple trigger.
    user: expose(new UserImpl(ctr, visibleUser(env, editor))),
    value: typeof value === 'boolean' ? String(value).toUpperCase() : String(value),
    oldValue: oldValue === '' ? undefined : String(oldValue),
  };
  // Simple triggers do not run for anonymous editors (tanaike's measurements, community report).
  if (exec.defines('onEdit') && !opts.anonymous) {
    exec.execute('onEdit', event, editor, undefined, true, { authNone: event.authMode === 'NONE' });
  }
  for (const t of [...world.triggers.all]) {
    if (t._eventType !== 'ON_EDIT' || t._sourceId !== doc._id) continue;
    // For an anonymous editor the installable event reports the trigger's owner as e.user (same report).
    exec.fireTrigger(t, opts.anonymous ? { ...event, user: expose(new UserImpl(ctr, t._owner)) } : event);
  }
}

/** A person opens the active document: simple onOpen(e), then installable onOpen triggers (not for a read-only user). */
export function openInEditor(world: World, exec: Executions, user: string | undefined, opts: EditOptions): void {
  const { env, ctr } = world;
  const doc = activeDoc(world);
  const who = opts.anonymous ? '' : (user ?? env.effectiveUser);
  if (env.enforceSharing && !doc._canView(who)) throw new Error(errors.NO_ACCESS_DOCUMENT);
  const authMode = simpleAuthMode(world, doc);
  const event = { authMode, source: expose(doc), user: expose(new UserImpl(ctr, visibleUser(env, who))) };
  if (exec.defines('onOpen') && !opts.anonymous) exec.execute('onOpen', event, who, undefined, true, { authNone: authMode === 'NONE' });
  // Installable triggers do not run when the file is opened read-only (Google documents it).
  if (env.enforceSharing && !doc._canEdit(who)) return;
  for (const t of [...world.triggers.all]) {
    if (t._eventType === 'ON_OPEN' && t._source === 'SPREADSHEETS' && t._sourceId === doc._id) exec.fireTrigger(t, { source: expose(doc) });
  }
}

/** Add-on mode: the user installs the add-on from the active document: onInstall(e) with AuthMode.FULL; it is then enabled there. */
export function installAddon(world: World, exec: Executions, user: string | undefined): void {
  const doc = activeDoc(world);
  const who = user ?? world.env.effectiveUser;
  world.enabledIn.add(doc._id);
  exec.execute('onInstall', { authMode: 'FULL', source: expose(doc) }, who, undefined, true);
}
