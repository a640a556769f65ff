// The error a sheet adapter or flow raises when it must stop: Vietnamese problems naming sheet/row/column.
import { describePlace, type CellPlace } from '../domain/parse';
import type { Parsed, Problem, ProblemSeverity } from '../domain/types';

/**
 * Thrown when an action cannot go on (missing sheet or header, invalid settings). The UI shows
 * `problems` as a list; nothing in it is a stack trace.
 */
export class ContestError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ContestError';
    this.problems = problems;
  }
}

/** Type guard that also works across bundle copies (instanceof breaks when a class is loaded twice). */
export function isContestError(e: unknown): e is ContestError {
  return (
    e instanceof ContestError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ContestError' && Array.isArray((e as { problems?: unknown }).problems))
  );
}

/**
 * A problem with one cell: the message is `Trang "<sheet>", dòng <row>, cột "<column>": <text>`, and the
 * place is kept in its fields so dialogs and the CLI can point at the cell.
 * `severity` is the caller's to decide: only it knows whether its fallback changes a score.
 * @example cellProblem('unit.name', 'info', { sheet: 'Đơn vị', row: 4, column: 'Tên đơn vị' }, 'chưa có tên đơn vị.').message === 'Trang "Đơn vị", dòng 4, cột "Tên đơn vị": chưa có tên đơn vị.'
 */
export function cellProblem(code: string, severity: ProblemSeverity, place: CellPlace, text: string, consequence?: string): Problem {
  const problem: Problem = { code, severity, message: `${describePlace(place)}: ${text}`, ...place };
  if (consequence !== undefined) problem.consequence = consequence;
  return problem;
}

/**
 * The sheet `name` is not in the workbook. A renamed sheet is the usual cause (Sheets finds sheets by
 * name only), so the message says how to bring it back before suggesting setup, which would create an
 * empty one (setup itself refuses to when it finds the renamed sheet).
 */
export function missingSheet(name: string): ContestError {
  return new ContestError([
    {
      code: 'sheet.missing',
      severity: 'stops-action',
      message: `Không tìm thấy trang "${name}". Nếu đã đổi tên trang, hãy đổi lại đúng tên "${name}". Nếu trang đã bị xoá, hãy chạy "Hội thi → Thiết lập hội thi" để tạo lại.`,
      sheet: name,
    },
  ]);
}

/** The parsed value, or a ContestError carrying its problems (the action stops before any write). */
export function valueOrStop<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new ContestError(parsed.problems);
  return parsed.value;
}

/**
 * Whether any problem names a cell (has a row): only then does an error dialog's closing line "Hãy sửa
 * các ô được nêu rồi chạy lại" fit; a missing sheet or a busy lock names no cell.
 */
export function namesCells(problems: Problem[]): boolean {
  return problems.some((p) => p.row !== undefined);
}
