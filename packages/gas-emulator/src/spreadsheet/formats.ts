// Sheets number formats: the display text of a cell value (getDisplayValues), locale separators and date serials.
import { DAYS, isDate, MONTHS, pad } from '../core/dates';
import { fromWallClock, wallClock, type WallClock } from '../core/tz';

/** Default format Sheets reports for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

interface LocaleSeparators {
  decimal: string;
  group: string;
}

export function separatorsFor(locale: string): LocaleSeparators {
  // vi_VN, de_DE, fr_FR... write 1.234,5; en_US writes 1,234.5.
  return /^(vi|de|fr|es|it|pt|nl|id|ru|tr)/i.test(locale) ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

/** Sheets serial number (days since 1899-12-30, wall clock in the spreadsheet zone) ↔ Date. */
export function serialToDate(serial: number, timeZone: string): Date {
  const ms = Math.round(serial * 86400000);
  const base = new Date(Date.UTC(1899, 11, 30) + ms);
  return fromWallClock(
    timeZone,
    base.getUTCFullYear(),
    base.getUTCMonth() + 1,
    base.getUTCDate(),
    base.getUTCHours(),
    base.getUTCMinutes(),
    base.getUTCSeconds(),
  );
}
function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - Date.UTC(1899, 11, 30)) / 86400000;
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dyhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

/** A piece of a Sheets date pattern: a literal, or a code (a run of d m y h s lowercased, AM/PM, A/P). */
interface SheetsToken {
  t: string;
  lit?: boolean;
}

/** The token opening at `i` of a Sheets date pattern and its length in the pattern. */
function sheetsToken(pattern: string, i: number): { token: SheetsToken; length: number } {
  const ch = pattern[i];
  if (ch === '"') {
    const end = pattern.indexOf('"', i + 1);
    const stop = end < 0 ? pattern.length : end;
    return { token: { t: pattern.slice(i + 1, stop), lit: true }, length: stop + 1 - i };
  }
  if (ch === '\\') return { token: { t: pattern[i + 1] ?? '', lit: true }, length: 2 };
  if (/^am\/pm/i.test(pattern.slice(i))) return { token: { t: 'AM/PM' }, length: 5 };
  if (/^a\/p/i.test(pattern.slice(i))) return { token: { t: 'A/P' }, length: 3 };
  if (/[dmyhs]/i.test(ch)) {
    let n = 1;
    while (pattern[i + n] && pattern[i + n].toLowerCase() === ch.toLowerCase()) n++;
    return { token: { t: pattern.slice(i, i + n).toLowerCase() }, length: n };
  }
  return { token: { t: ch, lit: true }, length: 1 };
}

function sheetsDateTokens(pattern: string): SheetsToken[] {
  const tokens: SheetsToken[] = [];
  for (let i = 0; i < pattern.length;) {
    const { token, length } = sheetsToken(pattern, i);
    tokens.push(token);
    i += length;
  }
  return tokens;
}

/** What a Sheets date code reads besides its length: the clock, AM/PM in the pattern, and the codes around it. */
interface SheetsCodeContext {
  w: WallClock;
  hasAmPm: boolean;
  prev: string;
  next: string;
}

/** Text of a Sheets date code `t` (n = its length). */
type SheetsField = (t: string, n: number, c: SheetsCodeContext) => string;

/** m, mm, mmm, mmmmm (the initial), else the full name. */
function sheetsMonth(w: WallClock, n: number): string {
  if (n === 1) return String(w.month);
  if (n === 2) return pad(w.month, 2);
  if (n === 3) return MONTHS[w.month - 1].slice(0, 3);
  return n === 5 ? MONTHS[w.month - 1][0] : MONTHS[w.month - 1];
}

/** Sheets date codes by first letter ('A' is AM/PM or A/P). */
const SHEETS_FIELDS: Readonly<Record<string, SheetsField | undefined>> = {
  y: (_t, n, { w }) => (n <= 2 ? pad(w.year % 100, 2) : String(w.year)),
  d: (_t, n, { w }) => (n === 1 ? String(w.day) : n === 2 ? pad(w.day, 2) : n === 3 ? DAYS[w.weekday].slice(0, 3) : DAYS[w.weekday]),
  h: (_t, n, { w, hasAmPm }) => {
    const h = hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
    return n === 1 ? String(h) : pad(h, 2);
  },
  s: (_t, n, { w }) => (n === 1 ? String(w.second) : pad(w.second, 2)),
  // "m" is minutes right after an hour or before a second, else the month.
  m: (_t, n, { w, prev, next }) => {
    const minute = n <= 2 && (prev.startsWith('h') || next.startsWith('s'));
    if (minute) return n === 1 ? String(w.minute) : pad(w.minute, 2);
    return sheetsMonth(w, n);
  },
  A: (t, _n, { w }) => (t === 'AM/PM' ? (w.hour < 12 ? 'AM' : 'PM') : w.hour < 12 ? 'A' : 'P'),
};

/** Formats a date with a Sheets date/time pattern such as "dd/mm/yyyy hh:mm:ss". */
function formatSheetsDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const hasAmPm = /am\/pm|a\/p/i.test(pattern);
  // Tokenise first so "m" can be read as minutes after an hour or before a second.
  const tokens = sheetsDateTokens(pattern);
  const codes = tokens.filter((tok) => !tok.lit);
  return tokens
    .map((tok) => {
      if (tok.lit) return tok.t;
      const pos = codes.indexOf(tok);
      const prev = pos > 0 ? codes[pos - 1].t : '';
      const next = pos < codes.length - 1 ? codes[pos + 1].t : '';
      const field = SHEETS_FIELDS[tok.t[0]] ?? SHEETS_FIELDS.A!;
      return field(tok.t, tok.t.length, { w, hasAmPm, prev, next });
    })
    .join('');
}

function groupDigits(intPart: string, group: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** Sheets "automatic" display of a number: up to 10 significant digits, locale separators. */
function formatGeneralNumber(n: number, sep: LocaleSeparators): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
  return text.replace('.', sep.decimal);
}

/** Formats a number with a Sheets numeric pattern ("0", "0.00", "#,##0", "0%", literals in quotes). */
function formatSheetsNumber(n: number, pattern: string, sep: LocaleSeparators): string {
  const sections = pattern.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  const m = /([#0,]*[#0][#0,]*)(\.([#0]*))?/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)).replace(/\\./g, '  '));
  const coreStart = m ? m.index : 0;
  const coreText = m ? m[0] : '';
  const percent = section.includes('%');
  if (!coreText || !/[#0]/.test(coreText)) return section.replace(/"([^"]*)"/g, '$1');
  const intPat = m?.[1] ?? '';
  const decPat = m?.[3] ?? '';
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  const grouped = intPat.includes(',');
  let v = percent ? value * 100 : value;
  const negative = v < 0;
  v = Math.abs(v);
  let fixed = v.toFixed(maxDec);
  let [ip, dp = ''] = fixed.split('.');
  while (dp.length > minDec && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouped) ip = groupDigits(ip, sep.group);
  fixed = dp ? `${ip}${sep.decimal}${dp}` : ip;
  const before = section
    .slice(0, coreStart)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const after = section
    .slice(coreStart + coreText.length)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  return `${negative ? '-' : ''}${before}${fixed}${after}`;
}

/** Display text of a stored cell value under a number format, as getDisplayValues returns it. */
export function displayValue(value: string | number | boolean | Date, format: string | undefined, timeZone: string, locale: string): string {
  const sep = separatorsFor(locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format && format !== DEFAULT_NUMBER_FORMAT && format !== 'General' ? format : undefined;
  if (isDate(value)) {
    if (fmt && isDateFormat(fmt)) return formatSheetsDate(value, timeZone, fmt);
    if (fmt && fmt !== '@') return formatSheetsNumber(dateToSerial(value, timeZone), fmt, sep);
    // Sheets' automatic date-time format depends on the spreadsheet locale.
    const pattern = sep.decimal === ',' ? 'dd/mm/yyyy hh:mm:ss' : 'm/d/yyyy h:mm:ss';
    return formatSheetsDate(value, timeZone, pattern);
  }
  if (!fmt || fmt === '@') return formatGeneralNumber(value, sep);
  if (isDateFormat(fmt)) return formatSheetsDate(serialToDate(value, timeZone), timeZone, fmt);
  return formatSheetsNumber(value, fmt, sep);
}
