// Closing the form at "Hạn nộp bài": the scheduler's deadline job, the form's state, and the settings-edit reschedule.
import { formatDateTime } from '../domain/parse';
import type { Settings } from '../domain/types';
import { typographicQuotes } from '../domain/quotes';
import { openContestForm } from '../forms/recordedForm';
import { readFormConfig } from '../sheets/formConfig';
import type { ActionContext } from './context';
import type { ScheduledJob } from './scheduler';

type Form = GoogleAppsScript.Forms.Form;

/** What scheduling the deadline did. */
export type DeadlinePlan =
  { kind: 'scheduled'; at: Date; reopened: boolean } | { kind: 'closedNow' } | { kind: 'alreadyClosed' } | { kind: 'lateAccepted'; reopened: boolean };

/** Start of our closed message: tells a form we closed (and may reopen) from one closed by hand. */
const CLOSED_MESSAGE_PREFIX = 'Đã hết hạn nộp bài lúc ';

/** The message a unit sees on the closed form. */
function closedMessage(settings: Settings): string {
  return `${CLOSED_MESSAGE_PREFIX}${formatDateTime(settings.submissionDeadline, settings.timeZone)}. Cảm ơn các đơn vị đã tham gia ${typographicQuotes(settings.contestName)}.`;
}

/** True when the form was closed by our deadline trigger (not by an organizer by hand). */
function closedByDeadline(form: Form): boolean {
  return !form.isAcceptingResponses() && form.getCustomClosedFormMessage().indexOf(CLOSED_MESSAGE_PREFIX) === 0;
}

/** The first minute after "Hạn nộp bài": the deadline minute itself is still open (23:59 accepts 23:59:59), as for the voting window. */
export function closingTime(settings: Settings): Date {
  return new Date(Math.floor(settings.submissionDeadline.getTime() / 60000) * 60000 + 60000);
}

/**
 * Puts the form in the state the deadline asks for now: a deadline already past closes it; a form we
 * closed is reopened when the deadline moved later (or late entries are now accepted). With late
 * entries accepted the form stays open and late rows are flagged "Nộp trễ".
 */
export function applyDeadline(ctx: ActionContext, form: Form, settings: Settings): DeadlinePlan {
  const closesAt = closingTime(settings);
  const reopen = (): boolean => {
    if (!closedByDeadline(form)) return false;
    form.setAcceptingResponses(true);
    return true;
  };
  if (settings.acceptLateEntries) return { kind: 'lateAccepted', reopened: reopen() };
  if (ctx.now.getTime() >= closesAt.getTime()) {
    if (!form.isAcceptingResponses()) return { kind: 'alreadyClosed' };
    form.setCustomClosedFormMessage(closedMessage(settings));
    form.setAcceptingResponses(false);
    return { kind: 'closedNow' };
  }
  return { kind: 'scheduled', at: closesAt, reopened: reopen() };
}

/** The scheduler's job at "Hạn nộp bài": close the recorded form (never due while late entries are accepted). */
export const deadlineJob: ScheduledJob = {
  name: 'Đóng biểu mẫu theo hạn nộp bài',
  dueAt: (settings) => (settings.acceptLateEntries ? null : closingTime(settings)),
  run: (ctx, settings) => {
    const form = openContestForm(ctx.services.formApp, readFormConfig(ctx.spreadsheet).formId);
    if (!form) return ['Không mở được biểu mẫu ghi trong "Cấu hình"; chưa đóng.'];
    return [describeDeadlinePlan(applyDeadline(ctx, form, settings), settings)];
  },
};

/** Vietnamese one-liner for a deadline plan (summary dialogs and "Nhật ký"). */
export function describeDeadlinePlan(plan: DeadlinePlan, settings: Settings): string {
  const deadline = formatDateTime(settings.submissionDeadline, settings.timeZone);
  switch (plan.kind) {
    case 'scheduled':
      return `Biểu mẫu sẽ tự đóng sau ${deadline}${plan.reopened ? ' (đã mở lại vì hạn nộp bài được dời)' : ''}.`;
    case 'closedNow':
      return `Đã đóng biểu mẫu vì đã quá hạn nộp bài (${deadline}).`;
    case 'alreadyClosed':
      return `Biểu mẫu đã đóng; hạn nộp bài ${deadline} đã qua.`;
    case 'lateAccepted':
      return `Nhận bài nộp trễ: biểu mẫu không tự đóng; bài nộp sau ${deadline} được đánh dấu "Nộp trễ"${plan.reopened ? ' (đã mở lại biểu mẫu)' : ''}.`;
  }
}
