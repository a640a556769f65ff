// The emulator as the contest runs in it: a Vietnamese spreadsheet in Ho Chi Minh City owned by the organizer.
import { createEmulator, type Emulator, type EmulatorOptions } from '../../packages/gas-emulator/src';
import { createActionContext, type ActionContext } from '../../src/flows/context';
import { scheduledJobsTrigger } from '../../src/flows/jobs';
import { installedEditTrigger, simpleEditTrigger } from '../../src/flows/edits';
import { intakeTrigger } from '../../src/flows/intake';
import { scheduledSpreadsheetId } from '../../src/flows/scheduler';
import { buildMenu } from '../../src/ui/menu';
import { runTrigger } from '../../src/ui/runner';

export const ORGANIZER = 'btc@quandoan11.vn';

export const CONTEST_EMULATOR_DEFAULTS: EmulatorOptions = {
  owner: ORGANIZER,
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi_VN',
  spreadsheetName: 'Hội thi',
  addonName: 'Hội thi',
  // Google's Editor add-on rules (menus, triggers only on this file, no active spreadsheet in clock triggers…).
  addon: true,
  // The add-on never reaches across documents: the script lock and project-wide trigger lists are refused.
  refuseProjectWide: true,
};

export function createContestEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ ...CONTEST_EMULATOR_DEFAULTS, ...options });
}

/** The action context of one execution in the emulator, built by the same function as src/main.ts builds it. */
export function contextOf(emu: Emulator, options: { user?: string; now?: Date; spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet } = {}): ActionContext {
  return createActionContext(emu, options.spreadsheet ?? emu.spreadsheet, options.user ?? emu.user(), options.now ?? emu.now());
}

/**
 * Trigger handlers as src/main.ts routes them, for tests that run triggers without the bundle: the
 * form-submit trigger works on the spreadsheet of its event, the scheduler on the spreadsheet its
 * trigger id was recorded for, the edit trigger on its event's source.
 */
export function contestTriggerHandlers(emu: Emulator): Record<string, (e?: unknown) => unknown> {
  const on = (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => contextOf(emu, { spreadsheet, user: emu.user() });
  return {
    onFormSubmit: (e) => {
      const ev = e as GoogleAppsScript.Events.SheetsOnFormSubmit;
      return runTrigger(on(ev.range.getSheet().getParent()), intakeTrigger, ev);
    },
    runScheduledJobs: (e) => {
      const ev = (e ?? {}) as { triggerUid?: string };
      const id = scheduledSpreadsheetId(emu.PropertiesService.getUserProperties(), ev.triggerUid ?? '');
      const spreadsheet = id ? emu.SpreadsheetApp.openById(id) : emu.spreadsheet;
      return runTrigger(on(spreadsheet), scheduledJobsTrigger, ev);
    },
    onSettingsEdit: (e) => {
      const ev = e as GoogleAppsScript.Events.SheetsOnEdit;
      return runTrigger(on(ev.source), installedEditTrigger, ev);
    },
    onInstall: () => buildMenu(emu.SpreadsheetApp.getUi()),
    // The simple trigger, as the person editing; nothing in AuthMode.NONE (add-on not yet used in the document).
    onEdit: (e) => {
      const ev = e as GoogleAppsScript.Events.SheetsOnEdit;
      if (!ev || !ev.range || ev.authMode === emu.ScriptApp.AuthMode.NONE) return undefined;
      return runTrigger(contextOf(emu, { spreadsheet: ev.source, user: emu.Session.getActiveUser().getEmail() }), simpleEditTrigger, ev);
    },
  };
}
