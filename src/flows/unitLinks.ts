// Each unit's prefilled submission link written to "Đơn vị" → "Link nộp bài".
import { prefilledLinks } from '../forms/links';
import { updateRows } from '../sheets/table';
import type { Roster } from '../sheets/units';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

/** The form's general link, each unit's prefilled link (by its "Đơn vị" row), and how many rows got theirs. */
export interface UnitLinks {
  general: string;
  byUnit: Map<number, string>;
  written: number;
}

/**
 * Builds each unit's prefilled link (the form's unit question `unitItem` answered with its roster
 * name; as text when the question is free text) and writes them to "Link nộp bài" with one setValues
 * into the table `roster` was read from.
 */
export function refreshUnitLinks(formApp: GoogleAppsScript.Forms.FormApp, form: Form, roster: Roster, unitItem: Item | undefined): UnitLinks {
  const byUnit = prefilledLinks(formApp, form, roster.units, unitItem);
  let written = 0;
  if (roster.table && byUnit.size > 0) {
    updateRows(roster.table, ['link'], new Map([...byUnit].map(([row, url]) => [row, [url]])));
    written = byUnit.size;
  }
  return { general: form.getPublishedUrl(), byUnit, written };
}
