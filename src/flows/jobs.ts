// The per-document scheduler's jobs (closing the form at "Hạn nộp bài", freezing the Fanpage counts at "Kết thúc
// bình chọn"), arming it after the settings change, and its clock trigger.
import { normalizeName } from '../domain/parse';
import type { Settings } from '../domain/types';
import { CONFIG, readConfigEdit, type ConfigEdit } from '../sheets/config';
import { formConfigFrom } from '../sheets/formConfig';
import { openContestForm } from '../forms/recordedForm';
import { problemsText, type ActionContext, type Summary } from './context';
import { applyDeadline, deadlineJob, describeDeadlinePlan, type DeadlinePlan } from './deadline';
import { freezeEngagement } from './fanpage';
import { armScheduler, schedulerTrigger, type ScheduledJob } from './scheduler';

type Form = GoogleAppsScript.Forms.Form;

/** The last read of the Page's counts at the end of the voting window, which marks them final. */
export const engagementFreezeJob: ScheduledJob = {
  name: 'Chốt tương tác Fanpage',
  dueAt: (settings) => settings.votingEnd,
  run: (ctx) => {
    const { summary } = freezeEngagement(ctx);
    return [...summary.lines, ...summary.warnings];
  },
};

/** Every job of the per-document scheduler. */
export const SCHEDULED_JOBS: ScheduledJob[] = [deadlineJob, engagementFreezeJob];

/** The scheduler's clock trigger, through the trigger door. */
export const scheduledJobsTrigger = schedulerTrigger(SCHEDULED_JOBS);

/**
 * The form's state for the deadline now (see applyDeadline) and the document's scheduler trigger at
 * the next job's time, so changing a setting and re-running "Tạo / liên kết biểu mẫu" or a sync moves
 * it (one already at that time is kept).
 */
export function scheduleContest(ctx: ActionContext, form: Form, settings: Settings): DeadlinePlan {
  const plan = applyDeadline(ctx, form, settings);
  armScheduler(ctx, SCHEDULED_JOBS, settings);
  return plan;
}

export const RESCHEDULE_TITLE = 'Dời giờ đóng biểu mẫu theo "Cấu hình"';

/** What a settings edit did to the deadline: the plan (null when nothing was scheduled) and its "Nhật ký" line. */
export interface DeadlineOutcome {
  plan: DeadlinePlan | null;
  summary: Summary | null;
}

/** "Cấu hình" settings whose change moves a job or cancels it. */
const DEADLINE_SETTINGS = ['Hạn nộp bài', 'Nhận bài nộp trễ', 'Múi giờ', 'Kết thúc bình chọn'].map(normalizeName);

/**
 * The installable edit trigger's part for "Cấu hình": when an edit touches the "Hạn nộp bài", "Nhận bài
 * nộp trễ" or "Múi giờ" row, re-reads the settings and reschedules (or closes/reopens) the form.
 * Any other edit costs two calls and changes nothing. `edit`: the trigger's one read of "Cấu hình", when it has it.
 */
export function rescheduleAfterSettingsEdit(
  ctx: ActionContext,
  range: GoogleAppsScript.Spreadsheet.Range,
  edit: ConfigEdit | null = readConfigEdit(range),
): DeadlineOutcome {
  const none: DeadlineOutcome = { plan: null, summary: null };
  if (!edit) return none;
  const { rows, first, last } = edit;
  if (!rows.some((r) => r.row >= first && r.row <= last && DEADLINE_SETTINGS.includes(normalizeName(r.label)))) return none;
  const config = formConfigFrom(rows);
  const form = openContestForm(ctx.services.formApp, config.formId);
  if (!form) return none;
  const parsed = config.settings;
  if (!parsed.ok) {
    return {
      plan: null,
      summary: {
        title: RESCHEDULE_TITLE,
        lines: [`Chưa dời giờ đóng biểu mẫu vì trang "${CONFIG.name}" có lỗi: ${problemsText(parsed.problems)}`],
        warnings: [],
      },
    };
  }
  const plan = scheduleContest(ctx, form, parsed.value);
  return { plan, summary: { title: RESCHEDULE_TITLE, lines: [describeDeadlinePlan(plan, parsed.value)], warnings: [] } };
}
