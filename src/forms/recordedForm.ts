// Opening the contest's form by the id recorded in "Cấu hình" (see sheets/formConfig.ts).
import { ContestError } from '../sheets/errors';
import { CONFIG } from '../sheets/config';
import { CONFIG_FORM_ID } from '../sheets/formConfig';

type Form = GoogleAppsScript.Forms.Form;

/** The recorded form: none recorded, opened, or recorded but not openable by this user (deleted or not shared). */
export type RecordedForm = { kind: 'none' } | { kind: 'open'; form: Form } | { kind: 'unreachable'; id: string };

/**
 * Opens the form with `id` (as recorded in "Cấu hình"). Google gives one error for a deleted form and
 * for a form the running user may not open ("No item with the given ID could be found, or you do not
 * have permission to access it."), so both are 'unreachable': never a reason to replace the form.
 */
export function openRecordedForm(formApp: GoogleAppsScript.Forms.FormApp, id: string): RecordedForm {
  if (id === '') return { kind: 'none' };
  try {
    return { kind: 'open', form: formApp.openById(id) };
  } catch {
    return { kind: 'unreachable', id };
  }
}

/**
 * The form with `id`, or null when none is recorded or it can no longer be opened (deleted, no
 * access). For triggers, which only log; menu actions use openRecordedForm/requireContestForm.
 */
export function openContestForm(formApp: GoogleAppsScript.Forms.FormApp, id: string): Form | null {
  const recorded = openRecordedForm(formApp, id);
  return recorded.kind === 'open' ? recorded.form : null;
}

/** Who the message names: the running user, and the person who created or linked the recorded form, when known. */
export interface FormAccessHint {
  user?: string;
  /** Email of the organizer who created or linked the recorded form (from "Nhật ký"), '' when unknown. */
  formOwner?: string;
}

/**
 * Vietnamese explanation for a recorded form that cannot be opened: whose form it is (when known),
 * that nothing was changed, and the two ways on (get it shared, or choose another form explicitly).
 */
export function unreachableFormMessage(id: string, hint: FormAccessHint = {}): string {
  const you = hint.user ? `tài khoản ${hint.user}` : 'tài khoản của bạn';
  const owner = hint.formOwner && hint.formOwner.toLowerCase() !== (hint.user ?? '').toLowerCase() ? hint.formOwner : '';
  const whose = owner ? ` Theo "Nhật ký", biểu mẫu này do ${owner} tạo hoặc liên kết.` : '';
  const ask = owner
    ? `nhờ ${owner} chia sẻ quyền chỉnh sửa biểu mẫu với ${you} (trong biểu mẫu: ⋮ → Thêm cộng tác viên), hoặc nhờ ${owner} chạy thao tác này`
    : `nhờ người đã tạo biểu mẫu chia sẻ quyền chỉnh sửa biểu mẫu với ${you} (trong biểu mẫu: ⋮ → Thêm cộng tác viên), hoặc nhờ họ chạy thao tác này`;
  return (
    `Không mở được biểu mẫu ghi trong trang "${CONFIG.name}" (ID ${id}) bằng ${you}: biểu mẫu đã bị xoá, hoặc chưa được chia sẻ với bạn.${whose} ` +
    `Chưa có gì bị thay đổi: biểu mẫu cũ, mã QR đã in và việc nhận bài tự động vẫn giữ nguyên. Hãy ${ask}. ` +
    `Chỉ khi chắc chắn muốn bỏ biểu mẫu cũ: chạy "Tạo / liên kết biểu mẫu" và dán link sửa của biểu mẫu khác, hoặc xoá ô "${CONFIG_FORM_ID}" trong trang "${CONFIG.name}" để tạo biểu mẫu mới (mã QR đã in sẽ không còn dùng được).`
  );
}

/** The error of unreachableFormMessage, pointing at "Cấu hình". */
export function unreachableFormError(id: string, hint: FormAccessHint = {}): ContestError {
  return new ContestError([{ code: 'form.unreachable', severity: 'stops-action', message: unreachableFormMessage(id, hint), sheet: CONFIG.name }]);
}

/**
 * The form, or a Vietnamese error: "create one first" when none is recorded, and when the recorded one
 * cannot be opened, the explanation of unreachableFormMessage (never "create one", which would
 * replace the form the printed QR codes open).
 */
export function requireContestForm(formApp: GoogleAppsScript.Forms.FormApp, id: string, hint: FormAccessHint = {}): Form {
  const recorded = openRecordedForm(formApp, id);
  if (recorded.kind === 'open') return recorded.form;
  if (recorded.kind === 'unreachable') throw unreachableFormError(id, hint);
  throw new ContestError([
    {
      code: 'form.missing',
      severity: 'stops-action',
      message: 'Chưa có biểu mẫu nộp bài (hoặc không mở được biểu mẫu ghi trong trang "Cấu hình"). Hãy chạy "Hội thi → Tạo / liên kết biểu mẫu".',
      sheet: CONFIG.name,
    },
  ]);
}
