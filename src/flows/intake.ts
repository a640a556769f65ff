// Intake: form responses → "Bài dự thi" + "Thẩm định" rows under the script lock (the rules for each row are in forms/intakeRules.ts).
import { APPRAISAL_LABELS } from '../domain/appraisal';
import { formatDateTime } from '../domain/parse';
import { submissionStatus } from '../domain/scoring';
import { DEFAULT_TIME_ZONE } from '../domain/settings';
import type { AppraisalCriterion, Parsed, Settings } from '../domain/types';
import { WARNING_DUPLICATE_LINK, alreadyPresent, buildSubmission, existingFrom, settleDuplicateLinks, type NewSubmission } from '../forms/intakeRules';
import { QUESTIONS } from '../forms/questions';
import { isBlankResponse, readResponse } from '../forms/response';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_SHEET, appraisalSchema, tickKey } from '../sheets/appraisal';
import { readSettings } from '../sheets/config';
import { isContestError } from '../sheets/errors';
import { SUBMISSIONS, appendSubmissionRows, intakeRecords, intakeTable, knownResponseIds, type NewSubmissionRow } from '../sheets/submissions';
import { appendRows, readSheet, readTable, requireSheet } from '../sheets/table';
import { rosterUnits } from '../sheets/units';
import type { TriggerAction } from './action';
import { sendConfirmationEmails } from './confirmationEmail';
import { LOCK_BUSY, problemsText, withLock, type ActionContext, type Summary } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

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
 * settings, roster and criteria are read before the script lock is taken (other submitters wait for
 * the lock, so it is held only for what depends on them): under the lock the two tables are read once
 * each, then each is written with one setValues, so a missing sheet or header stops the run with
 * nothing written. Calls per submission do not grow with the rows already there. Throws a
 * ContestError coded LOCK_BUSY when the lock cannot be taken within `waitMs`. `settingsRead` is "Cấu hình" as the
 * caller already read it (read here when not given).
 */
export function ingestResponses(ctx: ActionContext, responses: FormResponse[], waitMs: number, settingsRead?: Parsed<Settings>): IntakeResult {
  const result: IntakeResult = { added: [], alreadyPresent: 0, blank: 0, mailed: 0, notes: [] };
  let pending = responses;
  if (responses.length > 1) {
    // A sync re-reads every response and reading answers costs several calls per response, so those
    // whose id is already in "Bài dự thi" are set aside first with one getValues (re-checked under the lock).
    // Telling them apart still costs one getId per response: the Forms service has no cheaper way.
    const known = knownResponseIds(ctx.spreadsheet);
    pending = responses.filter((r) => !known.has(r.getId()));
    result.alreadyPresent = responses.length - pending.length;
  }
  const read = pending.map((r) => readResponse(ctx.services.formApp, r)).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
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
export type SubmitOutcome =
  | { kind: 'added'; submission: NewSubmission }
  | { kind: 'duplicate' }
  | { kind: 'blank' }
  | { kind: 'deferred' };

export const INTAKE_TITLE = 'Nhận bài dự thi';

/**
 * The onFormSubmit trigger: one response in, at most one row out. A missing or empty event adds
 * nothing; a response already present (Google fires some triggers twice) is skipped; a lock that
 * cannot be taken leaves the response for "Đồng bộ bài dự thi" and says so in "Nhật ký". A normal
 * submission is recorded by its row: "Nhật ký" only gets what the organizer must act on.
 */
export function handleFormSubmit(ctx: ActionContext, response: FormResponse | null | undefined): { outcome: SubmitOutcome; summary: Summary | null } {
  if (!response) return { outcome: { kind: 'blank' }, summary: null };
  let result: IntakeResult;
  try {
    result = ingestResponses(ctx, [response], SUBMIT_LOCK_WAIT_MS);
  } catch (e) {
    if (!isContestError(e) || e.problems[0]?.code !== LOCK_BUSY) throw e;
    const sentAt = formatDateTime(new Date(response.getTimestamp().getTime()), ctx.spreadsheet.getSpreadsheetTimeZone());
    const line = `Hệ thống đang bận nên chưa ghi phản hồi ${response.getId()} (gửi lúc ${sentAt}); hãy chạy "Hội thi → Đồng bộ bài dự thi" để thêm.`;
    return { outcome: { kind: 'deferred' }, summary: { title: INTAKE_TITLE, lines: [line], warnings: [] } };
  }
  const added = result.added[0];
  const summary = result.notes.length > 0 ? { title: INTAKE_TITLE, lines: result.notes, warnings: [] } : null;
  const outcome: SubmitOutcome = added ? { kind: 'added', submission: added } : result.blank > 0 ? { kind: 'blank' } : { kind: 'duplicate' };
  return { outcome, summary };
}

/** The form-submit trigger through the trigger door. */
export const intakeTrigger: TriggerAction<FormResponse | null | undefined> = {
  title: INTAKE_TITLE,
  run: (ctx, response) => handleFormSubmit(ctx, response).summary,
};
