// Time-zone arithmetic with Intl: wall-clock parts of an instant in a zone, and back.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Wall-clock reading of `date` in `timeZone` (an IANA name such as "Asia/Ho_Chi_Minh", or "GMT+7"). */
export function wallClock(date: Date, timeZone: string): WallClock {
  const parts = formatterFor(normalizeZone(timeZone)).formatToParts(date);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: date.getTime() - Math.floor(date.getTime() / 1000) * 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Offset of the zone from UTC at `date`, in minutes (Asia/Ho_Chi_Minh → 420). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** The instant whose wall clock in `timeZone` reads the given parts. */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  // Second pass settles instants next to a daylight-saving change.
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
}

/** Apps Script accepts "GMT+7" style zones; Intl wants "Etc/GMT-7" (sign inverted). */
export function normalizeZone(tz: string): string {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return tz;
  if (m[3] && m[3] !== '00') return tz; // Intl has no fractional Etc zones; let it throw
  const sign = m[1] === '+' ? '-' : '+';
  return `Etc/GMT${sign}${Number(m[2])}`;
}

export function isValidZone(tz: string): boolean {
  try {
    formatterFor(normalizeZone(tz));
    return true;
  } catch {
    return false;
  }
}
