// The error a sheet adapter or flow raises when it must stop: Vietnamese problems naming sheet/row/column.
import type { Problem } from '../domain/types';

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

/** The sheet `name` is not in the workbook. */
export function missingSheet(name: string): ContestError {
  return new ContestError([
    {
      code: 'sheet.missing',
      message: `Không tìm thấy trang "${name}". Hãy chạy "Hội thi → Thiết lập hội thi" để tạo lại.`,
      sheet: name,
    },
  ]);
}
