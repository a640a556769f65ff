// Schema of "Tiêu chí chấm" (jury rubric: criterion, maximum) and its row mapping.
import { DEFAULT_RUBRIC } from '../domain/jury';
import { MAX_RUBRIC_MAX, parseNumberCell } from '../domain/parse';
import type { Problem, RubricCriterion } from '../domain/types';
import { cellProblem } from './errors';
import { defineSchema, type SchemaKey } from './schema';
import { cell, text, type Table } from './table';

export const RUBRIC = defineSchema({
  name: 'Tiêu chí chấm',
  protection: 'organizers',
  description: 'Tiêu chí chấm của Ban giám khảo (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'name', header: 'Tiêu chí', role: 'input', width: 300 },
    { key: 'max', header: 'Điểm tối đa', role: 'input', width: 110, validation: { kind: 'number', min: 0 } },
  ],
});
export type RubricKey = SchemaKey<typeof RUBRIC>;

/** Headers a rubric criterion cannot take, because the jury tab already has columns by these names. */
export const RESERVED_JURY_HEADERS = ['Mã bài', 'Đơn vị', 'Tên tác phẩm', 'Link video', 'Link bài đăng', 'Tổng', 'Nhận xét'];

export function rubricSeedRows(): Record<RubricKey, unknown>[] {
  return DEFAULT_RUBRIC.map((c) => ({ name: c.name, max: c.max }));
}

export function readRubric(table: Table<RubricKey>): { rubric: RubricCriterion[]; problems: Problem[] } {
  const rubric: RubricCriterion[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  const seen = new Set<string>();
  for (const r of table.rows) {
    const name = text(table, r, 'name');
    const max = parseNumberCell(cell(table, r, 'max'));
    const at = (column: string) => ({ sheet, row: r.row, column });
    if (name === '') {
      problems.push(cellProblem('rubric.name', 'stops-action', at('Tiêu chí'), 'tiêu chí chưa có tên.'));
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key) || RESERVED_JURY_HEADERS.some((h) => h.toLowerCase() === key)) {
      problems.push(cellProblem('rubric.name_taken', 'stops-action', at('Tiêu chí'), `tên "${name}" bị trùng hoặc trùng tên cột có sẵn của phiếu chấm.`));
      continue;
    }
    seen.add(key);
    if (typeof max !== 'number' || max <= 0) {
      problems.push(cellProblem('rubric.max', 'stops-action', at('Điểm tối đa'), `cần một số dương (tiêu chí "${name}").`));
      continue;
    }
    if (max > MAX_RUBRIC_MAX) {
      problems.push(cellProblem('rubric.max', 'stops-action', at('Điểm tối đa'), `${max} lớn quá mức hợp lý: tối đa ${MAX_RUBRIC_MAX} (tiêu chí "${name}").`));
      continue;
    }
    rubric.push({ name, max });
  }
  if (rubric.length === 0 && problems.length === 0) {
    problems.push({ code: 'rubric.empty', severity: 'stops-action', message: `Trang "${sheet}" chưa có tiêu chí chấm nào.`, sheet });
  }
  return { rubric, problems };
}
