// How a value written by a script becomes a stored cell, the way Sheets parses "user-entered" input.
import { isDate } from '../core/dates';
import { separatorsFor, serialToDate } from './formats';
import { fromWallClock } from '../core/tz';

export type CellValue = string | number | boolean | Date;

/** A stored cell: its value and, when Sheets would have made one, its formula text. */
export interface StoredCell {
  value: CellValue;
  formula?: string;
}

/**
 * Value shown by getValues for a formula cell. The emulator does not evaluate formulas: a real
 * formula reads as "" and text Sheets could not parse as a formula (e.g. "+84 90 123") reads as "#ERROR!".
 */
export const UNEVALUATED_FORMULA_VALUE = '';
export const FORMULA_PARSE_ERROR_VALUE = '#ERROR!';

/**
 * Converts what a script passes to setValue(s)/appendRow into what Sheets stores:
 * - "'text" stays text without the apostrophe; cells formatted as plain text ("@") keep strings as-is;
 * - "=..." becomes a formula; other text starting with + - @ that is not a number becomes a formula
 *   that fails to parse (Sheets shows #ERROR!), so formula injection is visible to tests via getFormulas;
 * - numeric text becomes a number ("0901234567" → 901234567, losing the leading zero like Sheets),
 *   using the spreadsheet locale's decimal separator ("9,5" → 9.5 in vi_VN);
 * - "TRUE"/"FALSE" become booleans; ISO dates "2025-03-01" or "2025-03-01 08:30[:00]" become dates;
 * - dates written the way the spreadsheet locale writes them become dates too: day first in vi_VN
 *   ("10/06/2023 23:59" is 10 June), month first in en_US ("10/06/2023" is 6 October);
 * - a bare time or duration ("3:20", "23:59:30", "35:20") becomes a time value, which getValue hands out as
 *   a Date counted from Sheets' day zero (30 Dec 1899) in the spreadsheet time zone.
 */
export function toStored(input: unknown, opts: { plainText: boolean; locale: string; timeZone: string }): StoredCell {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input !== 'string') return { value: String(input) };
  const s = input;
  if (s === '' || opts.plainText) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  const num = parseNumber(s, opts.locale);
  if (num !== undefined) return { value: num };
  if (s.length > 1 && s.startsWith('=')) return { value: UNEVALUATED_FORMULA_VALUE, formula: s };
  if (s.length > 1 && /^[+\-@]/.test(s)) return { value: FORMULA_PARSE_ERROR_VALUE, formula: `=${s}` };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const date = parseIsoDate(s, opts.timeZone) ?? parseLocaleDate(s, opts.locale, opts.timeZone) ?? parseTime(s, opts.timeZone);
  if (date) return { value: date };
  return { value: s };
}

/** Number parsing as Sheets does for typed input: digits, optional sign, locale decimal, exponent, %. */
export function parseNumber(s: string, locale: string): number | undefined {
  const { decimal } = separatorsFor(locale);
  const t = s.trim();
  const d = decimal === ',' ? ',' : '\\.';
  const re = new RegExp(`^([+-]?)(\\d+)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
  const m = re.exec(t);
  if (!m) return undefined;
  let n = Number(`${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}${m[4] ? `e${m[4]}` : ''}`);
  if (m[5]) n = n / 100;
  return Number.isFinite(n) ? n : undefined;
}

function parseIsoDate(s: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return fromWallClock(timeZone, y, mo, d, h, mi, se);
}

/** Month-first only in US English; Vietnamese and most other locales put the day first. */
function monthFirst(locale: string): boolean {
  return /^en(_US)?$/i.test(locale);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Hours:minutes[:seconds] with an optional AM/PM, as typed after a date or on its own. */
const TIME_RE = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp][Mm]))?';

function clockParts(h: string, mi: string, se: string | undefined, ampm: string | undefined, maxHour: number): [number, number, number] | undefined {
  let hour = Number(h);
  const minute = Number(mi);
  const second = se === undefined ? 0 : Number(se);
  if (minute > 59 || second > 59) return undefined;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
  } else if (hour > maxHour) return undefined;
  return [hour, minute, second];
}

/** "10/06/2023", "10/6/2023 23:59", "10/06/2023 23:59:30" in the locale's day/month order. */
function parseLocaleDate(s: string, locale: string, timeZone: string): Date | undefined {
  const m = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+${TIME_RE})?$`).exec(s.trim());
  if (!m) return undefined;
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [month, day] = monthFirst(locale) ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(y, month)) return undefined;
  let clock: [number, number, number] = [0, 0, 0];
  if (m[4] !== undefined) {
    const c = clockParts(m[4], m[5], m[6], m[7], 23);
    if (!c) return undefined;
    clock = c;
  }
  return fromWallClock(timeZone, y, month, day, ...clock);
}

/** "3:20", "23:59:30", "35:20" (a duration past 24 h): a time value counted from 30 Dec 1899. */
function parseTime(s: string, timeZone: string): Date | undefined {
  const m = new RegExp(`^${TIME_RE}$`).exec(s.trim());
  if (!m) return undefined;
  const c = clockParts(m[1], m[2], m[3], m[4], 99);
  if (!c) return undefined;
  return serialToDate((c[0] * 3600 + c[1] * 60 + c[2]) / 86400, timeZone);
}

/** Copy of a stored value as getValues hands it out (dates are fresh objects). */
export function readValue(v: CellValue | undefined): CellValue {
  if (v === undefined) return '';
  return isDate(v) ? new Date(v.getTime()) : v;
}
