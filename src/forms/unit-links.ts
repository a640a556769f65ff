// The roster as the form uses it, and each unit's prefilled submission link written to "Đơn vị" → "Link nộp bài".
import { readTable, updateRows, type Table } from '../sheets/table';
import { UNITS, readUnits, type UnitKey, type UnitRow } from '../sheets/units';
import type { FormDeps } from './form-deps';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "Đơn vị" as read once per action: the table (null when the sheet is missing), its units, and notes about rows that could not be read. */
export interface Roster {
  table: Table<UnitKey> | null;
  units: UnitRow[];
  notes: string[];
}

/** Reads "Đơn vị" (one getValues); a missing sheet is a note, not an error. */
export function rosterUnits(ss: Spreadsheet): Roster {
  const sheet = ss.getSheetByName(UNITS.name);
  if (!sheet) return { table: null, units: [], notes: [`Chưa có trang "${UNITS.name}"; danh sách đơn vị trên biểu mẫu để trống.`] };
  const table = readTable(sheet, UNITS);
  const { units, problems } = readUnits(table);
  return { table, units, notes: problems.map((p) => p.message) };
}

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
export function refreshUnitLinks(deps: FormDeps, form: Form, roster: Roster, unitItem: Item | undefined): UnitLinks {
  const byUnit = prefilledLinks(deps.formApp, form, roster.units, unitItem);
  let written = 0;
  if (roster.table && byUnit.size > 0) {
    updateRows(roster.table, ['link'], new Map([...byUnit].map(([row, url]) => [row, [url]])));
    written = byUnit.size;
  }
  return { general: form.getPublishedUrl(), byUnit, written };
}

function prefilledLinks(formApp: GoogleAppsScript.Forms.FormApp, form: Form, units: UnitRow[], item: Item | undefined): Map<number, string> {
  const byUnit = new Map<number, string>();
  if (!item) return byUnit;
  const type = item.getType();
  const I = formApp.ItemType;
  for (const u of units) {
    const answer =
      type === I.LIST
        ? item.asListItem().createResponse(u.name)
        : type === I.MULTIPLE_CHOICE
          ? item.asMultipleChoiceItem().createResponse(u.name)
          : type === I.CHECKBOX
            ? item.asCheckboxItem().createResponse([u.name])
            : type === I.PARAGRAPH_TEXT
              ? item.asParagraphTextItem().createResponse(u.name)
              : item.asTextItem().createResponse(u.name);
    byUnit.set(u.row, form.createResponse().withItemResponse(answer).toPrefilledUrl());
  }
  return byUnit;
}
