// The one seeding writer: puts a sample contest (or a test's scenario) straight into the contest workbook, a block per sheet.
//
// For tests and the bench, where the data is the setting and not what is measured: the roster, the
// jurors and "Bài dự thi" are appended as typed (strings stay text), then — once the add-on has made
// the rows of "Thẩm định", the jury tabs and "Tương tác" — the ticks, the marks and the counts are
// written under their headers, one setValues per block of adjacent columns, so 10,000 clips × 20
// jurors take seconds. Clips get IDs HT-001, HT-002… in the order of `submissions`, as the intake
// numbers them. The demo (`npm start`) does not use it: it sends every entry through the form.
import type { Emulator } from '../../packages/gas-emulator/src';
import { APPRAISAL_SHEET, appraisalSchema } from '../../src/sheets/appraisal';
import { APPRAISAL_CRITERIA } from '../../src/sheets/appraisalCriteria';
import { CONFIG } from '../../src/sheets/config';
import { ENGAGEMENT } from '../../src/sheets/engagement';
import { JURORS } from '../../src/sheets/jurors';
import { CONFLICT_NOTE, juryTabName, juryTabSchema } from '../../src/sheets/juryTab';
import { RUBRIC } from '../../src/sheets/rubric';
import { SHARE_LOG } from '../../src/sheets/shareLog';
import { RESPONSE_ID_HEADER, SUBMISSIONS } from '../../src/sheets/submissions';
import { UNITS } from '../../src/sheets/units';
import type { SampleJuror, SampleSubmission, SampleUnit } from './contest';
import { appendByHeader, headersOf, readRecords, rewriteColumns, writeByHeader } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A row of "Bài dự thi" as the intake would write it: a sample entry whose `at` may also be text as someone
 * typed it, plus Google's response id, written when "Bài dự thi" has that column (as the intake keeps it).
 */
export type SeedSubmission = Omit<SampleSubmission, 'at' | 'entryType' | 'story'> & { at: Date | string; entryType: string; responseId?: string };

/** What the writer needs of a contest; a SampleContest or ScaledContest is one. Clips are named by title (unique). */
export interface SeedContest {
  units: Pick<SampleUnit, 'code' | 'name' | 'aliases' | 'email'>[];
  jurors: SampleJuror[];
  submissions: SeedSubmission[];
  /** Clips not listed pass (every box ticked). */
  appraisals: { title: string; unticked: string[]; postLink?: string }[];
  /** Clips not listed are left blank in the juror's tab. */
  marks: { title: string; jurorCode: string; mark: number | string; comment?: string }[];
  /** Clips not listed keep what "Tương tác" shows. */
  engagement: { title: string; reactions: number; shares: number }[];
  shareLog: { title: string; account: string; time: Date | string }[];
}

/** ID of the k-th submission (0-based), as the intake numbers them. */
export function clipIdOf(k: number): string {
  return `HT-${String(k + 1).padStart(3, '0')}`;
}

function sheetOf(emu: Emulator, name: string): Sheet {
  const s = emu.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Bảng tính không có trang "${name}".`);
  return s;
}

/** Each clip's ID from its title; a title no submission has is a mistake in the scenario. */
function idsByTitle(contest: Pick<SeedContest, 'submissions'>): (title: string) => string {
  const ids = new Map(contest.submissions.map((s, k) => [s.title, clipIdOf(k)]));
  return (title) => {
    const id = ids.get(title);
    if (!id) throw new Error(`Không có bài "${title}" trong các bài dự thi.`);
    return id;
  };
}

/** `items` keyed by their clip's ID (and `key`). */
function byClip<T extends { title: string }>(contest: Pick<SeedContest, 'submissions'>, items: T[], key: (item: T) => string = () => ''): Map<string, T> {
  const idOf = idsByTitle(contest);
  return new Map(items.map((item) => [`${idOf(item.title)}${key(item)}`, item]));
}

/** Types `value` into "Giá trị" of the setting labelled `label` in "Cấu hình", as the organizer would. */
export function writeSetting(emu: Emulator, label: string, value: unknown): void {
  const H = headersOf(CONFIG);
  const sheet = sheetOf(emu, CONFIG.name);
  const r = readRecords(sheet).rows.find((x) => String(x.values[H.label]) === label);
  if (!r) throw new Error(`Trang "${CONFIG.name}" không có thiết lập "${label}".`);
  writeByHeader(sheet, [{ row: r.row, header: H.value, value }]);
}

/** "Đơn vị" and "Ban giám khảo", typed after "Thiết lập hội thi" (two setValues; none for an empty list). */
export function writeRoster(emu: Emulator, contest: Pick<SeedContest, 'units' | 'jurors'>): void {
  const U = headersOf(UNITS);
  const J = headersOf(JURORS);
  appendByHeader(
    sheetOf(emu, UNITS.name),
    contest.units.map((u) => ({ [U.code]: u.code, [U.name]: u.name, [U.aliases]: u.aliases.join('; '), [U.email]: u.email })),
    { asText: true },
  );
  appendByHeader(
    sheetOf(emu, JURORS.name),
    contest.jurors.map((j) => ({ [J.code]: j.code, [J.name]: j.name, [J.email]: j.email, [J.unit]: j.unit })),
    { asText: true },
  );
}

/** "Bài dự thi" rows, waiting for appraisal, after the rows already there (one setValues). */
export function writeSubmissions(emu: Emulator, contest: Pick<SeedContest, 'submissions'>): void {
  const S = headersOf(SUBMISSIONS);
  appendByHeader(
    sheetOf(emu, SUBMISSIONS.name),
    contest.submissions.map((s, k) => ({
      [S.id]: clipIdOf(k),
      [S.time]: s.at,
      [S.unit]: s.unit,
      [S.entryType]: s.entryType,
      [S.authors]: s.authors,
      [S.title]: s.title,
      [S.video]: s.videoLink,
      [S.length]: s.length,
      [S.contact]: s.contactName,
      [S.phone]: s.phone,
      [S.email]: s.email,
      [S.flags]: '',
      [S.status]: 'Chờ thẩm định',
      ...(s.responseId === undefined ? {} : { [RESPONSE_ID_HEADER]: s.responseId }),
    })),
    { asText: true },
  );
}

/**
 * The appraisers' ticks in "Thẩm định" (its rows made by "Cập nhật thẩm định"): every criterion of the
 * "Tiêu chí thẩm định" sheet ticked unless the clip leaves it unticked; then the posts' links, if any.
 */
export function writeAppraisal(emu: Emulator, contest: Pick<SeedContest, 'submissions' | 'appraisals'>): void {
  const sheet = sheetOf(emu, APPRAISAL_SHEET);
  const C = headersOf(APPRAISAL_CRITERIA);
  const criteria = readRecords(sheetOf(emu, APPRAISAL_CRITERIA.name))
    .rows.map((r) => String(r.values[C.code]).trim())
    .filter((c) => c !== '');
  const byId = byClip(contest, contest.appraisals);
  const A = headersOf(appraisalSchema([]));
  const { headers } = readRecords(sheet);
  const columns = criteria.map((c) => headers.indexOf(c)).filter((c) => c >= 0);
  if (columns.length === 0) throw new Error(`Trang "${APPRAISAL_SHEET}" không có cột tiêu chí nào (${criteria.join(', ')}).`);
  const block = headers.slice(Math.min(...columns), Math.max(...columns) + 1);
  rewriteColumns(sheet, block[0], block[block.length - 1], (r) => {
    const unticked = byId.get(String(r.values[A.id]))?.unticked ?? [];
    // A column inside the block that is no criterion keeps its cells.
    return block.map((h) => (criteria.includes(h) ? !unticked.includes(h) : r.values[h]));
  });
  if (contest.appraisals.some((a) => a.postLink)) {
    rewriteColumns(sheet, A.post, A.post, (r) => [byId.get(String(r.values[A.id]))?.postLink || r.values[A.post]]);
  }
}

/**
 * Each juror's marks (and comments, if any) in their tab, made by "Chuẩn bị phiếu chấm BGK": the rows
 * of their own unit's clips, which the tab marks "Không chấm (cùng đơn vị)", stay blank, as the tab
 * tells the juror. Marks are totals of the one-criterion default rubric. With `asJurors`, each juror
 * is signed in while writing their tab (the spreadsheet must be shared with them).
 */
export function writeMarks(emu: Emulator, contest: Pick<SeedContest, 'submissions' | 'jurors' | 'marks'>, options: { asJurors?: boolean } = {}): void {
  const R = headersOf(RUBRIC);
  const rubric = readRecords(sheetOf(emu, RUBRIC.name)).rows.map((r) => String(r.values[R.name]).trim());
  if (rubric.length !== 1) throw new Error(`writeMarks: điểm mẫu là tổng của một tiêu chí, trang "${RUBRIC.name}" có ${rubric.length}.`);
  const T = headersOf(juryTabSchema({ name: '' }, []));
  const marks = byClip(contest, contest.marks, (m) => `\u0000${m.jurorCode}`);
  const commenting = new Set(contest.marks.filter((m) => m.comment).map((m) => m.jurorCode));
  const user = emu.user();
  for (const j of contest.jurors) {
    if (options.asJurors) emu.setUser(j.email);
    const tab = sheetOf(emu, juryTabName(j));
    const markOf = (r: { values: Record<string, unknown> }) =>
      r.values[T.total] === CONFLICT_NOTE ? undefined : marks.get(`${String(r.values[T.id])}\u0000${j.code}`);
    rewriteColumns(tab, rubric[0], rubric[0], (r) => [markOf(r)?.mark ?? '']);
    if (commenting.has(j.code)) rewriteColumns(tab, T.comment, T.comment, (r) => [markOf(r)?.comment ?? '']);
  }
  if (options.asJurors) emu.setUser(user);
}

/** Reactions and shares in "Tương tác" (its rows made with the jury tabs), then the share log after its last row. */
export function writeEngagement(emu: Emulator, contest: Pick<SeedContest, 'submissions' | 'engagement' | 'shareLog'>): void {
  const E = headersOf(ENGAGEMENT);
  const byId = byClip(contest, contest.engagement);
  rewriteColumns(sheetOf(emu, ENGAGEMENT.name), E.reactions, E.shares, (r) => {
    const e = byId.get(String(r.values[E.id]));
    return e ? [e.reactions, e.shares] : [r.values[E.reactions], r.values[E.shares]];
  });
  const L = headersOf(SHARE_LOG);
  const idOf = idsByTitle(contest);
  appendByHeader(
    sheetOf(emu, SHARE_LOG.name),
    contest.shareLog.map((s) => ({ [L.id]: idOf(s.title), [L.account]: s.account, [L.time]: s.time })),
    { asText: true },
  );
}
