// Schema of "Tiêu chí thẩm định" (appraisal checklist) and its row mapping.
import { DEFAULT_APPRAISAL_CRITERIA } from '../domain/appraisal';
import { parseBoolean } from '../domain/parse';
import type { AppraisalCriterion, Problem } from '../domain/types';
import { cellProblem } from './errors';
import { defineSchema, type SchemaKey } from './schema';
import { text, type Table } from './table';

export const APPRAISAL_CRITERIA = defineSchema({
  name: 'Tiêu chí thẩm định',
  protection: 'organizers',
  description: 'Tiêu chí thẩm định clip (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'code', header: 'Mã', role: 'input', width: 70 },
    { key: 'text', header: 'Tiêu chí', role: 'input', width: 420 },
    { key: 'required', header: 'Bắt buộc', role: 'input', width: 90, validation: { kind: 'list', values: ['Có', 'Không'] } },
  ],
});
export type AppraisalCriteriaKey = SchemaKey<typeof APPRAISAL_CRITERIA>;

export function appraisalCriteriaSeedRows(): Record<AppraisalCriteriaKey, string>[] {
  return DEFAULT_APPRAISAL_CRITERIA.map((c) => ({ code: c.code, text: c.text, required: c.required ? 'Có' : 'Không' }));
}

/** Criteria in sheet order; a blank "Bắt buộc" means required; duplicate or blank codes are problems. */
export function readAppraisalCriteria(table: Table<AppraisalCriteriaKey>): { criteria: AppraisalCriterion[]; problems: Problem[] } {
  const criteria: AppraisalCriterion[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const sheet = table.schema.name;
  for (const r of table.rows) {
    const code = text(table, r, 'code');
    const label = text(table, r, 'text');
    if (code === '') {
      problems.push(cellProblem('criterion.code_missing', 'stops-action', { sheet, row: r.row, column: 'Mã' }, `tiêu chí "${label}" chưa có mã.`));
      continue;
    }
    if (seen.has(code.toUpperCase())) {
      problems.push(cellProblem('criterion.duplicate', 'stops-action', { sheet, row: r.row, column: 'Mã' }, `mã "${code}" bị trùng.`));
      continue;
    }
    seen.add(code.toUpperCase());
    const req = text(table, r, 'required');
    const parsed = req === '' ? true : parseBoolean(req);
    if (parsed === null) {
      problems.push(
        cellProblem('criterion.required', 'stops-action', { sheet, row: r.row, column: 'Bắt buộc' }, `"${req}" không hợp lệ; cần "Có" hoặc "Không".`),
      );
    }
    criteria.push({ code, text: label || code, required: parsed ?? true });
  }
  return { criteria, problems };
}
