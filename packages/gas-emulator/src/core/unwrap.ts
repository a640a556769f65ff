// The emulator objects behind proxies a test hands back to the emulator (emu.submitForm(form, ...), emu.openDocument(ss)...).
import { implOfProxy } from './calls';
import { FormImpl } from '../forms/form';
import { FormResponseImpl } from '../forms/response';
import { SpreadsheetImpl } from '../spreadsheet/spreadsheet';

/** The Spreadsheet behind a proxy this emulator handed out. */
export function spreadsheetImplOf(ss: unknown): SpreadsheetImpl {
  const impl = implOfProxy<SpreadsheetImpl>(ss);
  if (!(impl instanceof SpreadsheetImpl)) throw new Error('emulator: expected a Spreadsheet from this emulator');
  return impl;
}

/** The Form behind a proxy this emulator handed out. */
export function formImplOf(form: unknown): FormImpl {
  const f = implOfProxy<FormImpl>(form);
  if (!(f instanceof FormImpl)) throw new Error('emulator: expected a Form from this emulator');
  return f;
}

/** The FormResponse behind a proxy this emulator handed out. */
export function responseImplOf(response: unknown): FormResponseImpl {
  const r = implOfProxy<FormResponseImpl>(response);
  if (!(r instanceof FormResponseImpl)) throw new Error('emulator: expected a FormResponse from this emulator');
  return r;
}
