// Schema of "Bài dự thi" (one row per submission) and its row mapping.
import { parseDateTime, isDate } from '../domain/parse';
import { matchUnit } from '../domain/units';
import type { Problem, Submission, Unit } from '../domain/types';
import { RepeatTracker, cellSignature, duplicateKeyProblems } from './duplicates';
import { cellProblem } from './errors';
import { DATE_TIME_FORMAT, defineSchema, type ColumnSpec, type SchemaKey, type SheetSchema } from './schema';
import { appendRows, cell, readTable, text, updateRows, type Table, type TableRow } from './table';

export const SUBMISSIONS = defineSchema({
  name: 'Bài dự thi',
  protection: 'organizers',
  description: 'Bài dự thi do biểu mẫu ghi vào (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'time', header: 'Thời gian nộp', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
    { key: 'unit', header: 'Đơn vị', role: 'input', width: 220 },
    { key: 'entryType', header: 'Hình thức', role: 'input', filledByHand: true, width: 100, validation: { kind: 'list', values: ['Cá nhân', 'Tập thể'] } },
    { key: 'authors', header: 'Tác giả', role: 'input', filledByHand: true, width: 220 },
    { key: 'title', header: 'Tên tác phẩm', role: 'input', filledByHand: true, width: 260 },
    { key: 'video', header: 'Link video', role: 'input', filledByHand: true, width: 260, validation: { kind: 'url' } },
    { key: 'length', header: 'Thời lượng', role: 'input', width: 90 },
    { key: 'contact', header: 'Người liên hệ', role: 'input', width: 180 },
    { key: 'phone', header: 'Điện thoại', role: 'input', width: 120 },
    { key: 'email', header: 'Email', role: 'input', width: 200 },
    { key: 'flags', header: 'Cảnh báo', role: 'computed', width: 200 },
    { key: 'status', header: 'Trạng thái', role: 'computed', width: 130 },
  ],
});
export type SubmissionKey = SchemaKey<typeof SUBMISSIONS>;

/**
 * Columns a row typed by hand must fill (what the form asks for and "Thiếu thông tin" flags). "Đơn vị"
 * is left out because a blank unit is already reported by clip wherever it matters ("Kết quả" note,
 * "Tính điểm" and "Lập danh sách khen thưởng" warnings, "Tham gia").
 */
const REQUIRED_COLUMNS = SUBMISSIONS.columns.filter((c) => c.filledByHand);

/** A submission with its sheet row and the unit text as typed (for messages). */
export interface SubmissionRow extends Submission {
  row: number;
  unitTyped: string;
}

/**
 * The problem of a row without an ID: a row someone typed (any input column) is a clip that would
 * vanish from the results, so it stops scoring; only the add-on's own columns left over ("Cảnh báo",
 * "Trạng thái") are just noted.
 */
function idlessRowProblem(table: Table<SubmissionKey>, r: TableRow): Problem {
  const place = { sheet: table.schema.name, row: r.row, column: 'Mã bài' };
  const typed = SUBMISSIONS.columns.some((c) => c.role === 'input' && text(table, r, c.key) !== '');
  return typed
    ? cellProblem(
        'submission.id',
        'changes-score',
        place,
        'dòng này có nội dung nhưng chưa có mã bài nên không được chấm; hãy ghi mã bài (ví dụ HT-046) hoặc xoá dòng.',
      )
    : cellProblem('submission.id_leftover', 'info', place, 'dòng này chỉ còn cột do add-on ghi, chưa có mã bài nên bị bỏ qua.');
}

/**
 * The intake writes "Thiếu thông tin" only when a response arrives; rows typed or emptied by hand are
 * caught here, on every read. A warning only: the row is still appraised and scored.
 */
function missingColumnsProblem(table: Table<SubmissionKey>, r: TableRow): Problem | null {
  const sheet = table.schema.name;
  const missing = REQUIRED_COLUMNS.filter((c) => text(table, r, c.key) === '').map((c) => c.header);
  if (missing.length === 0) return null;
  const list = missing.map((h) => `"${h}"`).join(', ');
  return { code: 'submission.missing', severity: 'info', message: `Trang "${sheet}", dòng ${r.row}: thiếu ${list}.`, sheet, row: r.row, column: missing[0] };
}

/** One row with an ID as a submission, with the problems of its time and its missing columns. */
function readSubmissionRow(table: Table<SubmissionKey>, r: TableRow, id: string, units: Unit[], timeZone: string, problems: Problem[]): SubmissionRow {
  const rawTime = cell(table, r, 'time');
  const time = parseDateTime(rawTime, timeZone);
  if (time === 'invalid') {
    problems.push(
      cellProblem(
        'submission.time',
        'changes-score',
        { sheet: table.schema.name, row: r.row, column: 'Thời gian nộp' },
        `"${String(rawTime)}" không phải ngày giờ (dd/MM/yyyy HH:mm).`,
      ),
    );
  }
  const missing = missingColumnsProblem(table, r);
  if (missing) problems.push(missing);
  const unitTyped = text(table, r, 'unit');
  const unit = matchUnit(unitTyped, units);
  return {
    row: r.row,
    id,
    submittedAt: isDate(time) ? time : null,
    unit: unit ? unit.name : unitTyped,
    unitKnown: unit !== null,
    unitTyped,
    entryType: text(table, r, 'entryType'),
    authors: text(table, r, 'authors'),
    title: text(table, r, 'title'),
    videoLink: text(table, r, 'video'),
  };
}

/**
 * Submissions in sheet order. Units are matched against the roster exactly as the intake does, so
 * results name the roster's `Tên đơn vị`. Rows without an ID, repeated IDs and unreadable times are
 * problems (a bad time keeps the row, with `submittedAt` null).
 */
export function readSubmissions(table: Table<SubmissionKey>, units: Unit[], timeZone: string): { submissions: SubmissionRow[]; problems: Problem[] } {
  const submissions: SubmissionRow[] = [];
  const problems: Problem[] = [];
  const repeats = new RepeatTracker<{ shown: string; r: TableRow }>();
  for (const r of table.rows) {
    const id = text(table, r, 'id');
    if (id === '') {
      problems.push(idlessRowProblem(table, r));
      continue;
    }
    // The first row of a repeated ID is read; duplicateKeyProblems below says whether that matters.
    if (!repeats.see(id.toUpperCase(), { shown: id, r })) continue;
    submissions.push(readSubmissionRow(table, r, id, units, timeZone, problems));
  }
  const compared = SUBMISSIONS.columns.filter((c) => c.role === 'input' || c.key === 'time');
  const groups = repeats
    .groups()
    .map((g) => g.map(({ shown, r }) => ({ shown, row: r.row, signature: compared.map((c) => cellSignature(cell(table, r, c.key))).join('\u0000') })));
  problems.push(...duplicateKeyProblems(table.schema.name, 'Mã bài', 'submission', groups, 'thông tin bài'));
  return { submissions, problems };
}

/** Extra column (organizers may add columns) holding Google's response id, so a response is never imported twice. */
export const RESPONSE_ID_HEADER = 'Mã phản hồi';

export type IntakeKey = SubmissionKey | 'responseId';

/** "Bài dự thi" as the intake reads and writes it: the columns above plus the optional response-id column. */
export const INTAKE_SCHEMA: SheetSchema<IntakeKey> = {
  ...SUBMISSIONS,
  columns: [
    ...(SUBMISSIONS.columns as ColumnSpec<IntakeKey>[]),
    {
      key: 'responseId',
      header: RESPONSE_ID_HEADER,
      role: 'computed',
      required: false,
      width: 160,
      note: 'Mã phản hồi của Google Biểu mẫu; add-on dùng để không ghi một bài hai lần.',
    },
  ],
};

/** "Bài dự thi" for the intake, with the response-id column created at the end of row 1 the first time it is needed. */
export function intakeTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): Table<IntakeKey> {
  const table = readTable(sheet, INTAKE_SCHEMA);
  if (table.col.responseId >= 0) return table;
  const column = Math.max(sheet.getLastColumn(), table.width) + 1;
  sheet.getRange(1, column).setValue(RESPONSE_ID_HEADER);
  return readTable(sheet, INTAKE_SCHEMA);
}

/** What a "Bài dự thi" row tells the intake about the rows it adds. */
export interface IntakeRecord {
  row: number;
  id: string;
  responseId: string;
  /** Sent at, from a date cell or a time typed as text (null when unreadable). */
  time: Date | null;
  title: string;
  video: string;
  flags: string;
}

/** Every row, as the intake needs it; `timeZone` reads times typed as text ("01/06/2023 08:00"). */
export function intakeRecords(table: Table<IntakeKey>, timeZone: string): IntakeRecord[] {
  return table.rows.map((r) => {
    const parsed = parseDateTime(cell(table, r, 'time'), timeZone);
    return {
      row: r.row,
      id: text(table, r, 'id'),
      responseId: text(table, r, 'responseId'),
      time: isDate(parsed) ? parsed : null,
      title: text(table, r, 'title'),
      video: text(table, r, 'video'),
      flags: text(table, r, 'flags'),
    };
  });
}

/** A new row: its cells by column (strings as typed; writing keeps them text). */
export type NewSubmissionRow = Partial<Record<IntakeKey, string | Date>>;

/** Appends `rows` with one setValues, and rewrites "Cảnh báo" of the existing rows in `flags` (by sheet row). */
export function appendSubmissionRows(table: Table<IntakeKey>, rows: NewSubmissionRow[], flags: Map<number, string>): void {
  const keys = INTAKE_SCHEMA.columns.map((c) => c.key);
  appendRows(
    table,
    keys,
    rows.map((r) => keys.map((k) => r[k] ?? '')),
  );
  updateRows(table, ['flags'], new Map([...flags].map(([row, f]) => [row, [f]])));
}
