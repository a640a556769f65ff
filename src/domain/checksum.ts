// Checksums of sheet values (32-bit FNV-1a over a canonical text), so a finalised contest can tell when an input changed.

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 lower-case hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** One cell as canonical text: a date by its instant (never the machine's zone), a number as JS prints it. */
function cellText(v: unknown): string {
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  return `s${String(v)}`;
}

/**
 * Checksum of a block of values (one getValues). Trailing blank cells and rows are ignored, so a grid
 * that merely grew (insertRowsAfter) keeps its checksum; any typed change gives another one.
 * @example valuesChecksum([['Mã', 'Điểm'], ['HT-001', 80]]) === valuesChecksum([['Mã', 'Điểm', ''], ['HT-001', 80, ''], ['', '', '']])
 */
export function valuesChecksum(values: unknown[][]): string {
  const rows = values.map((r) => {
    const cells = r.map(cellText);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells.join('\u001f');
  });
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  return fnv1a(rows.join('\u001e'));
}
