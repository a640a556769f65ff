// Closing the form at "Hạn nộp bài": the one deadline trigger, its plan, the trigger handler and the settings-edit reschedule.
import { formatDateTime, normalizeName } from '../domain/parse';
import type { Settings } from '../domain/types';
import { typographicQuotes } from '../domain/quotes';
import { openContestForm } from '../forms/recordedForm';
import { CONFIG, configRows } from '../sheets/config';
import { formConfigFrom, readFormConfig } from '../sheets/formConfig';
import { readTable } from '../sheets/table';
import type { TriggerAction } from './action';
import { problemsText, type ActionContext, type Summary } from './context';

type Form = GoogleAppsScript.Forms.Form;
type ScriptAppService = GoogleAppsScript.Script.ScriptApp;
type Properties = GoogleAppsScript.Properties.Properties;

/** Handler name of the time-driven trigger (entry point in src/main.ts). */
export const DEADLINE_HANDLER = 'closeFormAtDeadline';

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

/**
 * Document property remembering when each deadline trigger fires ({"<trigger unique id>": ms since
 * epoch}). Apps Script cannot tell a clock trigger's time, and without this record every sync had to
 * delete and recreate the trigger. A document property, because triggers belong to the document too;
 * keyed by id, so a copied workbook (whose record names triggers that do not exist) recreates its own.
 */
export const DEADLINE_TRIGGER_PROPERTY = 'hoithi.deadlineTriggers';

type TriggerTimes = Record<string, number>;

function parseTriggerTimes(raw: string | null): TriggerTimes {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as TriggerTimes) : {};
  } catch {
    // A damaged record only costs one recreated trigger.
    return {};
  }
}

/**
 * Leaves exactly the deadline trigger `closesAt` needs (none when null): the caller's existing one is
 * kept when the record says it fires at `closesAt`, unless `replace` (the trigger running now: a
 * one-time trigger does not fire twice). Every other deadline trigger of the caller is deleted.
 * Entries for triggers the caller cannot see (another organizer's) stay in the record.
 */
function placeDeadlineTrigger(scriptApp: ScriptAppService, store: Properties | null, closesAt: Date | null, replace: boolean): void {
  const raw = store ? store.getProperty(DEADLINE_TRIGGER_PROPERTY) : null;
  const times = parseTriggerTimes(raw);
  let kept = false;
  for (const t of scriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== DEADLINE_HANDLER) continue;
    const id = t.getUniqueId();
    if (!kept && !replace && closesAt !== null && times[id] === closesAt.getTime()) {
      kept = true;
      continue;
    }
    scriptApp.deleteTrigger(t);
    delete times[id];
  }
  if (closesAt !== null && !kept) times[scriptApp.newTrigger(DEADLINE_HANDLER).timeBased().at(closesAt).create().getUniqueId()] = closesAt.getTime();
  const text = JSON.stringify(times);
  if (store && text !== (raw ?? '{}')) store.setProperty(DEADLINE_TRIGGER_PROPERTY, text);
}

/**
 * Schedules the deadline: one time-driven trigger at `Hạn nộp bài`, so changing the deadline and
 * re-running "Tạo / liên kết biểu mẫu" or a sync moves it (one already at that time is kept). A
 * deadline already past closes the form now; a form we closed is reopened when the deadline moved
 * later (or late entries are now accepted). With late entries accepted no trigger is kept: the form
 * stays open and late rows are flagged "Nộp trễ". `replace`: called from the deadline trigger itself, which never fires again.
 */
export function scheduleDeadline(ctx: ActionContext, form: Form, settings: Settings, replace = false): DeadlinePlan {
  // The deadline minute itself is still open (23:59 accepts 23:59:59), as for the voting window.
  const closesAt = new Date(Math.floor(settings.submissionDeadline.getTime() / 60000) * 60000 + 60000);
  const reopen = (): boolean => {
    if (!closedByDeadline(form)) return false;
    form.setAcceptingResponses(true);
    return true;
  };
  const open = !settings.acceptLateEntries && ctx.now.getTime() < closesAt.getTime();
  placeDeadlineTrigger(ctx.services.scriptApp, ctx.services.propertiesService.getDocumentProperties(), open ? closesAt : null, replace);
  if (settings.acceptLateEntries) return { kind: 'lateAccepted', reopened: reopen() };
  if (!open) {
    if (!form.isAcceptingResponses()) return { kind: 'alreadyClosed' };
    form.setCustomClosedFormMessage(closedMessage(settings));
    form.setAcceptingResponses(false);
    return { kind: 'closedNow' };
  }
  return { kind: 'scheduled', at: closesAt, reopened: reopen() };
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

export const DEADLINE_TITLE = 'Đóng biểu mẫu theo hạn nộp bài';
export const RESCHEDULE_TITLE = 'Dời giờ đóng biểu mẫu theo "Cấu hình"';

/** What a deadline trigger did: the plan (null when nothing was scheduled) and its "Nhật ký" line. */
export interface DeadlineOutcome {
  plan: DeadlinePlan | null;
  summary: Summary | null;
}

/**
 * The time-driven trigger at "Hạn nộp bài". It re-reads the deadline first: one moved later
 * re-schedules instead of closing; otherwise the form stops accepting responses, and "Nhật ký" says so.
 */
export function closeFormAtDeadline(ctx: ActionContext): DeadlineOutcome {
  const config = readFormConfig(ctx.spreadsheet);
  const form = openContestForm(ctx.services.formApp, config.formId);
  const parsed = config.settings;
  let plan: DeadlinePlan | null = null;
  let details: string;
  if (!form) details = 'Không mở được biểu mẫu ghi trong "Cấu hình"; chưa đóng.';
  else if (!parsed.ok) details = `Trang "Cấu hình" có lỗi nên chưa đóng biểu mẫu: ${problemsText(parsed.problems)}`;
  else {
    plan = scheduleDeadline(ctx, form, parsed.value, true);
    details = describeDeadlinePlan(plan, parsed.value);
  }
  return { plan, summary: { title: DEADLINE_TITLE, lines: [details], warnings: [] } };
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

/** The clock trigger at the deadline, through the trigger door. */
export const deadlineTrigger: TriggerAction<void> = {
  title: DEADLINE_TITLE,
  run: (ctx) => closeFormAtDeadline(ctx).summary,
};
