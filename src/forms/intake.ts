// Intake: form responses → "Bài dự thi" + "Thẩm định" rows under the script lock (the rules for each row are in intake-rules.ts).
import { APPRAISAL_LABELS } from '../domain/appraisal';
import { formatDateTime, isDate, parseDateTime } from '../domain/parse';
import { submissionStatus } from '../domain/scoring';
import { DEFAULT_TIME_ZONE } from '../domain/settings';
import type { AppraisalCriterion, Parsed, Settings } from '../domain/types';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_SHEET, appraisalSchema, tickKey } from '../sheets/appraisal';
import { joinAuditDetails } from '../sheets/audit';
import { readSettings } from '../sheets/config';
import type { ColumnSpec, SheetSchema } from '../sheets/schema';
import { SUBMISSIONS, type SubmissionKey } from '../sheets/submissions';
import { appendRows, cell, readSheet, readTable, requireSheet, text, updateRows, type Table } from '../sheets/table';
import { sendConfirmationEmails } from './confirmation-email';
import { logToAudit, problemsText, type IntakeDeps } from './form-deps';
import {
  WARNING_DUPLICATE_LINK,
  addLinkEntry,
  alreadyPresent,
  buildSubmission,
  fingerprint,
  settleDuplicateLinks,
  type ExistingSubmissions,
  type NewSubmission,
} from './intake-rules';
import { videoKey } from './links';
import { isBlankResponse, readResponse } from './response';
import { rosterUnits } from './unit-links';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

/** Extra column (allowed by SPEC: organizers may add columns) holding Google's response id, so a response is never imported twice. */
export const RESPONSE_ID_HEADER = 'Mã phản hồi';

/** How long a submission waits for another execution to finish writing before giving up (sync picks it up later). */
export const SUBMIT_LOCK_WAIT_MS = 30_000;
export const SYNC_LOCK_WAIT_MS = 60_000;

type IntakeKey = SubmissionKey | 'responseId';

/** "Bài dự thi" as the intake reads it: SPEC's columns plus the optional response-id column. */
export const INTAKE_SCHEMA: SheetSchema<IntakeKey> = {
  ...SUBMISSIONS,
  columns: [
    ...(SUBMISSIONS.columns as ColumnSpec<IntakeKey>[]),
    { key: 'responseId', header: RESPONSE_ID_HEADER, role: 'computed', required: false, width: 160, note: 'Mã phản hồi của Google Biểu mẫu; add-on dùng để không ghi một bài hai lần.' },
  ],
};

/**
 * Collects what the current "Bài dự thi" rows tell new ones. `timeZone` reads times typed as text
 * ("01/06/2023 08:00"), so duplicate links are ordered by when they were sent and a row typed by
 * hand is recognised whether its time is a date cell or text.
 */
export function existingFrom(table: Table<IntakeKey>, timeZone: string = DEFAULT_TIME_ZONE): ExistingSubmissions {
  const existing: ExistingSubmissions = { ids: [], responseIds: new Set(), fingerprints: new Set(), byVideo: new Map() };
  for (const row of table.rows) {
    const id = text(table, row, 'id');
    if (id !== '') existing.ids.push(id);
    const rid = text(table, row, 'responseId');
    const video = text(table, row, 'video');
    const parsed = parseDateTime(cell(table, row, 'time'), timeZone);
    const time = isDate(parsed) ? parsed : null;
    // Rows we wrote carry the response id; only rows without one (typed or pasted by hand) need content matching.
    if (rid !== '') existing.responseIds.add(rid);
    else existing.fingerprints.add(fingerprint(time, text(table, row, 'title'), video));
    const key = videoKey(video);
    if (key === '' || id === '') continue;
    addLinkEntry(existing, key, { id, time: time ? time.getTime() : null, row: row.row, flags: text(table, row, 'flags') });
  }
  return existing;
}

/** The response-id column, created at the end of row 1 the first time it is needed. */
function submissionsTable(sheet: Sheet): Table<IntakeKey> {
  const table = readTable(sheet, INTAKE_SCHEMA);
  if (table.col.responseId >= 0) return table;
  const column = Math.max(sheet.getLastColumn(), table.width) + 1;
  sheet.getRange(1, column).setValue(RESPONSE_ID_HEADER);
  return readTable(sheet, INTAKE_SCHEMA);
}

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

/** The lock could not be taken in time; nothing was written. */
export class LockBusyError extends Error {
  constructor() {
    super('lock busy');
    this.name = 'LockBusyError';
  }
}

/**
 * Adds the responses not yet in "Bài dự thi" (and their "Thẩm định" rows), oldest first. Responses,
 * settings, roster and criteria are read before the script lock is taken (other submitters wait for
 * the lock, so it is held only for what depends on them): under the lock the two tables are read once
 * each, then each is written with one setValues, so a missing sheet or header stops the run with
 * nothing written. Calls per submission do not grow with the rows already there. Throws
 * LockBusyError when the lock cannot be taken within `waitMs`. `settingsRead` is "Cấu hình" as the
 * caller already read it (read here when not given).
 */
export function ingestResponses(deps: IntakeDeps, responses: FormResponse[], waitMs: number, settingsRead?: Parsed<Settings>): IntakeResult {
  const result: IntakeResult = { added: [], alreadyPresent: 0, blank: 0, mailed: 0, notes: [] };
  let pending = responses;
  if (responses.length > 1) {
    // A sync re-reads every response and reading answers costs several calls per response, so those
    // whose id is already in "Bài dự thi" are set aside first with one getValues (re-checked under the lock).
    // Telling them apart still costs one getId per response: the Forms service has no cheaper way.
    const known = knownResponseIds(deps.spreadsheet);
    pending = responses.filter((r) => !known.has(r.getId()));
    result.alreadyPresent = responses.length - pending.length;
  }
  const read = pending.map((r) => readResponse(deps.formApp, r)).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const candidates = read.filter((r) => {
    if (!isBlankResponse(r)) return true;
    result.blank++;
    return false;
  });
  if (candidates.length === 0) return result;

  // Organizer-maintained sheets, read once and outside the lock.
  const ss = deps.spreadsheet;
  let settings: Settings | null = null;
  const parsed = settingsRead ?? readSettings(ss);
  if (parsed.ok) settings = parsed.value;
  else result.notes.push(`Trang "Cấu hình" có lỗi nên chưa kiểm tra nộp trễ: ${problemsText(parsed.problems)}`);
  const { units } = rosterUnits(ss);
  const criteria = readCriteria(ss);
  const submissionSheet = requireSheet(ss, SUBMISSIONS.name);
  const appraisalSheet = requireSheet(ss, APPRAISAL_SHEET);

  if (!deps.lock.tryLock(waitMs)) throw new LockBusyError();
  try {
    // What other executions write: read only while holding the lock.
    const submissions = submissionsTable(submissionSheet);
    const appraisal = readTable(appraisalSheet, appraisalSchema(criteria));

    const existing = existingFrom(submissions, settings?.timeZone ?? DEFAULT_TIME_ZONE);
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
    if (result.added.length > 0) {
      const keys: IntakeKey[] = ['id', 'time', 'unit', 'entryType', 'authors', 'title', 'video', 'length', 'contact', 'phone', 'email', 'flags', 'status', 'responseId'];
      appendRows(
        submissions,
        keys,
        result.added.map((s) => [
          s.id,
          s.time,
          s.unit,
          s.answers.entryType,
          s.answers.authors,
          s.answers.title,
          s.answers.videoLink,
          s.answers.length,
          s.answers.contactName,
          s.answers.phone,
          s.answers.email,
          s.warnings.join('; '),
          // A late entry not accepted says so from the start instead of waiting for appraisal.
          submissionStatus({ submittedAt: s.time }, 'pending', settings),
          s.responseId,
        ]),
      );
      // Existing rows re-flagged above: only their "Cảnh báo" cells change.
      updateRows(submissions, ['flags'], new Map(relinked.map((r) => [r.row, [r.flags]])));
      const tickKeys = criteria.map((c) => tickKey(c.code));
      appendRows(
        appraisal,
        ['id', 'unit', 'title', 'video', ...tickKeys, 'result'],
        result.added.map((s) => [s.id, s.unit, s.answers.title, s.answers.videoLink, ...tickKeys.map(() => false), APPRAISAL_LABELS.pending]),
      );
      // Writes are buffered per execution; the next execution must see them once it holds the lock.
      deps.flush();
    }
  } finally {
    deps.lock.releaseLock();
  }
  if (settings) {
    const mailed = sendConfirmationEmails(deps.mail, settings, result.added);
    result.mailed = mailed.sent;
    result.notes.push(...mailed.notes);
  }
  return result;
}

/** Response ids already written to "Bài dự thi" (empty when the sheet or the column is not there yet). */
function knownResponseIds(ss: Spreadsheet): Set<string> {
  const sheet = ss.getSheetByName(SUBMISSIONS.name);
  if (!sheet) return new Set();
  const table = readTable(sheet, INTAKE_SCHEMA);
  return new Set(table.rows.map((r) => text(table, r, 'responseId')).filter((id) => id !== ''));
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

/**
 * The onFormSubmit trigger: one response in, at most one row out. A missing or empty event adds
 * nothing; a response already present (Google fires some triggers twice) is skipped; a lock that
 * cannot be taken leaves the response for "Đồng bộ bài dự thi" and says so in "Nhật ký".
 */
export function handleFormSubmit(deps: IntakeDeps, response: FormResponse | null | undefined): SubmitOutcome {
  if (!response) return { kind: 'blank' };
  let result: IntakeResult;
  try {
    result = ingestResponses(deps, [response], SUBMIT_LOCK_WAIT_MS);
  } catch (e) {
    if (!(e instanceof LockBusyError)) throw e;
    const sentAt = formatDateTime(new Date(response.getTimestamp().getTime()), deps.spreadsheet.getSpreadsheetTimeZone());
    logToAudit(deps, 'Nhận bài dự thi', `Hệ thống đang bận nên chưa ghi phản hồi ${response.getId()} (gửi lúc ${sentAt}); hãy chạy "Hội thi → Đồng bộ bài dự thi" để thêm.`);
    return { kind: 'deferred' };
  }
  const added = result.added[0];
  // A normal submission is recorded by its row; "Nhật ký" only gets what the organizer must act on.
  if (result.notes.length > 0) logToAudit(deps, 'Nhận bài dự thi', joinAuditDetails(result.notes));
  if (added) return { kind: 'added', submission: added };
  return result.blank > 0 ? { kind: 'blank' } : { kind: 'duplicate' };
}
