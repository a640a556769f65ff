// Utilities.formatDate: java.text.SimpleDateFormat patterns in a time zone.
import { DAYS, MONTHS, pad } from '../core/dates';
import { wallClock, zoneOffsetMinutes, type WallClock } from '../core/tz';

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

/**
 * The literal opening with the apostrophe at `i`: its text and where the pattern goes on. As in SimpleDateFormat, `''`
 * is an apostrophe both outside quotes and inside them ("'o''clock'" is o'clock); an unclosed quote runs to the end.
 */
function javaQuoted(pattern: string, i: number): { text: string; next: number } {
  if (pattern[i + 1] === "'") return { text: "'", next: i + 2 };
  let text = '';
  for (let j = i + 1; j < pattern.length; j++) {
    // '' inside quotes is one apostrophe (skip its twin); a lone ' closes the quote.
    if (pattern[j] !== "'") text += pattern[j];
    else if (pattern[j + 1] === "'") text += pattern[j++];
    else return { text, next: j + 1 };
  }
  return { text, next: pattern.length };
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
