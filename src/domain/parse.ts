// Parsing of what people type into sheet cells: names, numbers, marks, booleans and dates in a contest time zone.
import { isValidTimeZone, wallClock, zonedInstant, type Wall } from './zone';

export { isValidTimeZone, zonedInstant };
import type { Problem } from './types';

/**
 * True for a Date from any realm. `instanceof Date` fails for a Date made in another V8 context
 * (the bundle under test runs in a `vm` context beside the emulator); Apps Script has one realm.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Canonical form of a name for matching: trimmed, inner spaces collapsed, lower case, Vietnamese
 * diacritics removed (NFD then drop combining marks; đ/Đ are separate letters, not d + mark, so
 * they are mapped by hand).
 * @example normalizeName('  Đoàn  Phường 5 ') === 'doan phuong 5'
 */
export function normalizeName(s: string): string {
  const raw = String(s);
  const hit = normalized.get(raw);
  if (hit !== undefined) return hit;
  const out = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  // Bounded: a sheet has few distinct names, but a pathological one must not grow memory without end.
  if (normalized.size >= NORMALIZED_MAX) normalized.clear();
  normalized.set(raw, out);
  return out;
}

// Matching compares every submission's unit with every roster name and alias, and award sorting
// normalizes unit names on each comparison: the same few hundred strings, normalized millions of
// times for a large contest. The function is pure, so remembering its answers is always safe.
const NORMALIZED_MAX = 50_000;
const normalized = new Map<string, string>();

/**
 * A clip ID or juror code in the form used for matching: trimmed, upper case (" ht-001" = "HT-001").
 * @example idKey(' ht-001 ') === 'HT-001'
 */
export function idKey(id: string): string {
  return String(id ?? '')
    .trim()
    .toUpperCase();
}

/**
 * True for a cell with nothing in it: null, undefined, or text of only spaces (non-breaking ones too).
 * 0 and false are values, not blanks.
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * A score as Vietnamese sheets and dialogs show it: `decimals` fixed decimals (2 by default, like the
 * "0.00" score columns), rounded half up, decimal comma.
 * @example formatScoreVi(78.4) === '78,40'
 */
export function formatScoreVi(n: number, decimals = 2): string {
  const scale = 10 ** decimals;
  return (Math.round(n * scale) / scale).toFixed(decimals).replace('.', ',');
}

/** One decimal separator, comma (Vietnamese) or dot; no thousands separators (ambiguous with decimals). */
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * A numeric cell: blank → null, numbers as they are, text such as "8,5", "8.5", " 9 " → number;
 * anything else → 'invalid' (never 0, so a typo is reported rather than scored).
 */
export function parseNumberCell(value: unknown): number | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'invalid';
  if (typeof value !== 'string') return 'invalid';
  const text = value.replace(/\u00a0/g, ' ').trim();
  if (text === '') return null;
  if (!NUMBER_TEXT.test(text)) return 'invalid';
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * A whole number with Vietnamese thousands dots, independent of the runtime's Intl data.
 * @example groupThousandsVi(1000000) === '1.000.000'
 */
export function groupThousandsVi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Largest count (reactions, shares) read as plausible: a billion, far above any fanpage post. */
export const MAX_COUNT = 1_000_000_000;

/** Largest "Điểm tối đa" of one rubric criterion: sums of marks then stay exact and finite. */
export const MAX_RUBRIC_MAX = 1000;

/** Whole number with thousands grouping: "1.000", "2.500", "1,000", "12.345.678" (one separator kind). */
const GROUPED_COUNT = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

/**
 * A whole-number count cell (reactions, shares): like parseNumberCell, except that a group of three
 * digits after "." or "," is thousands grouping, not decimals — Vietnamese writes one thousand as
 * "1.000", and a count is never fractional, so "1.000" is 1000 (not 1) and "2,500" is 2500.
 * Marks keep parseNumberCell, where "8,5" is a decimal comma.
 * @example parseCountCell('1.000') === 1000
 */
export function parseCountCell(value: unknown): number | null | 'invalid' {
  if (typeof value === 'string') {
    const text = value.replace(/\u00a0/g, ' ').trim();
    if (GROUPED_COUNT.test(text)) return Number(text.replace(/[.,]/g, ''));
  }
  return parseNumberCell(value);
}

/** Where a cell is, as the user sees it. */
export interface CellPlace {
  sheet: string;
  row: number;
  column: string;
}

/** Vietnamese "where" prefix shared by cell problems. */
export function describePlace(place: CellPlace): string {
  return `Trang "${place.sheet}", dòng ${place.row}, cột "${place.column}"`;
}

/** How a cell value is quoted back to the user in a message. */
export function showValue(value: unknown): string {
  if (isDate(value)) return isNaN(value.getTime()) ? 'ngày không hợp lệ' : value.toISOString();
  return `"${String(value)}"`;
}

/**
 * A jury mark: blank → null ("not marked"; 0 is a real mark). Non-numeric or outside 0..max is a
 * problem naming the cell and the value; it is never read as 0.
 */
export function parseMark(value: unknown, max: number, place: CellPlace): { ok: true; value: number | null } | { ok: false; problem: Problem } {
  const n = parseNumberCell(value);
  if (n === null) return { ok: true, value: null };
  if (n === 'invalid') {
    return {
      ok: false,
      problem: {
        code: 'mark.not_number',
        // The mark counts as not marked: the clip may go unscored, or be scored without this juror.
        severity: 'changes-score',
        message: `${describePlace(place)}: điểm ${showValue(value)} không phải là số. Hãy nhập số từ 0 đến ${max} (ví dụ 8,5) hoặc để trống nếu chưa chấm.`,
        ...place,
      },
    };
  }
  if (n < 0 || n > max) {
    return {
      ok: false,
      problem: {
        code: 'mark.out_of_range',
        severity: 'changes-score',
        message: `${describePlace(place)}: điểm ${showValue(value)} nằm ngoài khoảng cho phép 0–${max}.`,
        ...place,
      },
    };
  }
  return { ok: true, value: n };
}

const TRUE_WORDS = new Set(['true', 'co', 'x', 'yes', '1', 'dung']);
const FALSE_WORDS = new Set(['false', 'khong', 'no', '0', 'sai']);

/**
 * A yes/no cell: checkbox booleans, "Có"/"Không", "TRUE"/"FALSE", "x" (ticked), 1/0; case and
 * diacritics do not matter. Blank or unrecognised → null (the caller decides the default or reports it).
 */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const word = normalizeName(value);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validWall(w: Wall): boolean {
  return (
    w.year >= 1900 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59
  );
}

// d/M/yyyy with optional H:mm[:ss]; "16g00" / "16h00" are how times are written in Vietnamese plans.
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[\s,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$/i;
// yyyy-MM-dd[ HH:mm[:ss]] as a wall time, the form spreadsheets export.
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// A full ISO instant with Z or an offset is unambiguous and taken as is.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Spreadsheet serial day 0 (1899-12-30) as a wall-clock UTC timestamp. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date/time cell in the contest's time zone: Date objects (Sheets date cells) as they are,
 * "dd/MM/yyyy HH:mm", "dd/MM/yyyy" (midnight), "d/M/yyyy H:mm", seconds optional, ISO text, and
 * spreadsheet serial numbers (from .xlsx files) read as wall time in `timeZone`.
 * Blank → null; anything else → 'invalid'.
 * @example parseDateTime('19/06/2023 16:00', 'Asia/Ho_Chi_Minh')?.toISOString() === '2023-06-19T09:00:00.000Z'
 */
export function parseDateTime(value: unknown, timeZone: string): Date | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return isNaN(value.getTime()) ? 'invalid' : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return 'invalid';
    const wallMs = Math.round((SERIAL_EPOCH + value * 86400000) / 1000) * 1000;
    const d = new Date(wallMs);
    return zonedInstant(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
      },
      timeZone,
    );
  }
  if (typeof value !== 'string') return 'invalid';
  const text = value.replace(/\u00a0/g, ' ').trim();
  if (text === '') return null;
  if (ISO_INSTANT.test(text)) {
    const t = Date.parse(text);
    return isNaN(t) ? 'invalid' : new Date(t);
  }
  let w: Wall | null = null;
  let m = VN_DATE.exec(text);
  if (m) {
    w = { day: +m[1], month: +m[2], year: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
  } else if ((m = ISO_LOCAL.exec(text))) {
    w = { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
  }
  if (!w || !validWall(w)) return 'invalid';
  return zonedInstant(w, timeZone);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "dd/MM/yyyy HH:mm" of instant `d` in `timeZone`, the form organizers type and read. */
export function formatDateTime(d: Date, timeZone: string): string {
  const w = wallClock(d.getTime(), timeZone);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** Start of the minute containing `t`; rules that say "the 16:00 minute counts" compare at this precision. */
export function floorToMinute(t: number): number {
  return Math.floor(t / 60000) * 60000;
}
