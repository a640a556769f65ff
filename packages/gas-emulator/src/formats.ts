// Text formatting: Java-style patterns for Utilities.formatDate, and Sheets number formats for display values.
import { isDate } from './dates';
import { fromWallClock, wallClock, zoneOffsetMinutes } from './tz';

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

/**
 * Utilities.formatDate: a java.text.SimpleDateFormat pattern in a time zone.
 * Supports y M d H h k K m s S E a D u z Z X and quoted literals ('' is an apostrophe).
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
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
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'D': {
        const start = Date.UTC(w.year, 0, 1);
        out += pad(Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 86400000) + 1, n);
        break;
      }
      case 'z':
        out += offsetText(zoneOffsetMinutes(date, timeZone), 'z');
        break;
      case 'Z':
        out += offsetText(zoneOffsetMinutes(date, timeZone), 'Z');
        break;
      case 'X':
        out += offsetText(zoneOffsetMinutes(date, timeZone), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
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

/** Formats a date with a Sheets date/time pattern such as "dd/mm/yyyy hh:mm:ss". */
function formatSheetsDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const hasAmPm = /am\/pm|a\/p/i.test(pattern);
  // Tokenise first so "m" can be read as minutes after an hour or before a second.
  const tokens: { t: string; lit?: boolean }[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ t: pattern.slice(i + 1, stop), lit: true });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ t: pattern[i + 1] ?? '', lit: true });
      i += 2;
    } else if (/^am\/pm/i.test(pattern.slice(i))) {
      tokens.push({ t: 'AM/PM' });
      i += 5;
    } else if (/^a\/p/i.test(pattern.slice(i))) {
      tokens.push({ t: 'A/P' });
      i += 3;
    } else if (/[dmyhs]/i.test(ch)) {
      let n = 1;
      while (pattern[i + n] && pattern[i + n].toLowerCase() === ch.toLowerCase()) n++;
      tokens.push({ t: pattern.slice(i, i + n).toLowerCase() });
      i += n;
    } else {
      tokens.push({ t: ch, lit: true });
      i++;
    }
  }
  const codeIdx = tokens.map((t, k) => (t.lit ? -1 : k)).filter((k) => k >= 0);
  let out = '';
  tokens.forEach((tok, k) => {
    if (tok.lit) {
      out += tok.t;
      return;
    }
    const pos = codeIdx.indexOf(k);
    const prev = pos > 0 ? tokens[codeIdx[pos - 1]].t : '';
    const next = pos < codeIdx.length - 1 ? tokens[codeIdx[pos + 1]].t : '';
    const t = tok.t;
    const n = t.length;
    switch (t[0]) {
      case 'y':
        out += n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'd':
        out += n === 1 ? String(w.day) : n === 2 ? pad(w.day, 2) : n === 3 ? DAYS[w.weekday].slice(0, 3) : DAYS[w.weekday];
        break;
      case 'h': {
        const h = hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += n === 1 ? String(h) : pad(h, 2);
        break;
      }
      case 's':
        out += n === 1 ? String(w.second) : pad(w.second, 2);
        break;
      case 'm': {
        const minute = n <= 2 && (prev.startsWith('h') || next.startsWith('s'));
        if (minute) out += n === 1 ? String(w.minute) : pad(w.minute, 2);
        else
          out +=
            n === 1
              ? String(w.month)
              : n === 2
                ? pad(w.month, 2)
                : n === 3
                  ? MONTHS[w.month - 1].slice(0, 3)
                  : n === 5
                    ? MONTHS[w.month - 1][0]
                    : MONTHS[w.month - 1];
        break;
      }
      default: // AM/PM or A/P
        out += t === 'AM/PM' ? (w.hour < 12 ? 'AM' : 'PM') : w.hour < 12 ? 'A' : 'P';
    }
  });
  return out;
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
