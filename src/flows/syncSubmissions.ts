// "Đồng bộ bài dự thi": adds the responses the submit trigger missed, re-installs that trigger, moves the deadline trigger.
import { requireFormFor } from './formAccess';
import { APPRAISAL_SHEET } from '../sheets/appraisal';
import { ContestError, isContestError } from '../sheets/errors';
import { readFormConfig } from '../sheets/formConfig';
import { findResponseSheet, readResponseSheet } from '../sheets/responses';
import { SUBMISSIONS } from '../sheets/submissions';
import type { MenuAction } from './action';
import { LOCK_BUSY, type ActionContext, type Summary } from './context';
import { describeDeadlinePlan } from './deadline';
import { scheduleContest } from './jobs';
import { ensureSubmitTrigger } from './triggers';
import { SYNC_LOCK_WAIT_MS, ingestResponses, responsesFromSheet, type IntakeResult } from './intake';
import { CREATE_FORM_TITLE } from './createForm';

export const SYNC_SUBMISSIONS_TITLE = 'Đồng bộ bài dự thi';

/**
 * "Đồng bộ bài dự thi": re-reads every response from the response sheet and adds those not yet in "Bài dự thi" (never twice),
 * re-installs the submit trigger if it went missing, and moves the deadline trigger if the deadline changed.
 */
export function syncSubmissions(ctx: ActionContext): Summary & { added: number; present: number } {
  // "Cấu hình" read once: the form id, the settings the intake checks lateness with, and the deadline re-planned below.
  const config = readFormConfig(ctx.spreadsheet);
  const form = requireFormFor(ctx, config.formId);
  // Google writes every response to the response sheet, even when the submit trigger did not run:
  // one read of it here and one of "Bài dự thi" under the lock, whatever the number of responses.
  const responseSheet = findResponseSheet(ctx.spreadsheet, form.getId());
  if (!responseSheet) {
    throw new ContestError([
      {
        code: 'form.no_response_sheet',
        severity: 'stops-action',
        message: `Không tìm thấy trang nhận câu trả lời của biểu mẫu trong bảng tính này. Hãy chạy "Hội thi → ${CREATE_FORM_TITLE}" để liên kết lại.`,
      },
    ]);
  }
  const responses = responsesFromSheet(readResponseSheet(responseSheet));
  const parsed = config.settings;
  let result: IntakeResult;
  try {
    result = ingestResponses(ctx, responses, SYNC_LOCK_WAIT_MS, parsed);
  } catch (e) {
    if (!isContestError(e) || e.problems[0]?.code !== LOCK_BUSY) throw e;
    throw new ContestError([
      {
        code: 'intake.busy',
        severity: 'stops-action',
        message: 'Đang có bài dự thi được ghi vào bảng tính. Hãy chờ một phút rồi chạy lại "Đồng bộ bài dự thi".',
      },
    ]);
  }
  const lines = [
    `Biểu mẫu có ${responses.length} câu trả lời; đã thêm ${result.added.length} bài mới vào "Bài dự thi"; ${result.alreadyPresent} bài đã có từ trước.`,
  ];
  if (result.added.length > 0) lines.push(`Mã bài mới: ${result.added.map((s) => s.id).join(', ')}.`);
  if (result.blank > 0) lines.push(`Bỏ qua ${result.blank} câu trả lời trống.`);
  if (result.mailed > 0) lines.push(`Đã gửi ${result.mailed} email xác nhận.`);
  const warnings = [...result.notes];
  for (const s of result.added) if (s.warnings.length > 0) warnings.push(`${s.id}: ${s.warnings.join('; ')}`);
  if (ensureSubmitTrigger(ctx)) warnings.push('Trình kích hoạt nhận bài tự động bị thiếu và đã được cài lại.');
  if (parsed.ok) lines.push(describeDeadlinePlan(scheduleContest(ctx, form, parsed.value), parsed.value));
  return { title: SYNC_SUBMISSIONS_TITLE, lines, warnings, added: result.added.length, present: result.alreadyPresent };
}

export const syncSubmissionsAction: MenuAction = { title: SYNC_SUBMISSIONS_TITLE, writes: [SUBMISSIONS.name, APPRAISAL_SHEET], run: syncSubmissions };
