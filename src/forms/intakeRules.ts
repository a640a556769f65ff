// Intake rules without any sheet: submission IDs, a new row's warnings, "Trùng link" ordered by sending time, recognising a response already written.
import { floorToMinute, normalizeName } from '../domain/parse';
import { isLate } from '../domain/scoring';
import type { Settings, Unit } from '../domain/types';
import { matchUnit } from '../domain/units';
import { videoKey } from './links';
import { QUESTIONS, questionSpec, type QuestionKey } from './questions';
import type { IntakeRecord } from '../sheets/submissions';
import type { ResponseAnswers } from './response';

/** Warnings written to "Cảnh báo" (joined with "; "). */
export const WARNING_LATE = 'Nộp trễ';
export const WARNING_UNKNOWN_UNIT = 'Không rõ đơn vị';
export const WARNING_DUPLICATE_LINK = 'Trùng link';
export const WARNING_MISSING = 'Thiếu thông tin';

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
  return ID_PREFIX + String(max + 1).padStart(ID_DIGITS, '0');
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

/** Adds `entry` to the entries of the video `key`. */
export function addLinkEntry(existing: ExistingSubmissions, key: string, entry: LinkEntry): void {
  const group = existing.byVideo.get(key);
  if (group) group.push(entry);
  else existing.byVideo.set(key, [entry]);
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
export function buildSubmission(r: ResponseAnswers, units: Unit[], settings: Settings | null, existing: ExistingSubmissions): NewSubmission {
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
    addLinkEntry(existing, key, entry);
    const first = firstSubmitted(existing.byVideo.get(key)!);
    if (first !== entry) warnings.push(`${WARNING_DUPLICATE_LINK} (${first.id})`);
  }
  const missing = NEEDED.filter((k) => r.answers[k] === '').map((k) => questionSpec(k).title);
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

/**
 * Collects what the current "Bài dự thi" rows tell new ones: duplicate links are ordered by when they
 * were sent, and a row typed by hand (no response id) is recognised by its content.
 */
export function existingFrom(records: IntakeRecord[]): ExistingSubmissions {
  const existing: ExistingSubmissions = { ids: [], responseIds: new Set(), fingerprints: new Set(), byVideo: new Map() };
  for (const r of records) {
    if (r.id !== '') existing.ids.push(r.id);
    // Rows we wrote carry the response id; only rows without one (typed or pasted by hand) need content matching.
    if (r.responseId !== '') existing.responseIds.add(r.responseId);
    else existing.fingerprints.add(fingerprint(r.time, r.title, r.video));
    const key = videoKey(r.video);
    if (key === '' || r.id === '') continue;
    addLinkEntry(existing, key, { id: r.id, time: r.time ? r.time.getTime() : null, row: r.row, flags: r.flags });
  }
  return existing;
}
