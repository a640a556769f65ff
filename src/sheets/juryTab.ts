// Schema of the per-juror tabs "BGK - <Họ tên>" (clip rows, rubric columns, Tổng, Nhận xét) and mark reading.
import { parseMark, parseNumberCell } from '../domain/parse';
import { roundToScoreUnits } from '../domain/ranking';
import type { JuryMarkRow, Juror, Problem, RubricCriterion } from '../domain/types';
import { clipInfoColumns, defineSchema, headerKey, type ColumnSpec, type SheetSchema } from './schema';
import { RepeatTracker, cellSignature, duplicateKeyProblems } from './duplicates';
import { RUBRIC } from './rubric';
import type { SheetIndex } from './sheetIndex';
import { cell, text, type Table, type TableRow } from './table';

export const JURY_TAB_PREFIX = 'BGK - ';

/** Tab name of a juror, e.g. "BGK - Nguyễn Văn An". Sheet names cannot hold these characters. */
export function juryTabName(juror: Pick<Juror, 'name'>): string {
  return `${JURY_TAB_PREFIX}${juror.name
    .replace(/[\[\]*?:/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`.slice(0, 100);
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A jury tab is bound to its juror's code by a note on header cell A1, so renaming the juror ("Họ tên")
 * renames the tab instead of orphaning the marks. A note is what both Google and the emulator keep
 * with the cell (it moves with the cell when columns are moved), and organizers can see it.
 */
export const JURY_CODE_NOTE_PREFIX = 'Mã giám khảo: ';

export function juryCodeNote(code: string): string {
  return `${JURY_CODE_NOTE_PREFIX}${code}\n(Add-on dùng ghi chú này để nhận ra phiếu chấm khi họ tên giám khảo thay đổi; xin đừng xoá.)`;
}

/** The juror code in a header-row note ('' when none). */
export function codeFromNote(note: string): string {
  const m = /Mã giám khảo:\s*(\S+)/i.exec(note);
  return m ? m[1] : '';
}

/** Where one juror's tab is: the sheet (null when there is none yet), its current name, and whether A1 already carries this juror's code. */
export interface JuryTabLocation {
  sheet: Sheet | null;
  name: string;
  bound: boolean;
}

/**
 * Finds every juror's "BGK - …" tab: first by the juror code in the header-row note, then (for tabs
 * carrying no current juror's code) by the tab name. `orphans` are "BGK - …" tabs matching no juror;
 * they are reported, never deleted. Costs the index's list (getSheets, a getName per sheet, once per action) and two calls per jury tab.
 */
export function locateJuryTabs(sheets: SheetIndex, jurors: Pick<Juror, 'code' | 'name'>[]): { tabs: JuryTabLocation[]; orphans: string[] } {
  const candidates = sheets
    .list()
    .filter((c) => c.name.startsWith(JURY_TAB_PREFIX))
    .map((c) => ({ ...c, code: codeFromNote(c.sheet.getRange('1:1').getNotes()[0].join('\n')).toUpperCase(), used: false }));
  const codes = new Set(jurors.map((j) => j.code.toUpperCase()));
  const tabs = jurors.map((juror): JuryTabLocation => {
    const code = juror.code.toUpperCase();
    let found = candidates.find((c) => !c.used && c.code === code);
    const bound = !!found;
    // A tab whose note names no current juror (or has no note) is claimed by name, as Sheets matches names.
    if (!found) found = candidates.find((c) => !c.used && !codes.has(c.code) && c.name.toLowerCase() === juryTabName(juror).toLowerCase());
    if (!found) return { sheet: null, name: juryTabName(juror), bound: false };
    found.used = true;
    return { sheet: found.sheet, name: found.name, bound };
  });
  return { tabs, orphans: candidates.filter((c) => !c.used).map((c) => c.name) };
}

/** Warning for a "BGK - …" tab that belongs to no juror. */
export function orphanTabMessage(name: string): string {
  return `Trang "${name}" không ứng với giám khảo nào trong "Ban giám khảo" (không khớp mã giám khảo hay họ tên): điểm trong trang này không được tính. Add-on không xoá trang này; Ban tổ chức hãy kiểm tra lại mã/họ tên giám khảo hoặc tự xoá trang nếu không cần.`;
}

export function markKey(index: number): string {
  return `mark:${index}`;
}

/** Written in `Tổng` of a conflict-of-interest row, which the juror does not mark. */
export const CONFLICT_NOTE = 'Không chấm (cùng đơn vị)';

/**
 * `Tổng` is written by the add-on (on each edit through the simple onEdit trigger, and again by
 * "Chuẩn bị phiếu chấm BGK" and "Tính điểm") rather than by a formula: a formula would sum "9,5a" as
 * nothing and show a plausible total, breaks when columns are reordered, and does not survive the
 * offline .xlsx path; the add-on shows "Kiểm tra lại điểm" instead. Scoring never reads `Tổng`.
 */
export function juryTabSchema(juror: Pick<Juror, 'name'>, rubric: RubricCriterion[]): SheetSchema<string> {
  const marks: ColumnSpec<string>[] = rubric.map((c, i) => ({
    key: markKey(i),
    header: c.name,
    role: 'input',
    width: 90,
    // allowText: a typo such as "9,5a" is accepted by the cell and reported with its place by "Tính điểm".
    validation: { kind: 'number', min: 0, max: c.max, allowText: true },
    note: `Điểm từ 0 đến ${c.max}; để trống nếu chưa chấm (0 là một điểm).`,
  }));
  return defineSchema<string>({
    name: juryTabName(juror),
    protection: 'juror',
    description: `Phiếu chấm của giám khảo ${juror.name}: chỉ giám khảo này và Ban tổ chức được sửa.`,
    columns: [
      ...clipInfoColumns(),
      { key: 'post', header: 'Link bài đăng', role: 'computed', width: 240 },
      ...marks,
      { key: 'total', header: 'Tổng', role: 'computed', width: 90 },
      { key: 'comment', header: 'Nhận xét', role: 'input', width: 300 },
    ],
  });
}

/** What `Tổng` shows for a juror row: the sum, blank while unmarked, a hint when a mark is unreadable. */
export function juryRowTotal(table: Table<string>, row: TableRow, rubric: { name: string; max: number }[]): unknown {
  const shown = cell(table, row, 'total');
  if (shown === CONFLICT_NOTE) return CONFLICT_NOTE;
  let sum = 0;
  let blank = false;
  for (let i = 0; i < rubric.length; i++) {
    const parsed = parseMark(cell(table, row, markKey(i)), rubric[i].max, { sheet: table.schema.name, row: row.row, column: rubric[i].name });
    if (!parsed.ok) return JURY_TOTAL_BAD;
    if (parsed.value === null) blank = true;
    else sum += parsed.value;
  }
  return blank ? '' : roundToScoreUnits(sum);
}

/**
 * The same `Tổng` cell from a total the domain already computed (ContestOutput.markTotals), so
 * "Tính điểm" does not parse the marks a second time. A conflict row keeps its note.
 */
export function juryTotalCell(shown: unknown, total: number | null, invalid: boolean): unknown {
  if (shown === CONFLICT_NOTE) return CONFLICT_NOTE;
  if (invalid) return JURY_TOTAL_BAD;
  return total === null ? '' : roundToScoreUnits(total);
}

/** Shown in `Tổng` when one of the row's marks cannot be read. */
export const JURY_TOTAL_BAD = 'Kiểm tra lại điểm';

export interface JuryTabRead {
  marks: JuryMarkRow[];
  problems: Problem[];
  /** Sheet row per clip ID (first row wins), to write Tổng back. */
  rowOf: Map<string, number>;
  /** Clip IDs whose row shows at least one bad mark. */
  badClips: Set<string>;
}

/**
 * Marks of one juror's tab. A bad mark ("9,5a", 120 out of 100) is a problem naming the tab, row and
 * column; that clip's row then counts as not marked (never as 0) and its cells are left as typed.
 */
export function readJuryTab(table: Table<string>, juror: Juror, rubric: RubricCriterion[]): JuryTabRead {
  const marks: JuryMarkRow[] = [];
  const problems: Problem[] = [];
  const rowOf = new Map<string, number>();
  const badClips = new Set<string>();
  const sheet = table.schema.name;
  const repeats = new RepeatTracker<{ shown: string; r: TableRow }>();
  for (const r of table.rows) {
    const clipId = text(table, r, 'id');
    if (clipId === '') continue;
    if (!rowOf.has(clipId.toUpperCase())) rowOf.set(clipId.toUpperCase(), r.row);
    const values: (number | null)[] = [];
    const invalid: { sheet: string; row: number; column: string }[] = [];
    rubric.forEach((c, i) => {
      const parsed = parseMark(cell(table, r, markKey(i)), c.max, { sheet, row: r.row, column: c.name });
      if (parsed.ok) values.push(parsed.value);
      else {
        problems.push(parsed.problem);
        invalid.push({ sheet, row: r.row, column: c.name });
        values.push(null);
      }
    });
    repeats.see(clipId.toUpperCase(), { shown: clipId, r });
    if (invalid.length > 0) badClips.add(clipId.toUpperCase());
    marks.push(
      invalid.length > 0 ? { clipId, jurorCode: juror.code, marks: values, invalid, row: r.row } : { clipId, jurorCode: juror.code, marks: values, row: r.row },
    );
  }
  // The same clip marked twice: identical marks are counted once; different ones stop scoring ('jury.duplicate').
  const groups = repeats
    .groups()
    .map((g) => g.map(({ shown, r }) => ({ shown, row: r.row, signature: rubric.map((_, i) => cellSignature(cell(table, r, markKey(i)))).join('\u0000') })));
  problems.push(...duplicateKeyProblems(sheet, 'Mã bài', 'jury', groups, 'điểm'));
  return { marks, problems, rowOf, badClips };
}

/**
 * Mark columns left over from an earlier rubric: a column between the clip information and "Tổng" whose header is no column of
 * the tab's schema (e.g. "Điểm" after "Tiêu chí chấm" became "Nội dung" + "Hình thức") and that still
 * holds numbers in clip rows. Those marks are not counted; the add-on never deletes the column, so the
 * organizer decides (rename the header to a current criterion, or clear the column). Text in such a
 * column (an organizer's own notes) is not counted as marks. Uses the table as read, no service call.
 */
export function staleMarkColumns(table: Table<string>): Problem[] {
  const totalAt = table.col.total;
  if (totalAt === undefined || totalAt < 0) return [];
  const known = new Set(table.schema.columns.map((c) => headerKey(c.header)));
  const sheet = table.schema.name;
  const problems: Problem[] = [];
  // Criteria columns only ever live between the clip information ("Mã bài" … "Link bài đăng") and
  // "Tổng": setup lays them out there and inserts new criteria before "Tổng". A numeric column an
  // organizer added elsewhere (an "STT" at the left, a tally after "Tổng") never held criteria.
  const infoEnd = Math.max(...['id', 'unit', 'title', 'video', 'post'].map((k) => table.col[k] ?? -1));
  for (let i = infoEnd + 1; i < totalAt; i++) {
    const header = String(table.headers[i] ?? '').trim();
    if (header === '' || known.has(headerKey(header))) continue;
    const n = table.rows.filter((r) => text(table, r, 'id') !== '' && typeof parseNumberCell(r.cells[i]) === 'number').length;
    if (n === 0) continue;
    problems.push({
      code: 'jury.stale_column',
      severity: 'info',
      message: `Trang "${sheet}", cột "${header}": còn ${n} điểm nhưng tiêu chí này không còn trong "${RUBRIC.name}" – điểm này không được tính.`,
      sheet,
      column: header,
    });
  }
  return problems;
}
