// "Nhắc giám khảo": e-mails each juror who still has missing or unreadable marks, with a link to their own tab; at most once a day unless asked again.
import { runContest } from '../domain/contest';
import { formatDateTime } from '../domain/parse';
import type { JurorProgress } from '../domain/progress';
import { wallClock } from '../domain/zone';
import { ContestError } from '../sheets/errors';
import { JURY_PROGRESS, lastReminders } from '../sheets/juryProgress';
import { readTable } from '../sheets/table';
import { readContest, readSettingsOrThrow, type JuryTabState } from '../sheets/workbook';
import type { MenuAction } from './action';
import { assertCanWrite, type ActionContext, type Summary } from './context';
import { writeJuryProgress, writeReminders } from './juryProgress';
import { childLines } from './outline';

export const REMIND_TITLE = 'Nhắc giám khảo';

/** What the menu asked first: true when the organizer insists on reminding again jurors already reminded today. */
export interface RemindInput {
  again: boolean;
}

/** True when `a` and `b` fall on the same calendar day in `timeZone`. */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const x = wallClock(a.getTime(), timeZone);
  const y = wallClock(b.getTime(), timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/**
 * Names of the jurors "Tiến độ chấm" says were reminded today (contest time zone): the menu asks
 * whether to remind them again. [] when the sheet or the settings cannot be read (the action itself
 * then says what is wrong).
 */
export function jurorsRemindedToday(ctx: ActionContext): string[] {
  try {
    const sheet = ctx.spreadsheet.getSheetByName(JURY_PROGRESS.name);
    if (!sheet) return [];
    const { timeZone } = readSettingsOrThrow(ctx.spreadsheet);
    const table = readTable(sheet, JURY_PROGRESS);
    const last = lastReminders(table);
    const names = new Map(
      table.rows.map((r) => [
        String(r.cells[table.col.code] ?? '')
          .trim()
          .toUpperCase(),
        String(r.cells[table.col.name] ?? '').trim(),
      ]),
    );
    return [...last].filter(([, at]) => sameDay(at, ctx.now, timeZone)).map(([code]) => names.get(code) || code);
  } catch {
    return [];
  }
}

/** The link that opens a juror's own tab: the spreadsheet's URL with `#gid=<sheetId>`. */
export function tabLink(spreadsheetUrl: string, sheetId: number): string {
  return `${spreadsheetUrl.replace(/#.*$/, '')}#gid=${sheetId}`;
}

/** Subject and plain-text body of one reminder. */
export function reminderMail(contestName: string, p: JurorProgress, tabName: string, link: string): { subject: string; body: string } {
  const lines = [
    `Kính gửi ${p.name},`,
    '',
    `Ban tổ chức ${contestName} xin nhắc: phiếu chấm của Quý giám khảo (trang "${tabName}") còn ${p.notMarked.length} bài cần chấm.`,
  ];
  if (p.missing.length > 0) lines.push(`- Chưa có điểm (${p.missing.length} bài): ${p.missing.join(', ')}`);
  const invalid = p.invalid.map((m) => `${m.clipId} (dòng ${m.row}, cột "${m.column}")`);
  if (invalid.length > 0) lines.push(`- Điểm không hợp lệ, cần nhập lại (${invalid.length} ô): ${invalid.join(', ')}`);
  lines.push('', `Mở phiếu chấm: ${link}`, '', 'Trân trọng,', `Ban tổ chức ${contestName}`);
  return { subject: `[${contestName}] Nhắc chấm điểm: còn ${p.notMarked.length} bài`, body: lines.join('\n') };
}

interface Target {
  progress: JurorProgress;
  email: string;
  tab: JuryTabState;
}

/** Who is reminded, who was already reminded today, and the warnings about jurors who cannot be reminded. */
interface Targets {
  targets: Target[];
  skippedToday: string[];
  warnings: string[];
}

/** The jurors with missing or unreadable marks who have an email and a tab, and were not reminded today (unless `again`). */
function chooseTargets(now: Date, progress: JurorProgress[], tabs: JuryTabState[], last: Map<string, Date>, again: boolean, timeZone: string): Targets {
  const out: Targets = { targets: [], skippedToday: [], warnings: [] };
  progress.forEach((p, n) => {
    if (p.notMarked.length === 0) return;
    const tab = tabs[n];
    const who = `${p.name} (${p.jurorCode})`;
    if (!tab.juror.email) {
      out.warnings.push(`Không nhắc được giám khảo ${who}: chưa có email ở trang "Ban giám khảo", dòng ${tab.juror.row}, cột "Email".`);
      return;
    }
    if (!tab.table) {
      out.warnings.push(`Không nhắc được giám khảo ${who}: chưa có phiếu chấm; hãy chạy "Chuẩn bị phiếu chấm BGK".`);
      return;
    }
    const at = last.get(p.jurorCode.toUpperCase());
    if (at && !again && sameDay(at, now, timeZone)) {
      out.skippedToday.push(`${who} – đã nhắc lúc ${formatDateTime(at, timeZone)}`);
      return;
    }
    out.targets.push({ progress: p, email: tab.juror.email, tab });
  });
  return out;
}

function skippedLines(skippedToday: string[]): string[] {
  return skippedToday.length > 0 ? ['Đã nhắc hôm nay (không nhắc lại):', ...childLines(skippedToday)] : [];
}

/** Stops before any mail when MailApp's remaining daily quota is below `needed`. */
function requireQuota(ctx: ActionContext, needed: number): void {
  const quota = ctx.services.mailApp.getRemainingDailyQuota();
  if (quota < needed) {
    throw new ContestError([
      {
        code: 'mail.quota',
        severity: 'stops-action',
        message: `Hạn mức gửi email hôm nay của tài khoản chỉ còn ${quota} email, cần ${needed} email để nhắc ${needed} giám khảo. Chưa gửi email nào; hãy thử lại vào ngày mai hoặc nhắc trực tiếp.`,
        sheet: JURY_PROGRESS.name,
      },
    ]);
  }
}

/** One mail per target; a failed send is a warning. Returns when each juror was reminded, and a line per mail sent. */
function sendReminders(ctx: ActionContext, contestName: string, targets: Target[], warnings: string[]): { sent: Map<string, Date>; sentLines: string[] } {
  const url = ctx.spreadsheet.getUrl();
  const sent = new Map<string, Date>();
  const sentLines: string[] = [];
  for (const t of targets) {
    const sheet = t.tab.table!.sheet;
    const mail = reminderMail(contestName, t.progress, sheet.getName(), tabLink(url, sheet.getSheetId()));
    try {
      ctx.services.mailApp.sendEmail(t.email, mail.subject, mail.body);
      sent.set(t.progress.jurorCode, ctx.now);
      sentLines.push(`${t.progress.name} (${t.progress.jurorCode}) <${t.email}>: ${t.progress.notMarked.length} bài – ${t.progress.notMarked.join(', ')}`);
    } catch (e) {
      warnings.push(`Không gửi được email nhắc giám khảo ${t.progress.name} (${t.email}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { sent, sentLines };
}

/**
 * Sends one reminder per juror with missing or unreadable marks, then records the time in "Nhắc lần
 * cuối" of "Tiến độ chấm" (the runner's "Nhật ký" line names them). Jurors reminded earlier the same
 * day are skipped unless `input.again`; a juror without an email or a tab is named in the warnings.
 * Refuses before sending anything when MailApp's remaining daily quota is below the number of mails.
 */
export function remindJurors(ctx: ActionContext, input: RemindInput): Summary {
  const read = readContest(ctx.spreadsheet);
  const output = runContest(read.input);
  const { settings } = read.rules;
  assertCanWrite(ctx, REMIND_TITLE, [JURY_PROGRESS.name], read.sheets);
  const written = writeJuryProgress(ctx, output.jurorProgress, new Map(), read.sheets);
  const { targets, skippedToday, warnings } = chooseTargets(ctx.now, output.jurorProgress, read.juryTabs, written.last, input.again, settings.timeZone);
  if (targets.length === 0) {
    const none =
      skippedToday.length > 0
        ? 'Không gửi email nào: các giám khảo còn thiếu điểm đều đã được nhắc hôm nay.'
        : 'Không gửi email nào: không giám khảo nào còn thiếu điểm.';
    return { title: REMIND_TITLE, lines: [none, ...skippedLines(skippedToday)], warnings };
  }
  requireQuota(ctx, targets.length);
  const { sent, sentLines } = sendReminders(ctx, settings.contestName, targets, warnings);
  if (sent.size > 0) writeReminders(ctx, output.jurorProgress, written, sent, read.sheets);
  const lines = [`Đã gửi email nhắc ${sent.size} giám khảo:`, ...childLines(sentLines, 50), ...skippedLines(skippedToday)];
  lines.push(`Thời gian nhắc được ghi ở cột "Nhắc lần cuối" của trang "${JURY_PROGRESS.name}".`);
  return { title: REMIND_TITLE, lines, warnings };
}

export const remindAction: MenuAction<RemindInput> = { title: REMIND_TITLE, run: remindJurors };
