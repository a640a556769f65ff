// The contest's form as recorded in "Cấu hình" (id, public link, edit link): reading, opening and recording it.
import { normalizeName } from '../domain/parse';
import { parseSettings } from '../domain/settings';
import type { Parsed, Settings } from '../domain/types';
import { CONFIG, configRows, upsertConfigValues } from '../sheets/config';
import { ContestError } from '../sheets/errors';
import { readSheet, readTable } from '../sheets/table';
import type { FormDeps } from './form-deps';

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "Cấu hình" rows where the form is recorded (visible to organizers, who copy the links from there). */
export const CONFIG_FORM_ID = 'ID biểu mẫu';
export const CONFIG_FORM_URL = 'Link biểu mẫu';
export const CONFIG_FORM_EDIT_URL = 'Link sửa biểu mẫu';

/** The form id recorded in "Cấu hình", '' when none. */
export function recordedFormId(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(CONFIG.name);
  return sheet ? formIdIn(configRows(readTable(sheet, CONFIG))) : '';
}

/** The form id among "Cấu hình" rows already read, '' when none. */
export function formIdIn(rows: { label: string; value: unknown }[]): string {
  const row = rows.find((r) => normalizeName(r.label) === normalizeName(CONFIG_FORM_ID));
  return row ? String(row.value ?? '').trim() : '';
}

/** What a form action needs from "Cấu hình": the settings as parsed and the recorded form id. */
export interface FormConfig {
  settings: Parsed<Settings>;
  formId: string;
}

/** FormConfig from "Cấu hình" rows already read (the settings-edit trigger reads them itself). */
export function formConfigFrom(rows: { label: string; value: unknown; row: number }[]): FormConfig {
  return { settings: parseSettings(rows, CONFIG.name), formId: formIdIn(rows) };
}

/** Reads "Cấu hình" once (one getValues) for both the settings and the form id. */
export function readFormConfig(ss: Spreadsheet): FormConfig {
  return formConfigFrom(configRows(readSheet(ss, CONFIG)));
}

/**
 * The form with `id` (as recorded in "Cấu hình"), or null when none is recorded or it can no longer
 * be opened (deleted, no access).
 */
export function openContestForm(deps: FormDeps, id: string): Form | null {
  if (id === '') return null;
  try {
    return deps.formApp.openById(id);
  } catch {
    // A deleted or unshared form: the caller creates or asks for a new one.
    return null;
  }
}

/** The form or a Vietnamese error telling the organizer to create it first. */
export function requireContestForm(deps: FormDeps, id: string): Form {
  const form = openContestForm(deps, id);
  if (form) return form;
  throw new ContestError([
    {
      code: 'form.missing',
      severity: 'stops-action',
      message: 'Chưa có biểu mẫu nộp bài (hoặc không mở được biểu mẫu ghi trong trang "Cấu hình"). Hãy chạy "Hội thi → Tạo / liên kết biểu mẫu".',
      sheet: CONFIG.name,
    },
  ]);
}

/** Records `form` in "Cấu hình" (its id and both links), so later actions and organizers find it. */
export function recordContestForm(ss: Spreadsheet, form: Form): void {
  upsertConfigValues(ss, [
    { label: CONFIG_FORM_ID, value: form.getId(), note: 'Do add-on ghi; dùng "Tạo / liên kết biểu mẫu" để đổi biểu mẫu.' },
    { label: CONFIG_FORM_URL, value: form.getPublishedUrl(), note: 'Link chung để nộp bài (mọi đơn vị).' },
    { label: CONFIG_FORM_EDIT_URL, value: form.getEditUrl(), note: 'Link chỉnh sửa biểu mẫu (Ban tổ chức).' },
  ]);
}
