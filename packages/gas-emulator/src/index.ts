// createEmulator(): an in-memory Apps Script runtime (Sheets, Forms, triggers, UI...) for tests and `npm start`.
import type { Emulator, EmulatorOptions } from './api';
import { createControl } from './control';
import { DriveStore } from './drive';
import { Executions } from './execution';
import { FormAppImpl } from './forms/formApp';
import { createServices } from './services';
import type { SpreadsheetImpl } from './spreadsheet';
import { formHost } from './submitTriggers';
import { createWorld } from './world';

export type { EmulatorOptions, DriveControl, SharingOptions, EditOptions, ClockRunOptions, TriggerRun, SubmitOptions, Emulator } from './api';
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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const world = createWorld(options);
  const exec = new Executions(world);
  const formApp = new FormAppImpl(world.ctr, world.env, formHost(world, exec));
  const driveStore = new DriveStore(world.env);
  driveStore.scope = options.driveScope ?? 'drive.file';
  return createControl(world, exec, createServices(world, formApp, driveStore), driveStore);
}

export type { SpreadsheetImpl };
