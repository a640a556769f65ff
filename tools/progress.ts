// Terminal output for the CLIs: progress lines (stderr), aligned text tables and Vietnamese number formatting.
import { formatScoreVi } from '../src/domain/parse';

/** Progress goes to stderr so stdout can carry the result (or exactly one JSON object). */
export interface Progress {
  /** A step done, e.g. "✓ Thiết lập hội thi: …". */
  step(message: string, detail?: string): void;
  /** A secondary line under the last step. */
  note(message: string): void;
  warn(message: string): void;
}

export function createProgress(stream: NodeJS.WritableStream = process.stderr, quiet = false): Progress {
  const write = (line: string): void => {
    if (!quiet) stream.write(`${line}\n`);
  };
  return {
    step: (message, detail) => write(detail ? `✓ ${message}: ${detail}` : `✓ ${message}`),
    note: (message) => write(`    ${message}`),
    warn: (message) => write(`  ! ${message}`),
  };
}

/** Display width of text in a terminal: NFC code points (Vietnamese letters are one code point each). */
export function textWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(s)));
  return right ? fill + s : s + fill;
}

/** Cuts text to `max` columns with an ellipsis. */
export function clip(s: string, max: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A plain-text table with a header rule; `right` marks columns aligned right (numbers).
 * @example renderTable(['Giải', 'Điểm'], [['Nhất', '78,40']], [false, true])
 */
export function renderTable(headers: string[], rows: string[][], right: boolean[] = []): string {
  const widths = headers.map((h, c) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[c] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((v, c) => pad(v ?? '', widths[c], right[c] === true))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "78,40" with the dialogs' formatter (src/domain/parse.ts formatScoreVi); '' for null. */
export function vnNumber(n: number | null | undefined, decimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return formatScoreVi(n, decimals);
}
