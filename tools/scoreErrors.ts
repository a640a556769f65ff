// What `npm run score` says when the organizer must fix something: the usage line, UserError (exit 2), a problem with its place.
import type { Problem } from '../src/domain/types';

export const USAGE = 'Cách dùng: npm run score -- <bảng-tính.xlsx> [--out <tệp-kết-quả.xlsx>] [--json]';

/** A problem the user must fix: exit code 2 with these Vietnamese lines on stderr. */
export class UserError extends Error {
  constructor(
    readonly heading: string,
    readonly lines: string[],
  ) {
    super(heading);
  }
}

/**
 * "Trang …, dòng …, cột …: …". Most messages already name their place; the sheet is added only when
 * the message does not name it (e.g. 'Không tìm thấy trang "X"' stays as is), the row only when missing.
 */
export function describe(p: Problem): string {
  if (!p.sheet) return p.message;
  const namesSheet = p.message.includes(`"${p.sheet}"`);
  const namesRow = !p.row || new RegExp(`dòng ${p.row}\\b`, 'i').test(p.message);
  if (namesSheet && namesRow) return p.message;
  const place = [p.row ? `dòng ${p.row}` : '', p.column && !p.message.includes(`"${p.column}"`) ? `cột "${p.column}"` : ''].filter(Boolean);
  if (namesSheet) return `${p.message} (${place.join(', ')})`;
  return `${[`Trang "${p.sheet}"`, ...place].join(', ')}: ${p.message}`;
}
