// Intake: form responses → "Bài dự thi" + "Thẩm định" rows under the script lock, gap-free IDs, warnings, never twice.
import { APPRAISAL_LABELS } from '../domain/appraisal';
import { floorToMinute, formatDateTime, normalizeName, isDate, parseDateTime } from '../domain/parse';
import { isLate, submissionStatus } from '../domain/scoring';
import { DEFAULT_TIME_ZONE } from '../domain/settings';
import type { AppraisalCriterion, Parsed, Settings, Unit } from '../domain/types';
import { matchUnit } from '../domain/units';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_SHEET, appraisalSchema, tickKey } from '../sheets/appraisal';
import { appendAudit, joinAuditDetails } from '../sheets/audit';
import { readSettings } from '../sheets/config';
import type { ColumnSpec, SheetSchema } from '../sheets/schema';
import { SUBMISSIONS, type SubmissionKey } from '../sheets/submissions';
import { appendRows, cell, readTable, requireSheet, text, updateRows, type Table } from '../sheets/table';
import { UNITS, readUnits } from '../sheets/units';
import { videoKey } from './links';
import { QUESTIONS, type QuestionKey } from './questions';
import { typographicQuotes } from './quotes';
import { isBlankResponse, readResponse, type ResponseAnswers } from './response';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

/** Services the intake needs, handed in so tests run it in the emulator and main.ts passes Google's. */
export interface IntakeDeps {
  spreadsheet: Spreadsheet;
  formApp: GoogleAppsScript.Forms.FormApp;
  /** LockService.getScriptLock(): one lock shared by every execution of the script. */
  lock: GoogleAppsScript.Lock.Lock;
  /** SpreadsheetApp.flush: writes must reach the sheet before the lock is released. */
  flush: () => void;
  mail: GoogleAppsScript.Mail.MailApp | null;
  now: () => Date;
  /** Email of whoever runs the action ('' when unknown), for "Nhật ký". */
  user: string;
}

/** Warnings written to "Cảnh báo" (joined with "; "). */
export const WARNING_LATE = 'Nộp trễ';
export const WARNING_UNKNOWN_UNIT = 'Không rõ đơn vị';
export const WARNING_DUPLICATE_LINK = 'Trùng link';
export const WARNING_MISSING = 'Thiếu thông tin';
export const PENDING_STATUS = APPRAISAL_LABELS.pending;

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

/** ID prefix and width: HT-001 … HT-999, then HT-1000 and on (never reused). */
const ID_PREFIX = 'HT-';
const ID_DIGITS = 3;

/** The next ID after the highest "HT-n" present; IDs typed by hand in another shape are ignored. */
export function nextSubmissionId(existing: string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = /^HT-(\d+)$/i.exec(String(id).trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return formatSubmissionId(max + 1);
}

export function formatSubmissionId(n: number): string {
  const digits = String(n);
  return ID_PREFIX + (digits.length < ID_DIGITS ? '0'.repeat(ID_DIGITS - digits.length) + digits : digits);
}

/** One submission of a video link: a row already in "Bài dự thi" (`row` set) or a response added in this run. */
export interface LinkEntry {
  id: string;
  /** Submission time (ms); null when the row's "Thời gian nộp" cannot be read. */
  time: number | null;
  /** Sheet row of an existing row; null for a response added in this run. */
  row: number | null;
  /** The existing row's "Cảnh báo" as shown ('' for new responses, whose warnings live in NewSubmission). */
  flags: string;
}

/** What earlier rows tell a new one: used IDs, response ids, fingerprints of rows without one, and the entries of each video. */
export interface ExistingSubmissions {
  ids: string[];
  responseIds: Set<string>;
  fingerprints: Set<string>;
  /** videoKey → its entries: existing rows in row order, then responses in the order this run added them. */
  byVideo: Map<string, LinkEntry[]>;
}

/**
 * The entry a link's "Trùng link" flags point to: the one submitted first. Times compare in whole
 * seconds (a sheet may not keep milliseconds); equal times keep group order, so an existing row stays
 * ahead of a response added now. A row whose time cannot be read was typed by hand and was there
 * before anything this run adds, so it counts as earliest (it never gets flagged for a later response).
 */
export function firstSubmitted(group: LinkEntry[]): LinkEntry {
  const key = (e: LinkEntry) => (e.time === null ? -Infinity : Math.floor(e.time / 1000));
  let first = group[0];
  for (const e of group) if (key(e) < key(first)) first = e;
  return first;
}

/** A "Cảnh báo" segment written by the intake for a duplicate link: "Trùng link" or "Trùng link (HT-001)". */
const DUPLICATE_SEGMENT = /^(\s*)Trùng link(?: \(([^)]*)\))?(\s*)$/;

/**
 * "Cảnh báo" text with its duplicate-link flag set to "Trùng link (`of`)", or removed when `of` is
 * null. Only a segment in the intake's own format is touched; other warnings and anything else typed
 * in the cell are kept as they are. A new flag goes at the end.
 * @example withDuplicateFlag('Nộp trễ; Trùng link (HT-001)', 'HT-004') === 'Nộp trễ; Trùng link (HT-004)'
 */
export function withDuplicateFlag(flags: string, of: string | null): string {
  const segments = flags === '' ? [] : flags.split(';');
  const at = segments.findIndex((seg) => DUPLICATE_SEGMENT.test(seg));
  if (of === null) {
    if (at < 0) return flags;
    segments.splice(at, 1);
    return segments.join(';').replace(/^\s+/, '');
  }
  const flag = `${WARNING_DUPLICATE_LINK} (${of})`;
  if (at >= 0) {
    const m = DUPLICATE_SEGMENT.exec(segments[at])!;
    segments[at] = `${m[1]}${flag}${m[3]}`;
    return segments.join(';');
  }
  return flags.trim() === '' ? flag : `${flags}; ${flag}`;
}

/** A new row's warnings with the duplicate-link flag set (before "Thiếu thông tin", as buildSubmission orders them) or removed. */
function withDuplicateWarning(warnings: string[], of: string | null): string[] {
  const out = warnings.filter((w) => !DUPLICATE_SEGMENT.test(w));
  if (of === null) return out;
  const at = out.findIndex((w) => w.startsWith(WARNING_MISSING));
  out.splice(at < 0 ? out.length : at, 0, `${WARNING_DUPLICATE_LINK} (${of})`);
  return out;
}

/** Same response recognised without its id: submission minute + title + video. */
export function fingerprint(time: Date | null, title: string, video: string): string {
  const minute = time ? String(floorToMinute(time.getTime())) : '';
  return `${minute}|${normalizeName(title)}|${videoKey(video)}`;
}

/** One new "Bài dự thi" row (strings as typed; writing keeps them text) and its warnings. */
export interface NewSubmission {
  id: string;
  responseId: string;
  time: Date;
  unit: string;
  unitKnown: boolean;
  answers: Record<QuestionKey, string>;
  warnings: string[];
}

/** Questions whose blank answer earns "Thiếu thông tin" (the pledge is enforced by the form itself). */
const NEEDED: QuestionKey[] = QUESTIONS.filter((q) => q.required && q.key !== 'pledge').map((q) => q.key);

/**
 * Builds the row for one response and records it in `existing` (so a batch sees its own rows).
 * `settings` null means "Cấu hình" could not be read: the late check is skipped rather than guessed.
 */
export function buildSubmission(
  r: ResponseAnswers,
  units: Unit[],
  settings: Settings | null,
  existing: ExistingSubmissions,
): NewSubmission {
  const id = nextSubmissionId(existing.ids);
  existing.ids.push(id);
  if (r.responseId) existing.responseIds.add(r.responseId);
  else existing.fingerprints.add(fingerprint(r.timestamp, r.answers.title, r.answers.videoLink));

  const warnings: string[] = [];
  if (settings && isLate({ submittedAt: r.timestamp }, settings)) warnings.push(WARNING_LATE);
  const unit = matchUnit(r.answers.unit, units);
  if (!unit && r.answers.unit !== '') warnings.push(WARNING_UNKNOWN_UNIT);
  const key = videoKey(r.answers.videoLink);
  if (key !== '') {
    // Flag this one unless it was sent before every other entry of the link; if it was, the entries
    // already there are re-flagged by settleDuplicateLinks once the whole run is known.
    const entry: LinkEntry = { id, time: r.timestamp.getTime(), row: null, flags: '' };
    const group = existing.byVideo.get(key) ?? [];
    group.push(entry);
    existing.byVideo.set(key, group);
    const first = firstSubmitted(group);
    if (first !== entry) warnings.push(`${WARNING_DUPLICATE_LINK} (${first.id})`);
  }
  const missing = NEEDED.filter((k) => r.answers[k] === '').map((k) => QUESTIONS.find((q) => q.key === k)!.title);
  if (missing.length > 0) warnings.push(`${WARNING_MISSING}: ${missing.join(', ')}`);
  return {
    id,
    responseId: r.responseId,
    time: r.timestamp,
    unit: unit ? unit.name : r.answers.unit,
    unitKnown: unit !== null,
    answers: r.answers,
    warnings,
  };
}

/** An existing row whose "Cảnh báo" changed because an earlier-sent response with its link was added. */
export interface RelinkedRow {
  id: string;
  row: number;
  /** The row's new "Cảnh báo". */
  flags: string;
}

/**
 * "Trùng link" goes on every entry of a link except the one submitted first (by time, not by row
 * order), naming that one. Run after a batch: for each link that got a new response, the new rows'
 * warnings are settled and existing rows are re-flagged where needed — e.g. the sync adds a response
 * the trigger missed that was sent before HT-003 with the same link: the new row (HT-041) is not
 * flagged, HT-003 gets "Trùng link (HT-041)", and rows that said "Trùng link (HT-003)" now name HT-041.
 * Returns the existing rows whose "Cảnh báo" must be rewritten.
 */
export function settleDuplicateLinks(existing: ExistingSubmissions, added: NewSubmission[]): RelinkedRow[] {
  const relinked: RelinkedRow[] = [];
  const byId = new Map(added.map((s) => [s.id, s]));
  const done = new Set<string>();
  for (const s of added) {
    const key = videoKey(s.answers.videoLink);
    if (key === '' || done.has(key)) continue;
    done.add(key);
    const group = existing.byVideo.get(key) ?? [];
    const first = firstSubmitted(group);
    for (const e of group) {
      const of = e === first ? null : first.id;
      if (e.row === null) {
        const sub = byId.get(e.id);
        if (sub) sub.warnings = withDuplicateWarning(sub.warnings, of);
        continue;
      }
      const flags = withDuplicateFlag(e.flags, of);
      if (flags === e.flags) continue;
      e.flags = flags;
      relinked.push({ id: e.id, row: e.row, flags });
    }
  }
  return relinked.sort((a, b) => a.row - b.row);
}

/** True when `r` is already a row: by response id, or by minute + title + video against rows that have no response id. */
export function alreadyPresent(r: ResponseAnswers, existing: ExistingSubmissions): boolean {
  if (r.responseId && existing.responseIds.has(r.responseId)) return true;
  return existing.fingerprints.has(fingerprint(r.timestamp, r.answers.title, r.answers.videoLink));
}

function asDate(v: unknown): Date | null {
  return isDate(v) && !isNaN(v.getTime()) ? v : null;
}

/**
 * Collects what the current "Bài dự thi" rows tell new ones. `timeZone` reads times typed as text
 * ("01/06/2023 08:00"), so duplicate links are ordered by when they were sent.
 */
export function existingFrom(table: Table<IntakeKey>, timeZone: string = DEFAULT_TIME_ZONE): ExistingSubmissions {
  const existing: ExistingSubmissions = { ids: [], responseIds: new Set(), fingerprints: new Set(), byVideo: new Map() };
  for (const row of table.rows) {
    const id = text(table, row, 'id');
    if (id !== '') existing.ids.push(id);
    const rid = text(table, row, 'responseId');
    const video = text(table, row, 'video');
    // Rows we wrote carry the response id; only rows without one (typed or pasted by hand) need content matching.
    if (rid !== '') existing.responseIds.add(rid);
    else existing.fingerprints.add(fingerprint(asDate(cell(table, row, 'time')), text(table, row, 'title'), video));
    const key = videoKey(video);
    if (key === '' || id === '') continue;
    const parsed = parseDateTime(cell(table, row, 'time'), timeZone);
    const entry: LinkEntry = { id, time: isDate(parsed) ? parsed.getTime() : null, row: row.row, flags: text(table, row, 'flags') };
    existing.byVideo.set(key, [...(existing.byVideo.get(key) ?? []), entry]);
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
  /** Existing rows whose "Trùng link" flag moved because an earlier-sent response with the same link was added. */
  relinked: RelinkedRow[];
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
  const result: IntakeResult = { added: [], alreadyPresent: 0, blank: 0, mailed: 0, notes: [], relinked: [] };
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
  else result.notes.push(`Trang "Cấu hình" có lỗi nên chưa kiểm tra nộp trễ: ${parsed.problems.map((p) => p.message).join(' ')}`);
  const unitSheet = ss.getSheetByName(UNITS.name);
  const units = unitSheet ? readUnits(readTable(unitSheet, UNITS)).units : [];
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
    result.relinked = settleDuplicateLinks(existing, result.added);
    if (result.relinked.length > 0) {
      const moved = result.relinked.map((r) => `${r.id} (dòng ${r.row}): "${r.flags === '' ? 'không còn cảnh báo' : r.flags}"`).join(', ');
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
      updateRows(submissions, ['flags'], new Map(result.relinked.map((r) => [r.row, [r.flags]])));
      const tickKeys = criteria.map((c) => tickKey(c.code));
      appendRows(
        appraisal,
        ['id', 'unit', 'title', 'video', ...tickKeys, 'result'],
        result.added.map((s) => [s.id, s.unit, s.answers.title, s.answers.videoLink, ...tickKeys.map(() => false), PENDING_STATUS]),
      );
      // Writes are buffered per execution; the next execution must see them once it holds the lock.
      deps.flush();
    }
  } finally {
    deps.lock.releaseLock();
  }
  if (settings && settings.sendConfirmationEmail) sendConfirmations(deps, settings, result);
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
  const sheet = requireSheet(ss, APPRAISAL_CRITERIA.name);
  return readAppraisalCriteria(readTable(sheet, APPRAISAL_CRITERIA)).criteria;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Confirmation emails, outside the lock (sending is slow and must not hold up other submitters). */
function sendConfirmations(deps: IntakeDeps, settings: Settings, result: IntakeResult): void {
  if (!deps.mail) return;
  for (const s of result.added) {
    const to = s.answers.email.trim();
    if (!EMAIL.test(to)) continue;
    if (deps.mail.getRemainingDailyQuota() < 1) {
      result.notes.push('Đã hết hạn mức gửi email trong ngày; một số email xác nhận chưa được gửi.');
      return;
    }
    const when = formatDateTime(s.time, settings.timeZone);
    const contest = typographicQuotes(settings.contestName);
    const lines = [
      `Ban tổ chức ${contest} đã nhận bài dự thi:`,
      `- Mã bài: ${s.id}`,
      `- Tên tác phẩm: ${s.answers.title}`,
      `- Đơn vị: ${s.unit}`,
      `- Thời gian nộp: ${when}`,
    ];
    if (s.warnings.includes(WARNING_LATE)) lines.push(`Lưu ý: bài được nộp sau hạn ${formatDateTime(settings.submissionDeadline, settings.timeZone)}.`);
    lines.push('', `${settings.organizer}`);
    deps.mail.sendEmail({ to, subject: `[${contest}] Xác nhận nhận bài ${s.id}`, body: lines.join('\n') });
    result.mailed++;
  }
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
    appendAudit(deps.spreadsheet, {
      time: deps.now(),
      user: deps.user,
      action: 'Nhận bài dự thi',
      details: `Hệ thống đang bận nên chưa ghi phản hồi ${response.getId()} (gửi lúc ${formatDateTime(new Date(response.getTimestamp().getTime()), deps.spreadsheet.getSpreadsheetTimeZone())}); hãy chạy "Hội thi → Đồng bộ bài dự thi" để thêm.`,
    });
    return { kind: 'deferred' };
  }
  const added = result.added[0];
  // A normal submission is recorded by its row; "Nhật ký" only gets what the organizer must act on.
  if (result.notes.length > 0) {
    appendAudit(deps.spreadsheet, { time: deps.now(), user: deps.user, action: 'Nhận bài dự thi', details: joinAuditDetails(result.notes) });
  }
  if (added) return { kind: 'added', submission: added };
  return result.blank > 0 ? { kind: 'blank' } : { kind: 'duplicate' };
}
