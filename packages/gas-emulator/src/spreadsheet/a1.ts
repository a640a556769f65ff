// A1 notation: parsing "A1", "A1:C3", "A:C", "2:5", "A2:C", "'Sheet'!B2" and formatting back.

/** A rectangle on a sheet, 1-based like Apps Script. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Parsed A1 reference; open ends (whole columns/rows) are resolved against the sheet size by the caller. */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

/** 1 → "A", 27 → "AA". */
export function columnToLetters(col: number): string {
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = (n - 1 - rem) / 26;
  }
  return letters;
}

/** "A" → 1, "aa" → 27. */
export function lettersToColumn(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function badRange(a1: string): Error {
  void a1;
  return new Error('Range not found');
}

/** Parses an A1 reference; throws Google's "Range not found" for anything it cannot read. */
export function parseA1(input: string): A1Ref {
  let text = input.trim();
  const ref: A1Ref = {};
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let name = text.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    ref.sheetName = name;
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw badRange(input);
  const m1 = PART.exec(parts[0]);
  const m2 = parts.length === 2 ? PART.exec(parts[1]) : m1;
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) throw badRange(input);
  if (parts.length === 1 && (!m1[1] || !m1[2])) throw badRange(input); // "A" or "3" alone is not a range
  const c1 = m1[1] ? lettersToColumn(m1[1]) : undefined;
  const r1 = m1[2] ? Number(m1[2]) : undefined;
  const c2 = m2[1] ? lettersToColumn(m2[1]) : undefined;
  const r2 = m2[2] ? Number(m2[2]) : undefined;
  if (r1 === 0 || r2 === 0) throw badRange(input);
  // "A:C" has no rows, "2:5" no columns; "A2:C" leaves the end row open.
  ref.startCol = c1 !== undefined && c2 !== undefined ? Math.min(c1, c2) : (c1 ?? c2);
  ref.endCol = c1 !== undefined && c2 !== undefined ? Math.max(c1, c2) : undefined;
  ref.startRow = r1 !== undefined && r2 !== undefined ? Math.min(r1, r2) : (r1 ?? r2);
  ref.endRow = r1 !== undefined && r2 !== undefined ? Math.max(r1, r2) : undefined;
  if (c1 === undefined && c2 === undefined) ref.startCol = undefined;
  if (r1 === undefined && r2 === undefined) ref.startRow = undefined;
  if (ref.startCol !== undefined && ref.endCol === undefined && parts.length === 1) ref.endCol = ref.startCol;
  if (ref.startRow !== undefined && ref.endRow === undefined && parts.length === 1) ref.endRow = ref.startRow;
  return ref;
}

/** Resolves open ends against the sheet size. */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): Rect {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

/** A1 text for a parsed reference, keeping open ends the way Sheets prints them ("A:C", "A2:C"). */
export function refToA1(ref: A1Ref, rect: Rect): string {
  if (ref.endRow !== undefined && ref.endCol !== undefined) return rectToA1(rect);
  const c1 = ref.startCol !== undefined ? columnToLetters(rect.col) : '';
  const c2 = ref.endCol !== undefined ? columnToLetters(rect.col + rect.numCols - 1) : '';
  const r1 = ref.startRow !== undefined ? String(rect.row) : '';
  const r2 = ref.endRow !== undefined ? String(rect.row + rect.numRows - 1) : '';
  return `${c1}${r1}:${c2}${r2}`;
}

export function rectToA1(r: Rect): string {
  const tl = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return tl;
  return `${tl}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}
