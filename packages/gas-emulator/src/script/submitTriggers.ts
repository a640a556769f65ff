// Form submissions and their onFormSubmit triggers: the form's, and its destination spreadsheet's with the row the form wrote.
import { expose } from '../core/calls';
import type { Executions } from '../core/execution';
import type { FormHost, FormImpl, TriggerMode } from '../forms/form';
import type { FormResponseImpl } from '../forms/response';
import { RangeImpl } from '../spreadsheet/range';
import type { SheetImpl } from '../spreadsheet/sheet';
import type { World } from '../core/world';

/** What forms ask of the emulator: destination spreadsheets, and what to do once a response is recorded. */
export function formHost(world: World, exec: Executions): FormHost {
  return {
    spreadsheet: (id) => world.env.spreadsheets.get(id),
    onSubmitted: (form, r, row, mode: TriggerMode) => {
      if (row) world.rowOf.set(r, row);
      if (mode === 'now') fireSubmit(world, exec, form, r);
      else if (mode === 'queue') world.pending.push(() => fireSubmit(world, exec, form, r));
    },
  };
}

/** Fires the form's onFormSubmit triggers, then its destination spreadsheet's. */
export function fireSubmit(world: World, exec: Executions, form: FormImpl, r: FormResponseImpl): void {
  const { triggers } = world;
  for (const t of [...triggers.all]) {
    if (t._eventType === 'ON_FORM_SUBMIT' && t._source === 'FORMS' && t._sourceId === form._id) {
      exec.fireTrigger(t, { source: expose(form), response: expose(r) });
    }
  }
  const row = world.rowOf.get(r);
  if (!row) return;
  const ssId = row.sheet._ss._id;
  const sheetTriggers = triggers.all.filter((t) => t._eventType === 'ON_FORM_SUBMIT' && t._source === 'SPREADSHEETS' && t._sourceId === ssId);
  if (sheetTriggers.length === 0) return;
  // One event for the submission, read once: every trigger sees the row as the form wrote it.
  const event = sheetSubmitEvent(world, r);
  for (const t of sheetTriggers) exec.fireTrigger(t, event ?? {});
}

/** The spreadsheet form-submit event of a response written to its destination sheet (null when it has none). */
export function sheetSubmitEvent(world: World, r: FormResponseImpl): Record<string, unknown> | null {
  const row = world.rowOf.get(r);
  return row ? sheetSubmitEventAt(world, row) : null;
}

/** The spreadsheet form-submit event of a response written to row `row` of its destination sheet. */
function sheetSubmitEventAt(world: World, row: { sheet: SheetImpl; row: number }): Record<string, unknown> {
  const { ctr } = world;
  const lastCol = Math.max(1, row.sheet._lastColumn());
  const range = new RangeImpl(ctr, row.sheet, { row: row.row, col: 1, numRows: 1, numCols: lastCol });
  const values = range.getDisplayValues()[0];
  const headers = new RangeImpl(ctr, row.sheet, { row: 1, col: 1, numRows: 1, numCols: lastCol }).getValues()[0];
  const namedValues: Record<string, string[]> = {};
  headers.forEach((h, i) => (namedValues[String(h)] = [values[i]]));
  return { source: expose(row.sheet._ss), range: expose(range), values, namedValues };
}
