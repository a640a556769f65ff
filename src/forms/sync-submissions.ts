// "Đồng bộ bài dự thi": adds the responses the submit trigger missed, re-installs that trigger, moves the deadline trigger.
import { ContestError } from '../sheets/errors';
import { describeDeadlinePlan, scheduleDeadline } from './deadline';
import { ensureSubmitTrigger } from './form-builder';
import { logFormAction, type FormActionSummary, type FormDeps } from './form-deps';
import { LockBusyError, SYNC_LOCK_WAIT_MS, ingestResponses, type IntakeResult } from './intake';
import { readFormConfig, requireContestForm } from './recorded-form';

/**
 * "Đồng bộ bài dự thi": re-reads every response and adds those not yet in "Bài dự thi" (never twice),
 * re-installs the submit trigger if it went missing, and moves the deadline trigger if the deadline changed.
 */
export function syncSubmissions(deps: FormDeps): FormActionSummary & { added: number; present: number } {
  // "Cấu hình" read once: the form id, the settings the intake checks lateness with, and the deadline re-planned below.
  const config = readFormConfig(deps.spreadsheet);
  const form = requireContestForm(deps, config.formId);
  const responses = form.getResponses();
  const parsed = config.settings;
  let result: IntakeResult;
  try {
    result = ingestResponses(deps, responses, SYNC_LOCK_WAIT_MS, parsed);
  } catch (e) {
    if (!(e instanceof LockBusyError)) throw e;
    throw new ContestError([{ code: 'intake.busy', severity: 'stops-action', message: 'Đang có bài dự thi được ghi vào bảng tính. Hãy chờ một phút rồi chạy lại "Đồng bộ bài dự thi".' }]);
  }
  const lines = [
    `Biểu mẫu có ${responses.length} câu trả lời; đã thêm ${result.added.length} bài mới vào "Bài dự thi"; ${result.alreadyPresent} bài đã có từ trước.`,
  ];
  if (result.added.length > 0) lines.push(`Mã bài mới: ${result.added.map((s) => s.id).join(', ')}.`);
  if (result.blank > 0) lines.push(`Bỏ qua ${result.blank} câu trả lời trống.`);
  if (result.mailed > 0) lines.push(`Đã gửi ${result.mailed} email xác nhận.`);
  const warnings = [...result.notes];
  for (const s of result.added) if (s.warnings.length > 0) warnings.push(`${s.id}: ${s.warnings.join('; ')}`);
  if (ensureSubmitTrigger(deps.scriptApp, form)) warnings.push('Trình kích hoạt nhận bài tự động bị thiếu và đã được cài lại.');
  if (parsed.ok) lines.push(describeDeadlinePlan(scheduleDeadline(deps, form, parsed.value), parsed.value));
  logFormAction(deps, 'Đồng bộ bài dự thi', { lines, warnings });
  return { lines, warnings, added: result.added.length, present: result.alreadyPresent };
}
