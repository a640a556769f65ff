// createEmulator(): an in-memory Apps Script runtime (Sheets, Forms, triggers, UI...) for tests and `npm start`.
import type { Emulator, EmulatorOptions } from './core/api';
import { createControl } from './core/control';
import { DriveStore } from './drive/driveApp';
import { Executions } from './core/execution';
import { FormAppImpl } from './forms/formApp';
import { createServices } from './core/services';
import type { SpreadsheetImpl } from './spreadsheet/spreadsheet';
import { formHost } from './script/submitTriggers';
import { createWorld } from './core/world';

export type { EmulatorOptions, DriveControl, SharingOptions, EditOptions, ClockRunOptions, TriggerRun, SubmitOptions, Emulator } from './core/api';
export { CallCounter } from './core/calls';
export type { MenuRecord, DialogRecord, ToastRecord, MenuEntry } from './base/ui';
export { UiRecorder } from './base/ui';
export type { MailRecord } from './mail/mailApp';
export type { DriveItem } from './drive/driveApp';
export { LockControl } from './lock/lockService';
export { TriggerRegistry } from './script/scriptApp';
export type { FormDescription } from './forms/submit';
export { UNEVALUATED_FORMULA_VALUE, FORMULA_PARSE_ERROR_VALUE } from './spreadsheet/values';
export * as errors from './core/errors';
export type { RuntimeOptions } from './script/runtime';
export type { FakeRequest, FakeResponse, UrlHandler, HttpRecord } from './urlFetch/urlFetchApp';
// For the add-on's tests and tools, so nothing outside the package imports a file inside it:
// A1 notation (tools reading and writing workbooks), the fake Graph API UrlFetchApp answers with, and the Form behind a
// FormApp proxy (a test adding what only the Forms editor can, such as a file-upload question).
export { columnToLetters, lettersToColumn, parseA1, rectToA1 } from './spreadsheet/a1';
export { FakeGraphApi, GRAPH_ERRORS, type FakePost } from './fakes/graphApi';
export { formImplOf } from './core/unwrap';

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const world = createWorld(options);
  const exec = new Executions(world);
  const formApp = new FormAppImpl(world.ctr, world.env, formHost(world, exec));
  const driveStore = new DriveStore(world.env);
  driveStore.scope = options.driveScope ?? 'drive.file';
  return createControl(world, exec, createServices(world, formApp, driveStore), driveStore);
}

export type { SpreadsheetImpl };
