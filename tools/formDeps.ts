// Form handles from the emulator, wired as src/main.ts wires them for each Apps Script execution (bench and form tests).
import type { Emulator } from '../packages/gas-emulator/src';
import { formDeps, type FormDeps, type FormServices } from '../src/forms/form-deps';

/** The services of one execution: a fresh script lock each time, as LockService.getScriptLock() gives. */
export function emulatorFormServices(emu: Emulator): FormServices {
  return {
    formApp: emu.FormApp,
    scriptApp: emu.ScriptApp,
    utilities: emu.Utilities,
    mail: emu.MailApp,
    lock: emu.LockService.getScriptLock(),
    flush: () => emu.SpreadsheetApp.flush(),
    now: () => emu.now(),
    documentProperties: () => emu.PropertiesService.getDocumentProperties(),
  };
}

/** FormDeps of one execution by the emulator's current user. */
export function emulatorFormDeps(emu: Emulator): FormDeps {
  return formDeps(emu.spreadsheet, emu.user(), emulatorFormServices(emu));
}
