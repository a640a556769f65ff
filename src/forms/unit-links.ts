// The roster as the form uses it, and each unit's prefilled submission link written to "Đơn vị" → "Link nộp bài".
import { readTable, updateRows } from '../sheets/table';
import { UNITS, readUnits, type UnitRow } from '../sheets/units';
import { inspectForm } from './form-builder';
import type { FormDeps } from './form-deps';

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The units of "Đơn vị" and notes about rows that could not be read (or the missing sheet). */
export function rosterUnits(ss: Spreadsheet): { units: UnitRow[]; notes: string[] } {
  const sheet = ss.getSheetByName(UNITS.name);
  if (!sheet) return { units: [], notes: [`Chưa có trang "${UNITS.name}"; danh sách đơn vị trên biểu mẫu để trống.`] };
  const { units, problems } = readUnits(readTable(sheet, UNITS));
  return { units, notes: problems.map((p) => p.message) };
}

/** The form's general link, each unit's prefilled link (by its "Đơn vị" row), and how many rows got theirs. */
export interface UnitLinks {
  general: string;
  byUnit: Map<number, string>;
  written: number;
}

/**
 * Builds each unit's prefilled link (unit question answered with its roster name; as text when the
 * question is free text) and writes them to "Link nộp bài" with one setValues.
 */
export function refreshUnitLinks(deps: FormDeps, form: Form, units: UnitRow[]): UnitLinks {
  const byUnit = prefilledLinks(deps.formApp, form, units);
  const sheet = deps.spreadsheet.getSheetByName(UNITS.name);
  let written = 0;
  if (sheet && byUnit.size > 0) {
    updateRows(readTable(sheet, UNITS), ['link'], new Map([...byUnit].map(([row, url]) => [row, [url]])));
    written = byUnit.size;
  }
  return { general: form.getPublishedUrl(), byUnit, written };
}

function prefilledLinks(formApp: GoogleAppsScript.Forms.FormApp, form: Form, units: UnitRow[]): Map<number, string> {
  const item = inspectForm(formApp, form).items.unit;
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
