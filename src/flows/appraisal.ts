// "Cập nhật thẩm định": one Thẩm định row per submission, results filled from the ticks; plus the on-edit path.
//
// Both paths exist on purpose. The simple onEdit trigger gives appraisers an immediate Kết quả/Lý do
// when they tick, and needs no installation; but simple triggers are skipped for edits made by
// scripts or imports, can hit their 30-second limit, and run as the appraiser (who cannot write the
// organizers' sheets). The on-demand action recomputes every row, updates "Trạng thái" in "Bài dự
// thi" and the "Tương tác" rows, and "Chuẩn bị phiếu chấm BGK"/"Tính điểm" decide from the ticks
// themselves, so a missed edit never changes a result.
import { APPRAISAL_LABELS, appraise, criteriaList } from '../domain/appraisal';
import { isAccepted, submissionStatus } from '../domain/scoring';
import { DEFAULT_TIME_ZONE } from '../domain/settings';
import type { AppraisalCriterion, AppraisalOutcome, Settings } from '../domain/types';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_RESULT_KEYS, APPRAISAL_SHEET, UNKNOWN_APPRAISER, appraisalSchema, readAppraisalRows, type AppraisalRow } from '../sheets/appraisal';
import { readSettings } from '../sheets/config';
import { JURY_TAB_PREFIX, juryRowTotal, markKey } from '../sheets/juryTab';
import { RUBRIC, readRubric } from '../sheets/rubric';
import { SUBMISSIONS, type SubmissionRow } from '../sheets/submissions';
import type { SheetSchema } from '../sheets/schema';
import { SheetIndex, type SheetLookup } from '../sheets/sheetIndex';
import { appendRecords, cell, locateColumns, readSheet, text, updateRows, writeCells, type Table, type TableRow } from '../sheets/table';
import { readAppraisalSheet, readCriteriaOrThrow, readPeople, type People } from '../sheets/workbook';
import { ENGAGEMENT } from '../sheets/engagement';
import { assertCanWrite, problemMessages, withLock, type ActionContext, type Summary } from './context';
import { syncEngagementRows } from './engagementRows';
import { childLines } from './outline';
import type { MenuAction } from './action';

export const APPRAISAL_TITLE = 'Cập nhật thẩm định';

/** New result cells for `row`, or null when what the sheet shows is already right. */
function resultCells(
  row: Pick<AppraisalRow, 'result' | 'reason' | 'appraiser' | 'time'>,
  outcome: AppraisalOutcome,
  user: string,
  now: Date,
  claimUnknown = false,
): unknown[] | null {
  const label = APPRAISAL_LABELS[outcome.status];
  if (row.result === label && row.reason === outcome.reason) {
    // An edit by a known editor of a row the installable trigger credited to "(không rõ tài khoản)"
    // (it cannot tell the owner from an anonymous editor; see flows/edits.ts): the name is put right.
    if (claimUnknown && row.appraiser === UNKNOWN_APPRAISER && user !== '' && user !== UNKNOWN_APPRAISER && outcome.status !== 'pending')
      return [label, outcome.reason, user, row.time];
    return null;
  }
  if (outcome.status === 'pending') return [label, '', '', ''];
  // Same result, only the wording of "Lý do" changed (e.g. "Không đạt: …" written by an older
  // version): keep who appraised and when, rather than stamp the person who ran the update.
  if (row.result === label && row.appraiser !== '') return [label, outcome.reason, row.appraiser, row.time];
  return [label, outcome.reason, user, now];
}

/** Settings when they are valid; appraisal itself does not depend on them, so defaults keep it going. */
function settingsOrNull(sheets: SheetLookup): Settings | null {
  const parsed = readSettings(sheets);
  return parsed.ok ? parsed.value : null;
}

/** Passed (and accepted) clips in submission order, with their post links: they go to the jury and engagement sheets. */
export function passedClips(
  submissions: SubmissionRow[],
  outcomes: Map<string, AppraisalOutcome>,
  posts: Map<string, string>,
  settings: Settings | null,
): { submission: SubmissionRow; post: string }[] {
  return submissions
    .filter((s) => outcomes.get(s.id.toUpperCase())?.status === 'passed')
    .filter((s) => settings === null || isAccepted(s, settings))
    .map((s) => ({ submission: s, post: posts.get(s.id.toUpperCase()) ?? '' }));
}

/**
 * Results from ticks, and the submission's unit/title/link kept in step with "Bài dự thi". Returns
 * each clip's outcome (the first row of a clip code counts) and how many rows got new results.
 */
function syncAppraisalRows(
  ctx: ActionContext,
  table: Table<string>,
  rows: AppraisalRow[],
  criteria: AppraisalCriterion[],
  subById: Map<string, SubmissionRow>,
): { outcomes: Map<string, AppraisalOutcome>; resultsUpdated: number } {
  const outcomes = new Map<string, AppraisalOutcome>();
  const tableRows = new Map(table.rows.map((t) => [t.row, t]));
  const resultUpdates = new Map<number, unknown[]>();
  const infoUpdates = new Map<number, unknown[]>();
  for (const r of rows) {
    const outcome = appraise({ clipId: r.clipId, ticks: r.ticks }, criteria);
    if (!outcomes.has(r.clipId.toUpperCase())) outcomes.set(r.clipId.toUpperCase(), outcome);
    const cells = resultCells(r, outcome, ctx.user, ctx.now);
    if (cells) resultUpdates.set(r.row, cells);
    const sub = subById.get(r.clipId.toUpperCase());
    const tableRow = tableRows.get(r.row)!;
    if (sub) {
      const info = [sub.unit, sub.title, sub.videoLink];
      const shown = ['unit', 'title', 'video'].map((k) => text(table, tableRow, k));
      if (info.some((v, i) => v !== shown[i])) infoUpdates.set(r.row, info);
    }
  }
  updateRows(table, APPRAISAL_RESULT_KEYS, resultUpdates);
  updateRows(table, ['unit', 'title', 'video'], infoUpdates);
  return { outcomes, resultsUpdated: resultUpdates.size };
}

/**
 * "Trạng thái" of "Bài dự thi" mirrors the appraisal, except that a late clip not accepted says so;
 * it follows "Nhận bài nộp trễ" both ways on every run.
 */
function syncSubmissionStatus(
  subs: People['submissionTable'],
  subById: Map<string, SubmissionRow>,
  outcomes: Map<string, AppraisalOutcome>,
  settings: Settings | null,
): void {
  const statusUpdates = new Map<number, unknown[]>();
  for (const r of subs.rows) {
    const id = text(subs, r, 'id').toUpperCase();
    if (id === '') continue;
    const label = submissionStatus(subById.get(id) ?? null, outcomes.get(id)?.status ?? 'pending', settings);
    if (text(subs, r, 'status') !== label) statusUpdates.set(r.row, [label]);
  }
  updateRows(subs, ['status'], statusUpdates);
}

/** What one run of the update changed, for its summary. */
interface AppraisalChanges {
  outcomes: Map<string, AppraisalOutcome>;
  added: number;
  resultsUpdated: number;
  engagementAdded: number;
}

/** Summary lines: counts by result, what was written, late clips kept out, and why each failed clip failed. */
function appraisalLines(changes: AppraisalChanges, submissions: SubmissionRow[], settings: Settings | null): string[] {
  const { outcomes, added, resultsUpdated, engagementAdded } = changes;
  // Passed but late while late entries are not accepted: they stay out of the jury and engagement
  // sheets, and the organizer should see which ones instead of wondering where they went.
  const passedLate = settings ? submissions.filter((s) => outcomes.get(s.id.toUpperCase())?.status === 'passed' && !isAccepted(s, settings)) : [];

  const counts = { passed: 0, failed: 0, pending: added };
  for (const o of outcomes.values()) counts[o.status]++;
  const lines = [`Đạt: ${counts.passed} bài · Không đạt: ${counts.failed} bài · Chờ thẩm định: ${counts.pending} bài.`];
  if (added > 0) lines.push(`Đã thêm ${added} bài mới vào trang "${APPRAISAL_SHEET}".`);
  if (resultsUpdated > 0) lines.push(`Đã cập nhật kết quả của ${resultsUpdated} bài.`);
  if (engagementAdded > 0) lines.push(`Đã thêm ${engagementAdded} bài đạt vào trang "Tương tác".`);
  if (passedLate.length > 0) {
    lines.push(
      `${passedLate.length} bài đạt nhưng nộp trễ nên không đưa vào chấm (thiết lập "Nhận bài nộp trễ" là Không): ${passedLate.map((s) => s.id).join(', ')}`,
    );
  }
  const failed = [...outcomes.values()].filter((o) => o.status === 'failed');
  if (failed.length > 0) lines.push(`Không đạt (${failed.length}):`, ...childLines(failed.map((o) => `${o.clipId} – ${criteriaList(o.missing)}`)));
  return lines;
}

/**
 * Adds a Thẩm định row for every submission without one, fills Kết quả/Lý do/Người thẩm định/Thời
 * gian thẩm định where the ticks say something else than the sheet shows (people's ticks are never
 * written), mirrors the result into "Trạng thái" of "Bài dự thi" ("Nộp trễ – không tính" for a late
 * clip while late entries are not accepted), and adds "Tương tác" rows for passed clips.
 */
export function updateAppraisal(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    // An appraiser may tick "Thẩm định" but not write "Bài dự thi": refuse before the first write.
    // One lookup per sheet for the check and the reads together.
    const sheets = new SheetIndex(ctx.spreadsheet);
    assertCanWrite(ctx, APPRAISAL_TITLE, [APPRAISAL_SHEET, SUBMISSIONS.name, ENGAGEMENT.name], sheets);
    const settings = settingsOrNull(sheets);
    const criteria = readCriteriaOrThrow(sheets);
    const people = readPeople(sheets, settings?.timeZone ?? DEFAULT_TIME_ZONE);
    const { table, rows } = readAppraisalSheet(sheets, criteria);
    const byId = new Map(rows.map((r) => [r.clipId.toUpperCase(), r]));

    // 1. Rows for submissions the intake has not mirrored yet.
    const missing = people.submissions.filter((s) => !byId.has(s.id.toUpperCase()));
    appendRecords(
      table,
      missing.map((s) => ({ id: s.id, unit: s.unit, title: s.title, video: s.videoLink, result: APPRAISAL_LABELS.pending })),
    );

    // 2. Results from ticks; 3. "Trạng thái" of "Bài dự thi" from the results.
    const subById = new Map(people.submissions.map((s) => [s.id.toUpperCase(), s]));
    const { outcomes, resultsUpdated } = syncAppraisalRows(ctx, table, rows, criteria, subById);
    syncSubmissionStatus(people.submissionTable, subById, outcomes, settings);

    // 4. Passed clips get an engagement row.
    const posts = new Map(rows.map((r) => [r.clipId.toUpperCase(), r.post]));
    const passed = passedClips(people.submissions, outcomes, posts, settings);
    const engagementAdded = syncEngagementRows(
      sheets,
      passed.map((p) => ({ clipId: p.submission.id, post: p.post })),
    );

    const lines = appraisalLines({ outcomes, added: missing.length, resultsUpdated, engagementAdded }, people.submissions, settings);
    const warnings = problemMessages(people.warnings);
    if (!settings) warnings.unshift('Trang "Cấu hình" có thiết lập chưa hợp lệ: bài nộp trễ chưa được loại khỏi trang "Tương tác". Hãy sửa rồi chạy lại.');
    return { title: APPRAISAL_TITLE, lines, warnings };
  });
}

/** A table view over the rows an edit touched, read with one getValues (plus one for the headers). */
function editedRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, numRows: number): { headers: unknown[]; rows: TableRow[]; width: number } {
  const width = sheet.getLastColumn();
  const first = Math.max(2, firstRow);
  const last = Math.min(firstRow + numRows - 1, sheet.getLastRow());
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0];
  if (last < first) return { headers, rows: [], width };
  const values = sheet.getRange(first, 1, last - first + 1, width).getValues();
  return { headers, rows: values.map((cells, i) => ({ row: first + i, cells })), width };
}

/**
 * Simple-trigger path: recomputes only the rows the edit covered, on "Thẩm định" (result cells) or
 * on a "BGK - …" tab (Tổng). Any other sheet is ignored. Returns the number of rows rewritten.
 */
export function handleEdit(ctx: ActionContext, range: GoogleAppsScript.Spreadsheet.Range): number {
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (name === APPRAISAL_SHEET) return refreshAppraisalRows(ctx, sheet, range.getRow(), range.getNumRows());
  if (name.startsWith(JURY_TAB_PREFIX)) return refreshJuryTotals(ctx, sheet, range.getRow(), range.getNumRows());
  return 0;
}

/** The edited rows as a Table of `schema`, or null when row 1 lacks one of its headers (left for the on-demand action to report). */
function viewOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: SheetSchema<string>, edited: ReturnType<typeof editedRows>): Table<string> | null {
  const { headers, rows, width } = edited;
  const { col, problems } = locateColumns(schema, headers);
  if (problems.length > 0) return null;
  return { sheet, schema, headers: headers.map(String), col, rows, lastRow: rows.length ? rows[rows.length - 1].row : 1, width };
}

function refreshAppraisalRows(ctx: ActionContext, sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, numRows: number): number {
  const crit = readAppraisalCriteria(readSheet(ctx.spreadsheet, APPRAISAL_CRITERIA));
  const criteria: AppraisalCriterion[] = crit.criteria;
  const table = viewOf(sheet, appraisalSchema(criteria), editedRows(sheet, firstRow, numRows));
  if (!table || table.rows.length === 0) return 0;
  const byRow = new Map(readAppraisalRows(table, criteria).map((r) => [r.row, r]));
  const cells = table.rows.map((tr) => {
    const r = byRow.get(tr.row);
    if (!r) return APPRAISAL_RESULT_KEYS.map((k) => cell(table, tr, k));
    const outcome = appraise({ clipId: r.clipId, ticks: r.ticks }, criteria);
    return resultCells(r, outcome, ctx.user, ctx.now, true) ?? APPRAISAL_RESULT_KEYS.map((k) => cell(table, tr, k));
  });
  writeCells(table, table.rows[0].row, APPRAISAL_RESULT_KEYS, cells);
  return table.rows.length;
}

function refreshJuryTotals(ctx: ActionContext, sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, numRows: number): number {
  const { rubric } = readRubric(readSheet(ctx.spreadsheet, RUBRIC));
  if (rubric.length === 0) return 0;
  // Only the columns Tổng depends on: an edit on a tab missing e.g. "Nhận xét" still gets its total.
  const schema: SheetSchema<string> = {
    name: sheet.getName(),
    protection: 'juror',
    description: '',
    columns: [{ key: 'total', header: 'Tổng', role: 'computed' }, ...rubric.map((c, i) => ({ key: markKey(i), header: c.name, role: 'input' as const }))],
  };
  const table = viewOf(sheet, schema, editedRows(sheet, firstRow, numRows));
  if (!table || table.rows.length === 0) return 0;
  const totals = table.rows.map((r) => [juryRowTotal(table, r, rubric)]);
  writeCells(table, table.rows[0].row, ['total'], totals);
  return table.rows.length;
}

export const appraisalAction: MenuAction = { title: APPRAISAL_TITLE, run: updateAppraisal };
