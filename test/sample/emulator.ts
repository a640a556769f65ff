// The emulator as the contest runs in it: a Vietnamese spreadsheet in Ho Chi Minh City owned by the organizer.
import { createEmulator, type Emulator, type EmulatorOptions } from '../../packages/gas-emulator/src';
import { createActionContext, type ActionContext } from '../../src/flows/context';

export const ORGANIZER = 'btc@quandoan11.vn';

export const CONTEST_EMULATOR_DEFAULTS: EmulatorOptions = {
  owner: ORGANIZER,
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi_VN',
  spreadsheetName: 'Hội thi',
  addonName: 'Hội thi',
  // Google's Editor add-on rules (menus, triggers only on this file, no active spreadsheet in clock triggers…).
  addon: true,
};

export function createContestEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ ...CONTEST_EMULATOR_DEFAULTS, ...options });
}

/** The action context of one execution in the emulator, built by the same function as src/main.ts builds it. */
export function contextOf(emu: Emulator, options: { user?: string; now?: Date; spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet } = {}): ActionContext {
  return createActionContext(emu, options.spreadsheet ?? emu.spreadsheet, options.user ?? emu.user(), options.now ?? emu.now());
}
