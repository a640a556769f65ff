// The recorded form as a menu action opens it: a form this user cannot open is explained (whose it is), never replaced.
import { openRecordedForm, requireContestForm, unreachableFormError, type FormAccessHint } from '../forms/recordedForm';
import { lastAuditUser } from '../sheets/audit';
import type { ActionContext } from './context';

type Form = GoogleAppsScript.Forms.Form;

/** The "Tạo / liên kết biểu mẫu" title as logged in "Nhật ký" (createForm.ts exports it too; kept here to avoid a cycle). */
const CREATE_FORM_ACTION = 'Tạo / liên kết biểu mẫu';
/** How a successful "Tạo / liên kết biểu mẫu" line starts when it created or linked a form (see createOrLinkForm). */
const FORM_MADE_PREFIXES = ['Đã tạo biểu mẫu', 'Đã liên kết biểu mẫu'];

/** Who is running, and who created or linked the recorded form according to "Nhật ký" (read only when needed). */
export function formAccessHint(ctx: ActionContext): FormAccessHint {
  let formOwner = '';
  try {
    formOwner = lastAuditUser(ctx.spreadsheet, CREATE_FORM_ACTION, FORM_MADE_PREFIXES);
  } catch {
    // The log is only a hint: the message without a name still says what to do.
  }
  return { user: ctx.user, formOwner };
}

/** requireContestForm for a menu action: the refusal names the form's creator when "Nhật ký" knows them. */
export function requireFormFor(ctx: ActionContext, formId: string): Form {
  const recorded = openRecordedForm(ctx.services.formApp, formId);
  if (recorded.kind === 'open') return recorded.form;
  if (recorded.kind === 'unreachable') throw unreachableFormError(formId, formAccessHint(ctx));
  return requireContestForm(ctx.services.formApp, formId);
}
