// Intake: form responses → "Bài dự thi" + "Thẩm định" rows under the script lock (the rules for each row are in forms/intakeRules.ts).
import { APPRAISAL_LABELS } from '../domain/appraisal';
import { formatDateTime, isDate } from '../domain/parse';
import { submissionStatus } from '../domain/scoring';
import { DEFAULT_TIME_ZONE } from '../domain/settings';
import type { AppraisalCriterion, Parsed, Settings } from '../domain/types';
import { WARNING_DUPLICATE_LINK, alreadyPresent, buildSubmission, existingFrom, settleDuplicateLinks, type NewSubmission } from '../forms/intakeRules';
import { QUESTIONS } from '../forms/questions';
import { answersFromSheet, isBlankResponse, responseRowKey, type ResponseAnswers } from '../forms/response';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_SHEET, appraisalSchema, tickKey } from '../sheets/appraisal';
import { readSettings } from '../sheets/config';
import { isContestError } from '../sheets/errors';
import { SUBMISSIONS, appendSubmissionRows, intakeRecords, intakeTable, type NewSubmissionRow } from '../sheets/submissions';
import { appendRows, readSheet, readTable, requireSheet } from '../sheets/table';
import type { ResponseSheet } from '../sheets/responses';
import { rosterUnits } from '../sheets/units';
import type { TriggerAction } from './action';
import { sendConfirmationEmails } from './confirmationEmail';
import { LOCK_BUSY, problemsText, withLock, type ActionContext, type Summary } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a submission waits for another execution to finish writing before giving up (sync picks it up later). */
export const SUBMIT_LOCK_WAIT_MS = 30_000;
export const SYNC_LOCK_WAIT_MS = 60_000;

/** What an intake run did. */
export interface IntakeResult {
  added: NewSubmission[];
  /** Responses skipped because they are already rows. */
  alreadyPresent: number;
  /** Blank responses ignored. */
  blank: number;
  /** Emails sent. */
  mailed: number;
  /** Vietnamese notes for the summary and the log (e.g. settings problems, mail quota, moved "Trùng link" flags). */
  notes: string[];
}

/**
 * Adds the responses not yet in "Bài dự thi" (and their "Thẩm định" rows), oldest first. Responses,
 * settings, roster and criteria are read before the document lock is taken (other submitters wait for
 * the lock, so it is held only for what depends on them): under the lock the two tables are read once
 * each, then each is written with one setValues, so a missing sheet or header stops the run with
 * nothing written. Calls per submission do not grow with the rows already there. Throws a
 * ContestError coded LOCK_BUSY when the lock cannot be taken within `waitMs`. `settingsRead` is "Cấu hình" as the
 * caller already read it (read here when not given).
 */
export function ingestResponses(ctx: ActionContext, responses: ResponseAnswers[], waitMs: number, settingsRead?: Parsed<Settings>): IntakeResult {
  const result: IntakeResult = { added: [], alreadyPresent: 0, blank: 0, mailed: 0, notes: [] };
  const read = [...responses].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const candidates = read.filter((r) => {
    if (!isBlankResponse(r)) return true;
    result.blank++;
    return false;
  });
  if (candidates.length === 0) return result;

  // Organizer-maintained sheets, read once and outside the lock.
  const ss = ctx.spreadsheet;
  let settings: Settings | null = null;
  const parsed = settingsRead ?? readSettings(ss);
  if (parsed.ok) settings = parsed.value;
  else result.notes.push(`Trang "Cấu hình" có lỗi nên chưa kiểm tra nộp trễ: ${problemsText(parsed.problems)}`);
  const { units } = rosterUnits(ss);
  const criteria = readCriteria(ss);
  const submissionSheet = requireSheet(ss, SUBMISSIONS.name);
  const appraisalSheet = requireSheet(ss, APPRAISAL_SHEET);

  withLock(
    ctx,
    () => {
      // What other executions write: read only while holding the lock.
      const submissions = intakeTable(submissionSheet);
      const appraisal = readTable(appraisalSheet, appraisalSchema(criteria));
      const existing = existingFrom(intakeRecords(submissions, settings?.timeZone ?? DEFAULT_TIME_ZONE));
      for (const r of candidates) {
        if (alreadyPresent(r, existing)) result.alreadyPresent++;
        else result.added.push(buildSubmission(r, units, settings, existing));
      }
      // Existing rows whose "Trùng link" flag moved because an earlier-sent response with the same link was added.
      const relinked = settleDuplicateLinks(existing, result.added);
      if (relinked.length > 0) {
        const moved = relinked.map((r) => `${r.id} (dòng ${r.row}): "${r.flags === '' ? 'không còn cảnh báo' : r.flags}"`).join(', ');
        result.notes.push(`Cảnh báo "${WARNING_DUPLICATE_LINK}" được xếp lại theo thời gian gửi (bài gửi sớm nhất không bị đánh dấu): ${moved}.`);
      }
      if (result.added.length === 0) return;
      appendSubmissionRows(
        submissions,
        result.added.map((s) => submissionRow(s, settings)),
        new Map(relinked.map((r) => [r.row, r.flags])),
      );
      const tickKeys = criteria.map((c) => tickKey(c.code));
      appendRows(
        appraisal,
        ['id', 'unit', 'title', 'video', ...tickKeys, 'result'],
        result.added.map((s) => [s.id, s.unit, s.answers.title, s.answers.videoLink, ...tickKeys.map(() => false), APPRAISAL_LABELS.pending]),
      );
      // Writes are buffered per execution; the next execution must see them once it holds the lock.
      ctx.services.spreadsheetApp.flush();
    },
    waitMs,
  );
  if (settings) {
    const mailed = sendConfirmationEmails(ctx.services.mailApp, settings, result.added);
    result.mailed = mailed.sent;
    result.notes.push(...mailed.notes);
  }
  return result;
}

/** The "Bài dự thi" row of a new submission: each answer in the column its question feeds. */
function submissionRow(s: NewSubmission, settings: Settings | null): NewSubmissionRow {
  const row: NewSubmissionRow = { id: s.id, time: s.time, flags: s.warnings.join('; '), responseId: s.responseId };
  for (const q of QUESTIONS) if (q.column) row[q.column] = s.answers[q.key];
  row.unit = s.unit;
  // A late entry not accepted says so from the start instead of waiting for appraisal.
  row.status = submissionStatus({ submittedAt: s.time }, 'pending', settings);
  return row;
}

function readCriteria(ss: Spreadsheet): AppraisalCriterion[] {
  return readAppraisalCriteria(readSheet(ss, APPRAISAL_CRITERIA)).criteria;
}

/** What the onFormSubmit handler did with one event. */
export type SubmitOutcome = { kind: 'added'; submission: NewSubmission } | { kind: 'duplicate' } | { kind: 'blank' } | { kind: 'deferred' };

export const INTAKE_TITLE = 'Nhận bài dự thi';

/** The spreadsheet form-submit event: the new row of the response sheet, its values and its answers by question title. */
export type SubmitEvent = Pick<GoogleAppsScript.Events.SheetsOnFormSubmit, 'range' | 'namedValues'> | null | undefined;

/**
 * The response in a form-submit event. The key and the timestamp come from the row's stored values
 * (what "Đồng bộ bài dự thi" reads too, so both recognise the same response); the answers come from
 * `namedValues`, the text as submitted (the sheet turns "0901…" into a number).
 */
export function responseFromEvent(e: SubmitEvent): ResponseAnswers | null {
  if (!e || !e.range || !e.namedValues) return null;
  const stored = e.range.getValues()[0] ?? [];
  const stamp = stored[0];
  if (!isDate(stamp)) return null;
  const pairs = Object.entries(e.namedValues).map(([title, values]) => ({ title, text: (values ?? []).join(', ') }));
  return { responseId: responseRowKey(stored), timestamp: new Date(stamp.getTime()), ...answersFromSheet(pairs) };
}

/** The responses of the response sheet read in one pass (timestamp column first, as Google writes it). */
export function responsesFromSheet(sheet: ResponseSheet): ResponseAnswers[] {
  const out: ResponseAnswers[] = [];
  for (const r of sheet.rows) {
    const stamp = r.stored[0];
    if (!isDate(stamp)) continue;
    const pairs = sheet.headers.slice(1).map((title, i) => ({ title, text: String(r.shown[i + 1] ?? '') }));
    out.push({ responseId: responseRowKey(r.stored), timestamp: new Date(stamp.getTime()), ...answersFromSheet(pairs) });
  }
  return out;
}

/**
 * The form-submit trigger: one response in, at most one row out. A missing or empty event adds
 * nothing; a response already present (Google fires some triggers twice) is skipped; a lock that
 * cannot be taken leaves the response for "Đồng bộ bài dự thi" and says so in "Nhật ký". A normal
 * submission is recorded by its row: "Nhật ký" only gets what the organizer must act on.
 */
export function handleFormSubmit(ctx: ActionContext, e: SubmitEvent): { outcome: SubmitOutcome; summary: Summary | null } {
  const response = responseFromEvent(e);
  if (!response) return { outcome: { kind: 'blank' }, summary: null };
  let result: IntakeResult;
  try {
    result = ingestResponses(ctx, [response], SUBMIT_LOCK_WAIT_MS);
  } catch (err) {
    if (!isContestError(err) || err.problems[0]?.code !== LOCK_BUSY) throw err;
    const sentAt = formatDateTime(response.timestamp, ctx.spreadsheet.getSpreadsheetTimeZone());
    const line = `Hệ thống đang bận nên chưa ghi phản hồi gửi lúc ${sentAt} (dòng ${e?.range.getRow()} của trang "${e?.range.getSheet().getName()}"); hãy chạy "Hội thi → Đồng bộ bài dự thi" để thêm.`;
    return { outcome: { kind: 'deferred' }, summary: { title: INTAKE_TITLE, lines: [line], warnings: [] } };
  }
  const added = result.added[0];
  const summary = result.notes.length > 0 ? { title: INTAKE_TITLE, lines: result.notes, warnings: [] } : null;
  const outcome: SubmitOutcome = added ? { kind: 'added', submission: added } : result.blank > 0 ? { kind: 'blank' } : { kind: 'duplicate' };
  return { outcome, summary };
}

/** The form-submit trigger through the trigger door. */
export const intakeTrigger: TriggerAction<SubmitEvent> = {
  title: INTAKE_TITLE,
  run: (ctx, e) => handleFormSubmit(ctx, e).summary,
};
