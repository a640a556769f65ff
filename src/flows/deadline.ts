// Closing the form at "Hạn nộp bài": the scheduler's deadline job, the form's state, and the settings-edit reschedule.
import { formatDateTime, normalizeName } from '../domain/parse';
import type { Settings } from '../domain/types';
import { typographicQuotes } from '../domain/quotes';
import { openContestForm } from '../forms/recordedForm';
import { CONFIG, configRows } from '../sheets/config';
import { formConfigFrom, readFormConfig } from '../sheets/formConfig';
import { readTable } from '../sheets/table';
import { problemsText, type ActionContext, type Summary } from './context';
import { armScheduler, schedulerTrigger, type ScheduledJob } from './scheduler';

type Form = GoogleAppsScript.Forms.Form;


/** What scheduling the deadline did. */
export type DeadlinePlan =
  | { kind: 'scheduled'; at: Date; reopened: boolean }
  | { kind: 'closedNow' }
  | { kind: 'alreadyClosed' }
  | { kind: 'lateAccepted'; reopened: boolean };

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
function applyDeadline(ctx: ActionContext, form: Form, settings: Settings): DeadlinePlan {
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

/** Every job of the per-document scheduler. */
export const SCHEDULED_JOBS: ScheduledJob[] = [deadlineJob];

/**
 * Schedules the deadline: the form's state now (see applyDeadline) and the document's scheduler
 * trigger at the next job's time, so changing the deadline and re-running "Tạo / liên kết biểu mẫu"
 * or a sync moves it (one already at that time is kept).
 */
export function scheduleDeadline(ctx: ActionContext, form: Form, settings: Settings): DeadlinePlan {
  const plan = applyDeadline(ctx, form, settings);
  armScheduler(ctx, SCHEDULED_JOBS, settings);
  return plan;
}

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

export const RESCHEDULE_TITLE = 'Dời giờ đóng biểu mẫu theo "Cấu hình"';

/** What a settings edit did to the deadline: the plan (null when nothing was scheduled) and its "Nhật ký" line. */
export interface DeadlineOutcome {
  plan: DeadlinePlan | null;
  summary: Summary | null;
}

/** "Cấu hình" settings whose change moves or cancels the closing trigger. */
const DEADLINE_SETTINGS = ['Hạn nộp bài', 'Nhận bài nộp trễ', 'Múi giờ'].map(normalizeName);

/**
 * The installable edit trigger's part for "Cấu hình": when an edit touches the "Hạn nộp bài", "Nhận bài
 * nộp trễ" or "Múi giờ" row, re-reads the settings and reschedules (or closes/reopens) the form.
 * Any other edit costs two calls and changes nothing.
 */
export function rescheduleAfterSettingsEdit(ctx: ActionContext, range: GoogleAppsScript.Spreadsheet.Range): DeadlineOutcome {
  const none: DeadlineOutcome = { plan: null, summary: null };
  const sheet = range.getSheet();
  if (sheet.getName() !== CONFIG.name) return none;
  const first = range.getRow();
  const last = first + range.getNumRows() - 1;
  const rows = configRows(readTable(sheet, CONFIG));
  if (!rows.some((r) => r.row >= first && r.row <= last && DEADLINE_SETTINGS.includes(normalizeName(r.label)))) return none;
  const config = formConfigFrom(rows);
  const form = openContestForm(ctx.services.formApp, config.formId);
  if (!form) return none;
  const parsed = config.settings;
  if (!parsed.ok) {
    return { plan: null, summary: { title: RESCHEDULE_TITLE, lines: [`Chưa dời giờ đóng biểu mẫu vì trang "${CONFIG.name}" có lỗi: ${problemsText(parsed.problems)}`], warnings: [] } };
  }
  const plan = scheduleDeadline(ctx, form, parsed.value);
  return { plan, summary: { title: RESCHEDULE_TITLE, lines: [describeDeadlinePlan(plan, parsed.value)], warnings: [] } };
}

/** The scheduler's clock trigger, through the trigger door. */
export const scheduledJobsTrigger = schedulerTrigger(SCHEDULED_JOBS);
