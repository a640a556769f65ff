// Schema of "Tiêu chí thẩm định" (appraisal checklist) and its row mapping.
import { DEFAULT_APPRAISAL_CRITERIA } from '../domain/appraisal';
import { parseBoolean } from '../domain/parse';
import type { AppraisalCriterion, Problem } from '../domain/types';
import { defineSchema } from './schema';
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
export type AppraisalCriteriaKey = 'code' | 'text' | 'required';

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
      problems.push({ code: 'criterion.code_missing', message: `Trang "${sheet}", dòng ${r.row}, cột "Mã": tiêu chí "${label}" chưa có mã.`, sheet, row: r.row, column: 'Mã' });
      continue;
    }
    if (seen.has(code.toUpperCase())) {
      problems.push({ code: 'criterion.duplicate', message: `Trang "${sheet}", dòng ${r.row}, cột "Mã": mã "${code}" bị trùng.`, sheet, row: r.row, column: 'Mã' });
      continue;
    }
    seen.add(code.toUpperCase());
    const req = text(table, r, 'required');
    const parsed = req === '' ? true : parseBoolean(req);
    if (parsed === null) {
      problems.push({ code: 'criterion.required', message: `Trang "${sheet}", dòng ${r.row}, cột "Bắt buộc": "${req}" không hợp lệ; cần "Có" hoặc "Không".`, sheet, row: r.row, column: 'Bắt buộc' });
    }
    criteria.push({ code, text: label || code, required: parsed ?? true });
  }
  return { criteria, problems };
}
