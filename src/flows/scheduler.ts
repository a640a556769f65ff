// One clock trigger per contest document, a scheduler: it runs every job that is due and re-arms itself for the next.
// A clock trigger of an Editor add-on has no active spreadsheet, so the trigger's id is mapped to the spreadsheet's in
// the organizer's user properties. Firing early or late is harmless: a job runs only once it is due, and every job is
// idempotent (closing a closed form changes nothing).
import type { Settings } from '../domain/types';
import { formatDateTime } from '../domain/parse';
import { isContestError } from '../sheets/errors';
import { readFormConfig } from '../sheets/formConfig';
import type { TriggerAction } from './action';
import { contestStore, problemsText, type ActionContext, type Summary } from './context';
import { SCHEDULER_HANDLER, documentTriggers } from './triggers';

/** A job the scheduler runs at a time the settings give. */
export interface ScheduledJob {
  name: string;
  /** When it is due (null: never, e.g. the form stays open because late entries are accepted). */
  dueAt(settings: Settings): Date | null;
  /** Runs it; returns its "Nhật ký" lines. */
  run(ctx: ActionContext, settings: Settings): string[];
}

/** User property: {"<trigger unique id>": {"spreadsheetId": "…", "at": ms}} for every scheduler trigger of this user. */
export const SCHEDULE_PROPERTY = 'hoithi.scheduler';

interface ScheduleEntry {
  spreadsheetId: string;
  at: number;
}
type Schedule = Record<string, ScheduleEntry>;

function parseSchedule(raw: string | null): Schedule {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Schedule) : {};
  } catch {
    // A damaged record only costs one recreated trigger.
    return {};
  }
}

/** The spreadsheet a firing scheduler trigger belongs to ('' when the record does not know it). */
export function scheduledSpreadsheetId(userProperties: GoogleAppsScript.Properties.Properties, triggerUid: string): string {
  return parseSchedule(userProperties.getProperty(SCHEDULE_PROPERTY))[triggerUid]?.spreadsheetId ?? '';
}

/** The first time after `now` at which a job falls due, or null when none will. */
export function nextDue(jobs: ScheduledJob[], settings: Settings, now: Date): Date | null {
  let next: number | null = null;
  for (const job of jobs) {
    const at = job.dueAt(settings);
    if (at && at.getTime() > now.getTime() && (next === null || at.getTime() < next)) next = at.getTime();
  }
  return next === null ? null : new Date(next);
}

/**
 * Leaves exactly one scheduler trigger on this document, at the next due time (none when nothing is
 * due). One already at that time is kept, unless it is `firing` (a one-time trigger fires once).
 * Record entries of this document's deleted triggers go; other documents' entries stay.
 */
export function armScheduler(ctx: ActionContext, jobs: ScheduledJob[], settings: Settings, firing = ''): Date | null {
  const at = nextDue(jobs, settings, ctx.now);
  const store = ctx.services.propertiesService.getUserProperties();
  const raw = store.getProperty(SCHEDULE_PROPERTY);
  const schedule = parseSchedule(raw);
  const id = ctx.spreadsheet.getId();
  let kept = false;
  for (const t of documentTriggers(ctx, SCHEDULER_HANDLER)) {
    const uid = t.getUniqueId();
    if (!kept && uid !== firing && at !== null && schedule[uid]?.at === at.getTime()) {
      kept = true;
      continue;
    }
    ctx.services.scriptApp.deleteTrigger(t);
    delete schedule[uid];
  }
  if (firing) delete schedule[firing];
  for (const [uid, entry] of Object.entries(schedule)) if (entry.spreadsheetId === id && !kept) delete schedule[uid];
  if (at !== null && !kept) {
    const trigger = ctx.services.scriptApp.newTrigger(SCHEDULER_HANDLER).timeBased().at(at).create();
    schedule[trigger.getUniqueId()] = { spreadsheetId: id, at: at.getTime() };
  }
  const text = JSON.stringify(schedule);
  if (text !== (raw ?? '{}')) store.setProperty(SCHEDULE_PROPERTY, text);
  return at;
}

/** Document property: {"<job name>": due time (ms) it last ran for}. */
export const DONE_PROPERTY = 'hoithi.scheduler.done';

function parseDone(raw: string | null): Record<string, number> {
  const parsed = parseSchedule(raw) as unknown;
  return parsed as Record<string, number>;
}

/** A run this many minutes after its time is reported as late (Google fires clock triggers within about 15 minutes). */
const LATE_MINUTES = 15;

export const SCHEDULER_TITLE = 'Lịch tự động';

/**
 * The scheduler's clock trigger: reads "Cấu hình", runs every job already due, and re-arms for the
 * next one. A run that comes early runs nothing and re-arms at the right time.
 */
export function schedulerTrigger(jobs: ScheduledJob[]): TriggerAction<{ triggerUid?: string } | undefined> {
  return {
    title: SCHEDULER_TITLE,
    run: (ctx, event): Summary => {
      const parsed = readFormConfig(ctx.spreadsheet).settings;
      if (!parsed.ok)
        return { title: SCHEDULER_TITLE, lines: [`Trang "Cấu hình" có lỗi nên chưa chạy việc nào theo lịch: ${problemsText(parsed.problems)}`], warnings: [] };
      const settings = parsed.value;
      const lines: string[] = [];
      // Each job runs once per due time: a later firing (for the next job) does not close again a form the
      // organizers reopened by hand; a due time moved later makes it due again.
      const doneStore = contestStore(ctx);
      const doneRaw = doneStore.getProperty(DONE_PROPERTY);
      const done = parseDone(doneRaw);
      for (const job of jobs) {
        const at = job.dueAt(settings);
        if (!at || at.getTime() > ctx.now.getTime() || done[job.name] === at.getTime()) continue;
        done[job.name] = at.getTime();
        const lateBy = Math.floor((ctx.now.getTime() - at.getTime()) / 60000);
        if (lateBy >= LATE_MINUTES)
          lines.push(
            `${job.name}: chạy lúc ${formatDateTime(ctx.now, settings.timeZone)}, trễ ${lateBy} phút so với ${formatDateTime(at, settings.timeZone)}.`,
          );
        // One job failing (e.g. the Page not connected) neither stops the others nor the re-arming.
        try {
          lines.push(...job.run(ctx, settings));
        } catch (error) {
          if (!isContestError(error)) throw error;
          lines.push(`${job.name}: chưa thực hiện được: ${problemsText(error.problems)}`);
        }
      }
      const doneText = JSON.stringify(done);
      if (doneText !== (doneRaw ?? '{}')) doneStore.setProperty(DONE_PROPERTY, doneText);
      const next = armScheduler(ctx, jobs, settings, event?.triggerUid ?? '');
      if (lines.length === 0 && next) lines.push(`Chưa đến giờ; lần chạy tiếp theo: ${formatDateTime(next, settings.timeZone)}.`);
      return { title: SCHEDULER_TITLE, lines, warnings: [] };
    },
  };
}
