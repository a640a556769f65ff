// Opening the contest's form by the id recorded in "Cấu hình" (see sheets/formConfig.ts).
import { ContestError } from '../sheets/errors';
import { CONFIG } from '../sheets/config';

type Form = GoogleAppsScript.Forms.Form;

/**
 * The form with `id` (as recorded in "Cấu hình"), or null when none is recorded or it can no longer
 * be opened (deleted, no access).
 */
export function openContestForm(formApp: GoogleAppsScript.Forms.FormApp, id: string): Form | null {
  if (id === '') return null;
  try {
    return formApp.openById(id);
  } catch {
    // A deleted or unshared form: the caller creates or asks for a new one.
    return null;
  }
}

/** The form or a Vietnamese error telling the organizer to create it first. */
export function requireContestForm(formApp: GoogleAppsScript.Forms.FormApp, id: string): Form {
  const form = openContestForm(formApp, id);
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
