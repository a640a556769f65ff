// Text formatting: Java-style patterns for Utilities.formatDate, and Sheets number formats for display values.
import { isDate } from '../core/dates';
import { fromWallClock, wallClock, zoneOffsetMinutes, type WallClock } from '../core/tz';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'z'): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X1' || style === 'X2' || style === 'X3') {
    if (minutes === 0) return 'Z';
    return style === 'X1' ? `${sign}${h}` : style === 'X2' ? `${sign}${h}${m}` : `${sign}${h}:${m}`;
  }
  if (style === 'z') return `GMT${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

/** What a SimpleDateFormat letter reads: the wall clock, and the instant and zone for the offset letters. */
interface JavaInstant {
  w: WallClock;
  date: Date;
  timeZone: string;
}

/** Text of one run of `n` identical pattern letters. */
type JavaField = (n: number, at: JavaInstant) => string;

const javaYear: JavaField = (n, { w }) => (n === 2 ? pad(w.year % 100, 2) : pad(w.year, n));
const javaMonth: JavaField = (n, { w }) => (n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n));

/** Day of the year, 1 for 1 January. */
function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
}

/** SimpleDateFormat's pattern letters; any other letter is illegal. */
const JAVA_FIELDS: Readonly<Record<string, JavaField | undefined>> = {
  y: javaYear,
  Y: javaYear,
  M: javaMonth,
  L: javaMonth,
  d: (n, { w }) => pad(w.day, n),
  H: (n, { w }) => pad(w.hour, n),
  k: (n, { w }) => pad(w.hour === 0 ? 24 : w.hour, n),
  K: (n, { w }) => pad(w.hour % 12, n),
  h: (n, { w }) => pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n),
  m: (n, { w }) => pad(w.minute, n),
  s: (n, { w }) => pad(w.second, n),
  S: (n, { w }) => pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3)),
  E: (n, { w }) => (n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3)),
  u: (_n, { w }) => String(w.weekday === 0 ? 7 : w.weekday),
  a: (_n, { w }) => (w.hour < 12 ? 'AM' : 'PM'),
  D: (n, { w }) => pad(dayOfYear(w), n),
  z: (_n, at) => offsetText(zoneOffsetMinutes(at.date, at.timeZone), 'z'),
  Z: (_n, at) => offsetText(zoneOffsetMinutes(at.date, at.timeZone), 'Z'),
  X: (n, at) => offsetText(zoneOffsetMinutes(at.date, at.timeZone), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3'),
};

/** The quoted literal opening at `i` ('' alone is an apostrophe): its text and where the pattern goes on. */
function javaQuoted(pattern: string, i: number): { text: string; next: number } {
  const end = pattern.indexOf("'", i + 1);
  if (end === i + 1) return { text: "'", next: i + 2 };
  const stop = end < 0 ? pattern.length : end;
  return { text: pattern.slice(i + 1, stop).replace(/''/g, "'"), next: stop + 1 };
}

/**
 * Utilities.formatDate: a java.text.SimpleDateFormat pattern in a time zone.
 * Supports y M d H h k K m s S E a D u z Z X and quoted literals ('' is an apostrophe).
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const at: JavaInstant = { w: wallClock(date, timeZone), date, timeZone };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const quoted = javaQuoted(pattern, i);
      out += quoted.text;
      i = quoted.next;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const field = JAVA_FIELDS[ch];
    if (!field) throw new Error(`Illegal pattern character '${ch}'`);
    out += field(n, at);
  }
  return out;
}

// ---- Sheets number formats -------------------------------------------------------------

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
