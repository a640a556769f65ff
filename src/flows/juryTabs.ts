// "Chuẩn bị phiếu chấm BGK": one protected tab per juror with a row per passed clip; never touches marks.
import { appraise } from '../domain/appraisal';
import { isConflict } from '../domain/jury';
import { isBlank } from '../domain/parse';
import type { AppraisalCriterion, AppraisalOutcome, RubricCriterion, Settings } from '../domain/types';
import { ENGAGEMENT } from '../sheets/engagement';
import {
  CONFLICT_NOTE,
  juryCodeNote,
  juryRowTotal,
  juryTabName,
  juryTabSchema,
  locateJuryTabs,
  type JuryTabLocation,
  markKey,
  orphanTabMessage,
  staleMarkColumns,
} from '../sheets/juryTab';
import { ensureSheet } from '../sheets/layout';
import { SheetIndex } from '../sheets/sheetIndex';
import { appendRecords, readTable, text, updateRows, type Table, type TableRow } from '../sheets/table';
import type { JurorRow } from '../sheets/jurors';
import type { SubmissionRow } from '../sheets/submissions';
import { readAppraisalSheet, readPeople, readRules } from '../sheets/workbook';
import { passedClips } from './appraisal';
import { assertCanWrite, problemMessages, withLock, type ActionContext, type Summary } from './context';
import { syncEngagementRows } from './engagementRows';
import { layoutContext } from './setup';
import type { MenuAction } from './action';

export const JURY_TABS_TITLE = 'Chuẩn bị phiếu chấm BGK';

/** Grey background of conflict-of-interest rows, which the juror does not mark. */
export const CONFLICT_BACKGROUND = '#d9d9d9';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets reports "no fill" as white; writing white back would paint over banding, so it stays unset. */
function fillOf(color: string | null | undefined): string | null {
  return !color || color.toLowerCase() === '#ffffff' ? null : color;
}

/**
 * Greys or un-greys whole rows in one getBackgrounds/setBackgrounds over the span they cover. `grey`
 * maps a sheet row to true (conflict: grey) or false (no longer a conflict: the grey is removed, any
 * other colour an organizer chose stays). Other rows of the span are written back as they were.
 */
function paintRows(sheet: Sheet, width: number, grey: Map<number, boolean>): void {
  if (grey.size === 0) return;
  const first = Math.min(...grey.keys());
  const last = Math.max(...grey.keys());
  const range = sheet.getRange(first, 1, last - first + 1, width);
  const colors = range.getBackgrounds().map((row, i) => {
    const want = grey.get(first + i);
    return row.map((c) => {
      if (want === true) return CONFLICT_BACKGROUND;
      if (want === false && fillOf(c)?.toLowerCase() === CONFLICT_BACKGROUND) return null;
      return fillOf(c);
    });
  });
  range.setBackgrounds(colors as string[][]);
}

/** The row with Tổng blanked, so the sum is computed again for a row that was a conflict. */
function withoutTotal(table: Table<string>, row: TableRow): TableRow {
  return { row: row.row, cells: row.cells.map((v, i) => (i === table.col.total ? '' : v)) };
}

type Clip = ReturnType<typeof passedClips>[number];

/** Lines and warnings of the summary, filled in as each step goes. */
interface Report {
  lines: string[];
  warnings: string[];
}

/** What every juror's tab is prepared from: read once, before the first tab. */
interface TabInputs {
  ctx: ActionContext;
  sheets: SheetIndex;
  layout: ReturnType<typeof layoutContext>;
  rubric: RubricCriterion[];
  clips: Clip[];
  jurorEmails: string[];
}

/** Passed clips as the ticks of "Thẩm định" say (the first row of a clip code counts). */
function readPassedClips(sheets: SheetIndex, criteria: AppraisalCriterion[], submissions: SubmissionRow[], settings: Settings): Clip[] {
  const appraisal = readAppraisalSheet(sheets, criteria).rows;
  const outcomes = new Map<string, AppraisalOutcome>();
  for (const r of appraisal) {
    const key = r.clipId.toUpperCase();
    if (!outcomes.has(key)) outcomes.set(key, appraise({ clipId: r.clipId, ticks: r.ticks }, criteria));
  }
  const posts = new Map(appraisal.map((r) => [r.clipId.toUpperCase(), r.post]));
  return passedClips(submissions, outcomes, posts, settings);
}

/**
 * The name the juror's tab goes by, renaming a found tab to the juror's current name when that name is
 * free; null when there is no tab yet and the name belongs to another tab (nothing is created).
 */
function tabNameFor(sheets: SheetIndex, found: JuryTabLocation, juror: JurorRow, report: Report): string | null {
  const wanted = juryTabName(juror);
  const taken = found.name.toLowerCase() === wanted.toLowerCase() ? null : sheets.getSheetByName(wanted);
  if (found.sheet && found.name !== wanted) {
    // The juror was renamed in "Ban giám khảo": the tab (bound by code) follows, marks and all.
    if (taken) {
      report.warnings.push(
        `Không đổi được tên trang "${found.name}" thành "${wanted}" vì đã có trang tên đó; phiếu chấm của giám khảo ${juror.code} vẫn ở "${found.name}".`,
      );
      return found.name;
    }
    sheets.rename(found.sheet, found.name, wanted);
    report.lines.push(`Đã đổi tên trang "${found.name}" thành "${wanted}" theo họ tên mới của giám khảo ${juror.code}.`);
  } else if (!found.sheet && taken) {
    // The name belongs to another juror's tab (bound by its code) or a tab kept for another code.
    report.warnings.push(
      `Chưa tạo được phiếu chấm của giám khảo ${juror.code} vì trang "${wanted}" đang là phiếu chấm khác; hãy kiểm tra mã và họ tên trong "Ban giám khảo".`,
    );
    return null;
  }
  return wanted;
}

/** Clip information of rows already there follows "Bài dự thi" and the post links. */
function syncClipInfo(table: Table<string>, rowsById: Map<string, TableRow>, clips: Clip[]): void {
  const infoKeys = ['unit', 'title', 'video', 'post'];
  const infoUpdates = new Map<number, unknown[]>();
  for (const c of clips) {
    const existing = rowsById.get(c.submission.id.toUpperCase());
    if (!existing) continue;
    const info = [c.submission.unit, c.submission.title, c.submission.videoLink, c.post];
    if (info.some((v, i) => v !== text(table, existing, infoKeys[i]))) infoUpdates.set(existing.row, info);
  }
  updateRows(table, infoKeys, infoUpdates);
}

/** Rows to grey (true) or un-grey (false), and how many rows became or stopped being conflicts. */
interface ConflictChanges {
  grey: Map<number, boolean>;
  marked: number;
  unmarked: number;
}

/**
 * Tổng of existing rows: recomputed where it differs (a mark typed while no trigger ran), and
 * following the conflicts of interest as they are now (a juror's unit set or changed later).
 */
function syncTotals(table: Table<string>, name: string, juror: JurorRow, inputs: TabInputs, warnings: string[]): ConflictChanges {
  const { clips, rubric } = inputs;
  const clipById = new Map(clips.map((c) => [c.submission.id.toUpperCase(), c]));
  const markCols = rubric.map((_, i) => table.col[markKey(i)]).filter((c) => c >= 0);
  const totalUpdates = new Map<number, unknown[]>();
  const changes: ConflictChanges = { grey: new Map(), marked: 0, unmarked: 0 };
  for (const r of table.rows) {
    const id = text(table, r, 'id');
    const clip = clipById.get(id.toUpperCase());
    const shown = r.cells[table.col.total] ?? '';
    const wasConflict = shown === CONFLICT_NOTE;
    // A clip no longer passed keeps its row as it is (the row is never deleted).
    const conflict = clip ? isConflict(juror, clip.submission.unit) : wasConflict;
    if (conflict) {
      if (!wasConflict) {
        totalUpdates.set(r.row, [CONFLICT_NOTE]);
        changes.grey.set(r.row, true);
        changes.marked++;
      }
      if (markCols.some((c) => !isBlank(r.cells[c]))) {
        warnings.push(
          `Trang "${name}", dòng ${r.row}: bài ${id} cùng đơn vị với giám khảo ${juror.name} (không chấm) nhưng đã có điểm – điểm này không được tính.`,
        );
      }
      continue;
    }
    const total = juryRowTotal(table, wasConflict ? withoutTotal(table, r) : r, rubric);
    if (total !== shown) totalUpdates.set(r.row, [total]);
    if (wasConflict) {
      changes.grey.set(r.row, false);
      changes.unmarked++;
    }
  }
  updateRows(table, ['total'], totalUpdates);
  return changes;
}

/** Appends a row per passed clip the tab does not list yet, then paints the conflict rows; returns how many were added. */
function appendFreshRows(
  sheet: Sheet,
  table: Table<string>,
  schemaWidth: number,
  juror: JurorRow,
  clips: Clip[],
  rowsById: Map<string, TableRow>,
  grey: Map<number, boolean>,
): number {
  const fresh = clips.filter((c) => !rowsById.has(c.submission.id.toUpperCase()));
  const conflicts = fresh.map((c) => isConflict(juror, c.submission.unit));
  const start = appendRecords(
    table,
    fresh.map((c, i) => ({
      id: c.submission.id,
      unit: c.submission.unit,
      title: c.submission.title,
      video: c.submission.videoLink,
      post: c.post,
      total: conflicts[i] ? CONFLICT_NOTE : '',
    })),
  );
  const width = Math.max(table.width, schemaWidth);
  if (grey.size === 0 && conflicts.some((x) => x)) {
    // Only new rows to paint: no need to read the colours first.
    const colors = conflicts.map((x) => new Array<string | null>(width).fill(x ? CONFLICT_BACKGROUND : null));
    sheet.getRange(start, 1, fresh.length, width).setBackgrounds(colors as string[][]);
  } else {
    conflicts.forEach((x, i) => {
      if (x) grey.set(start + i, true);
    });
    paintRows(sheet, width, grey);
  }
  return fresh.length;
}

/** Creates or repairs one juror's tab and brings its rows in step with the passed clips. */
function prepareJurorTab(inputs: TabInputs, juror: JurorRow, found: JuryTabLocation, report: Report): void {
  const name = tabNameFor(inputs.sheets, found, juror, report);
  if (name === null) return;
  const schema = { ...juryTabSchema(juror, inputs.rubric), name };
  const ensured = ensureSheet(inputs.layout, schema, { jurorEmail: juror.email || undefined, jurorEmails: inputs.jurorEmails, insertBefore: 'total' });
  if (!found.bound) ensured.sheet.getRange(1, 1).setNote(juryCodeNote(juror.code));
  const table = readTable(ensured.sheet, schema);
  const rowsById = new Map(table.rows.map((r) => [text(table, r, 'id').toUpperCase(), r]));
  syncClipInfo(table, rowsById, inputs.clips);
  const changes = syncTotals(table, name, juror, inputs, report.warnings);
  const added = appendFreshRows(ensured.sheet, table, schema.columns.length, juror, inputs.clips, rowsById, changes.grey);
  const conflictTotal = inputs.clips.filter((c) => isConflict(juror, c.submission.unit)).length;
  const parts = [`"${name}": ${ensured.created ? 'đã tạo' : 'đã cập nhật'}, thêm ${added} bài`];
  if (conflictTotal > 0) parts.push(`${conflictTotal} bài cùng đơn vị không chấm`);
  if (changes.marked > 0) parts.push(`đánh dấu thêm ${changes.marked} bài cùng đơn vị`);
  if (changes.unmarked > 0) parts.push(`bỏ đánh dấu ${changes.unmarked} bài không còn cùng đơn vị`);
  report.lines.push(`${parts.join(', ')}.`);
  if (ensured.insertedHeaders.length > 0) {
    report.lines.push(`"${name}": đã thêm cột ${ensured.insertedHeaders.map((h) => `"${h}"`).join(', ')} (trước cột "Tổng").`);
  }
  report.warnings.push(...problemMessages(staleMarkColumns(table)));
  if (!juror.email) report.warnings.push(`Giám khảo "${juror.name}" chưa có email: chỉ Ban tổ chức sửa được "${name}".`);
}

/**
 * For every juror: creates or repairs "BGK - <Họ tên>" (rubric columns validated 0…max, protected to
 * that juror's email and the organizers), appends rows for passed clips it does not list yet, keeps
 * the clip information columns in step, and recomputes Tổng. Marks and comments are never written.
 * A clip of the juror's own unit is listed greyed with "Không chấm (cùng đơn vị)" and is not expected;
 * existing rows follow a conflict added or removed since (marks typed into such a row are reported).
 * A criterion added to "Tiêu chí chấm" becomes a column before "Tổng"; a column of a criterion no
 * longer there is kept, and reported while it holds marks. Also adds "Tương tác" rows for passed clips.
 */
export function prepareJuryTabs(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    // Listed first (locating the tabs needs the list anyway): every sheet is then found by name for free.
    const sheets = new SheetIndex(ctx.spreadsheet);
    sheets.list();
    const { settings, criteria, rubric } = readRules(sheets);
    const people = readPeople(sheets, settings.timeZone);
    const clips = readPassedClips(sheets, criteria, people.submissions, settings);
    const located = locateJuryTabs(sheets, people.jurors);
    assertCanWrite(ctx, JURY_TABS_TITLE, [...located.tabs.filter((t) => t.sheet).map((t) => t.name), ENGAGEMENT.name], sheets);
    const inputs: TabInputs = {
      ctx,
      sheets,
      layout: layoutContext(ctx, sheets),
      rubric,
      clips,
      jurorEmails: people.jurors.map((j) => j.email).filter((e) => e !== ''),
    };
    const report: Report = { lines: [`${clips.length} bài đạt thẩm định được đưa vào phiếu chấm của ${people.jurors.length} giám khảo.`], warnings: [] };
    if (people.jurors.length === 0) report.warnings.push('Trang "Ban giám khảo" chưa có giám khảo nào.');
    people.jurors.forEach((juror, n) => {
      ctx.progress?.(`Đang chuẩn bị phiếu chấm ${n + 1}/${people.jurors.length}: ${juror.name}…`);
      prepareJurorTab(inputs, juror, located.tabs[n], report);
    });
    report.warnings.push(...located.orphans.map(orphanTabMessage));
    const access = shareWithJurors(ctx, people.jurors, settings.shareWithJurors);
    report.lines.push(...access.lines);
    report.warnings.push(...access.warnings);

    const added = syncEngagementRows(
      sheets,
      clips.map((c) => ({ clipId: c.submission.id, post: c.post })),
    );
    if (added > 0) report.lines.push(`Đã thêm ${added} bài vào trang "Tương tác".`);
    report.warnings.push(...problemMessages(people.warnings.filter((p) => p.code !== 'juror.email')));
    return { title: JURY_TABS_TITLE, ...report };
  });
}

type Juror = { name: string; email: string };

/**
 * Jurors with an email who are not editors of the spreadsheet (Spreadsheet.getEditors()): being an
 * editor of their tab's protection does not let them type (Google: Protection.addEditor "does not
 * automatically give the user permission to edit the spreadsheet itself"). With "Chia sẻ bảng tính
 * với giám khảo" = Có they get edit access (Spreadsheet.addEditors, which e-mails them); otherwise
 * they are only named, since sharing the file is the organizer's decision.
 */
function shareWithJurors(ctx: ActionContext, jurors: Juror[], share: boolean): { lines: string[]; warnings: string[] } {
  const withEmail = jurors.filter((j) => j.email !== '');
  if (withEmail.length === 0) return { lines: [], warnings: [] };
  const editors = new Set(ctx.spreadsheet.getEditors().map((u) => u.getEmail().toLowerCase()));
  const missing = withEmail.filter((j) => !editors.has(j.email.toLowerCase()));
  if (missing.length === 0) return { lines: [], warnings: [] };
  const named = (list: Juror[]) => list.map((j) => `${j.name} (${j.email})`).join(', ');
  if (!share) {
    return {
      lines: [],
      warnings: [
        `${missing.length} giám khảo chưa có quyền chỉnh sửa bảng tính nên chưa nhập được điểm vào phiếu chấm của mình: ${named(missing)}. ` +
          `Quyền trên trang "BGK - …" không tự cấp quyền vào tệp. Hãy chia sẻ bảng tính với họ (nút Chia sẻ → Người chỉnh sửa), ` +
          `hoặc đặt "Chia sẻ bảng tính với giám khảo" là Có trong trang "Cấu hình" rồi chạy lại "${JURY_TABS_TITLE}".`,
      ],
    };
  }
  const shared: Juror[] = [];
  const failed: Juror[] = [];
  for (const j of missing) {
    try {
      ctx.spreadsheet.addEditor(j.email);
      shared.push(j);
    } catch {
      // An address without a Google account (or a domain policy) is refused: named below.
      failed.push(j);
    }
  }
  const lines = shared.length > 0 ? [`Đã chia sẻ bảng tính (quyền chỉnh sửa) với ${shared.length} giám khảo: ${named(shared)}.`] : [];
  const warnings =
    failed.length > 0 ? [`Không chia sẻ được bảng tính với: ${named(failed)}. Hãy kiểm tra email (cần là tài khoản Google) rồi chia sẻ bằng nút Chia sẻ.`] : [];
  return { lines, warnings };
}

export const juryTabsAction: MenuAction = { title: JURY_TABS_TITLE, run: prepareJuryTabs };
