// Schema of "Ban giám khảo" (jurors: code, name, email, own unit) and its row mapping.
import { canonicalUnitName } from '../domain/units';
import type { Juror, Problem, Unit } from '../domain/types';
import { cellProblem } from './errors';
import { defineSchema, type SchemaKey } from './schema';
import { text, type Table } from './table';

export const JURORS = defineSchema({
  name: 'Ban giám khảo',
  protection: 'organizers',
  description: 'Danh sách Ban giám khảo (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'code', header: 'Mã', role: 'input', width: 80 },
    { key: 'name', header: 'Họ tên', role: 'input', width: 220 },
    { key: 'email', header: 'Email', role: 'input', width: 240, note: 'Email Google của giám khảo: chỉ email này được sửa phiếu chấm của mình.' },
    { key: 'unit', header: 'Đơn vị', role: 'input', width: 220, note: 'Đơn vị của giám khảo (nếu có): giám khảo không chấm bài của đơn vị mình.' },
  ],
});
export type JurorKey = SchemaKey<typeof JURORS>;

export interface JurorRow extends Juror {
  row: number;
}

/**
 * Jurors in sheet order. The unit is matched against the roster like a submission's unit, so the
 * conflict-of-interest check compares canonical names. A juror without a code gets "GK<row>".
 */
export function readJurors(table: Table<JurorKey>, units: Unit[]): { jurors: JurorRow[]; problems: Problem[] } {
  const jurors: JurorRow[] = [];
  const problems: Problem[] = [];
  const sheet = table.schema.name;
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const r of table.rows) {
    const at = (column: string) => ({ sheet, row: r.row, column });
    const name = text(table, r, 'name');
    if (name === '') {
      problems.push(cellProblem('juror.name', 'info', at('Họ tên'), 'chưa có họ tên giám khảo.'));
      continue;
    }
    const code = text(table, r, 'code') || `GK${r.row - 1}`;
    if (codes.has(code.toUpperCase())) {
      problems.push(cellProblem('juror.duplicate', 'changes-score', at('Mã'), `mã giám khảo "${code}" bị trùng.`));
      continue;
    }
    if (names.has(name.toLowerCase())) {
      problems.push(
        cellProblem(
          'juror.duplicate_name',
          'changes-score',
          at('Họ tên'),
          `họ tên "${name}" bị trùng; mỗi giám khảo cần một tên riêng để có phiếu chấm riêng.`,
        ),
      );
      continue;
    }
    codes.add(code.toUpperCase());
    names.add(name.toLowerCase());
    const email = text(table, r, 'email');
    if (email === '') {
      problems.push(cellProblem('juror.email', 'info', at('Email'), `giám khảo "${name}" chưa có email nên phiếu chấm chỉ Ban tổ chức sửa được.`));
    }
    const unitText = text(table, r, 'unit');
    jurors.push({ row: r.row, code, name, email, unit: unitText === '' ? '' : canonicalUnitName(unitText, units) });
  }
  return { jurors, problems };
}
