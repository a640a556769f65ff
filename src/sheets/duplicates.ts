// The same key twice (a clip ID in two rows, a header in two columns): reported with both places, never resolved silently.
import { isDate } from '../domain/parse';
import type { Problem } from '../domain/types';
import { columnToLetters } from './a1';
import { headerKey } from './schema';
import type { Table } from './table';

/**
 * Remembers the first row of each key and, only for keys seen again, every later row. Readers call
 * `see` once per row; nothing beyond one map entry is kept for the (usual) key seen once, so large
 * sheets pay no more than that.
 */
export class RepeatTracker<T> {
  private readonly first = new Map<string, T>();
  private readonly repeats = new Map<string, T[]>();

  /** True when `key` is new (the row to read); false for a repeat ('' keys are ignored: true). */
  see(key: string, item: T): boolean {
    if (key === '') return true;
    const at = this.first.get(key);
    if (at === undefined) {
      this.first.set(key, item);
      return true;
    }
    const list = this.repeats.get(key);
    if (list) list.push(item);
    else this.repeats.set(key, [at, item]);
    return false;
  }

  /** Every repeated key's rows, first row first. */
  groups(): T[][] {
    return [...this.repeats.values()];
  }
}

/** One row of a repeated key: its sheet row, the key as typed, and what it says as comparable text. */
export interface KeyedRow {
  shown: string;
  row: number;
  signature: string;
}

/** A cell as comparable text: dates by instant, numbers and text by value, so 8 and "8" differ from 9. */
export function cellSignature(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return `d${v.getTime()}`;
  if (typeof v === 'string') return `s${v.trim()}`;
  return `${typeof v}${String(v)}`;
}

/**
 * Rows sharing a key (from RepeatTracker.groups). When every copy says the same, one copy is used and the organizer is warned
 * (`<prefix>.duplicate_same`); when they differ, which one wins would change a score, so the problem
 * (`<prefix>.duplicate`) is meant to stop scoring. Both name the sheet, every row and the column.
 */
export function duplicateKeyProblems(sheet: string, column: string, prefix: string, groups: KeyedRow[][], differs: string): Problem[] {
  const problems: Problem[] = [];
  for (const g of groups) {
    if (g.length < 2) continue;
    const where = `dòng ${g.map((r) => r.row).join(', ')}`;
    const same = g.every((r) => r.signature === g[0].signature);
    problems.push({
      code: same ? `${prefix}.duplicate_same` : `${prefix}.duplicate`,
      severity: same ? 'info' : 'changes-score',
      message: same
        ? `Trang "${sheet}", cột "${column}": mã "${g[0].shown}" có ở ${where} với nội dung giống hệt nhau; chỉ tính một lần. Hãy xoá các dòng thừa.`
        : `Trang "${sheet}", cột "${column}": mã "${g[0].shown}" có ở ${where} với ${differs} khác nhau; chưa tính điểm vì không biết dòng nào đúng. Hãy giữ lại một dòng rồi chạy lại.`,
      sheet,
      row: g[0].row,
      column,
    });
  }
  return problems;
}

/**
 * Schema headers found in more than one column of row 1. Reading uses the first column; when the
 * columns hold the same data that is only a warning (`sheet.header_duplicate_same`), when any data row
 * differs between them the problem (`sheet.header_duplicate`) is meant to stop scoring.
 */
export function duplicateHeaderProblems(table: Table<string>): Problem[] {
  const sheet = table.schema.name;
  const problems: Problem[] = [];
  for (const c of table.schema.columns) {
    const key = headerKey(c.header);
    const at = table.headers.map((h, i) => (headerKey(h) === key ? i : -1)).filter((i) => i >= 0);
    if (at.length < 2) continue;
    const differing = table.rows.filter((r) => at.some((i) => cellSignature(r.cells[i]) !== cellSignature(r.cells[at[0]]))).map((r) => r.row);
    const columns = at.map((i) => `cột ${columnToLetters(i + 1)}`).join(', ');
    problems.push({
      code: differing.length > 0 ? 'sheet.header_duplicate' : 'sheet.header_duplicate_same',
      severity: differing.length > 0 ? 'changes-score' : 'info',
      message:
        differing.length > 0
          ? `Trang "${sheet}", dòng 1: tiêu đề "${c.header}" có ở ${columns}, và dữ liệu hai cột khác nhau ở dòng ${differing.slice(0, 10).join(', ')}${differing.length > 10 ? ', …' : ''}; chưa tính điểm vì không biết cột nào đúng. Hãy xoá hoặc đổi tên cột thừa.`
          : `Trang "${sheet}", dòng 1: tiêu đề "${c.header}" có ở ${columns} (dữ liệu giống nhau); add-on dùng cột đầu tiên. Hãy xoá cột thừa.`,
      sheet,
      row: 1,
      column: c.header,
    });
  }
  return problems;
}

/** Codes whose problem stops "Tính điểm" and "Lập danh sách khen thưởng": the choice would change a score. */
export const SCORE_BLOCKING_CODES = new Set([
  'submission.duplicate',
  'submission.id',
  'appraisal.duplicate',
  'jury.duplicate',
  'engagement.duplicate',
  'sheet.header_duplicate',
]);
