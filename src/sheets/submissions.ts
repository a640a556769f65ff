// Schema of "Bài dự thi" (one row per submission) and its row mapping.
import { parseDateTime, isDate } from '../domain/parse';
import { matchUnit } from '../domain/units';
import type { Problem, Submission, Unit } from '../domain/types';
import { ESSENTIAL_QUESTIONS, type QuestionKey } from '../forms/questions';
import { RepeatTracker, cellSignature, duplicateKeyProblems } from './duplicates';
import { cellProblem } from './errors';
import { DATE_TIME_FORMAT, defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table, type TableRow } from './table';

export const SUBMISSIONS = defineSchema({
  name: 'Bài dự thi',
  protection: 'organizers',
  description: 'Bài dự thi do biểu mẫu ghi vào (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'time', header: 'Thời gian nộp', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
    { key: 'unit', header: 'Đơn vị', role: 'input', width: 220 },
    { key: 'entryType', header: 'Hình thức', role: 'input', width: 100, validation: { kind: 'list', values: ['Cá nhân', 'Tập thể'] } },
    { key: 'authors', header: 'Tác giả', role: 'input', width: 220 },
    { key: 'title', header: 'Tên tác phẩm', role: 'input', width: 260 },
    { key: 'video', header: 'Link video', role: 'input', width: 260, validation: { kind: 'url' } },
    { key: 'length', header: 'Thời lượng', role: 'input', width: 90 },
    { key: 'contact', header: 'Người liên hệ', role: 'input', width: 180 },
    { key: 'phone', header: 'Điện thoại', role: 'input', width: 120 },
    { key: 'email', header: 'Email', role: 'input', width: 200 },
    { key: 'flags', header: 'Cảnh báo', role: 'computed', width: 200 },
    { key: 'status', header: 'Trạng thái', role: 'computed', width: 130 },
  ],
});
export type SubmissionKey = SchemaKey<typeof SUBMISSIONS>;

/** The "Bài dự thi" column each form question feeds (the pledge is not kept). Exhaustive so a new question must be placed. */
const COLUMN_OF_QUESTION: Record<QuestionKey, SubmissionKey | null> = {
  unit: 'unit',
  entryType: 'entryType',
  authors: 'authors',
  title: 'title',
  videoLink: 'video',
  length: 'length',
  contactName: 'contact',
  phone: 'phone',
  email: 'email',
  pledge: null,
};

/**
 * Columns a row typed by hand must fill: the form's essential questions (the ones a linked form must
 * have), in sheet order. "Đơn vị" is left out because a blank unit is already reported by clip wherever
 * it matters ("Kết quả" note, "Tính điểm" and "Lập danh sách khen thưởng" warnings, "Tham gia").
 */
const REQUIRED_COLUMNS = SUBMISSIONS.columns.filter((c) =>
  ESSENTIAL_QUESTIONS.some((q) => q !== 'unit' && COLUMN_OF_QUESTION[q] === c.key),
);

/** A submission with its sheet row and the unit text as typed (for messages). */
export interface SubmissionRow extends Submission {
  row: number;
  unitTyped: string;
}

/**
 * Submissions in sheet order. Units are matched against the roster exactly as the intake does, so
 * results name the roster's `Tên đơn vị`. Rows without an ID, repeated IDs and unreadable times are
 * problems (a bad time keeps the row, with `submittedAt` null).
 */
export function readSubmissions(
  table: Table<SubmissionKey>,
  units: Unit[],
  timeZone: string,
): { submissions: SubmissionRow[]; problems: Problem[] } {
  const submissions: SubmissionRow[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  const repeats = new RepeatTracker<{ shown: string; r: TableRow }>();
  for (const r of table.rows) {
    const id = text(table, r, 'id');
    if (id === '') {
      // A row someone typed (any input column) is a clip that would vanish from the results: it stops
      // scoring. Only the add-on's own columns left over ("Cảnh báo", "Trạng thái") are just noted.
      const typed = SUBMISSIONS.columns.some((c) => c.role === 'input' && text(table, r, c.key) !== '');
      problems.push(
        typed
          ? cellProblem('submission.id', { sheet, row: r.row, column: 'Mã bài' }, 'dòng này có nội dung nhưng chưa có mã bài nên không được chấm; hãy ghi mã bài (ví dụ HT-046) hoặc xoá dòng.')
          : cellProblem('submission.id_leftover', { sheet, row: r.row, column: 'Mã bài' }, 'dòng này chỉ còn cột do add-on ghi, chưa có mã bài nên bị bỏ qua.'),
      );
      continue;
    }
    const key = id.toUpperCase();
    // The first row of a repeated ID is read; duplicateKeyProblems below says whether that matters.
    if (!repeats.see(key, { shown: id, r })) continue;
    const rawTime = cell(table, r, 'time');
    const time = parseDateTime(rawTime, timeZone);
    if (time === 'invalid') {
      problems.push(cellProblem('submission.time', { sheet, row: r.row, column: 'Thời gian nộp' }, `"${String(rawTime)}" không phải ngày giờ (dd/MM/yyyy HH:mm).`));
    }
    // The intake writes "Thiếu thông tin" only when a response arrives; rows typed or emptied by hand are
    // caught here, on every read. A warning only: the row is still appraised and scored.
    const missing = REQUIRED_COLUMNS.filter((c) => text(table, r, c.key) === '').map((c) => c.header);
    if (missing.length > 0) {
      const list = missing.map((h) => `"${h}"`).join(', ');
      problems.push({ code: 'submission.missing', message: `Trang "${sheet}", dòng ${r.row}: thiếu ${list}.`, sheet, row: r.row, column: missing[0] });
    }
    const unitTyped = text(table, r, 'unit');
    const unit = matchUnit(unitTyped, units);
    submissions.push({
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
    });
  }
  const compared = SUBMISSIONS.columns.filter((c) => c.role === 'input' || c.key === 'time');
  const groups = repeats.groups().map((g) => g.map(({ shown, r }) => ({ shown, row: r.row, signature: compared.map((c) => cellSignature(cell(table, r, c.key))).join('\u0000') })));
  problems.push(...duplicateKeyProblems(sheet, 'Mã bài', 'submission', groups, 'thông tin bài'));
  return { submissions, problems };
}
