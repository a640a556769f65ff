// Time-zone helpers for the emulator: Apps Script's zone spellings and wall-clock arithmetic over Intl.
// Written apart from the add-on's own zone code on purpose: a fake that shared it could not catch its mistakes.

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallOf(t: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant whose wall clock reads `w`: guess as UTC, correct by the offset there, then once more near a change. */
function zonedInstant(w: Wall, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = (t: number): number => {
    const x = wallOf(t, timeZone);
    return Date.UTC(x.year, x.month - 1, x.day, x.hour, x.minute, x.second) - Math.floor(t / 1000) * 1000;
  };
  const first = asUtc - offset(asUtc);
  return new Date(asUtc - offset(first));
}

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

/** Wall-clock reading of `date` in `timeZone` (an IANA name such as "Asia/Ho_Chi_Minh", or "GMT+7"). */
export function wallClock(date: Date, timeZone: string): WallClock {
  const t = date.getTime();
  const w = wallOf(t, normalizeZone(timeZone));
  return {
    ...w,
    millisecond: t - Math.floor(t / 1000) * 1000,
    weekday: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay(),
  };
}

/** Offset of the zone from UTC at `date`, in minutes (Asia/Ho_Chi_Minh → 420). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** The instant whose wall clock in `timeZone` reads the given parts. */
export function fromWallClock(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const whole = zonedInstant({ year, month, day, hour, minute, second }, normalizeZone(timeZone));
  return new Date(whole.getTime() + ms);
}

/** Apps Script accepts "GMT+7" style zones; Intl wants "Etc/GMT-7" (sign inverted). */
function normalizeZone(tz: string): string {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return tz;
  if (m[3] && m[3] !== '00') return tz; // Intl has no fractional Etc zones; let it throw
  const sign = m[1] === '+' ? '-' : '+';
  return `Etc/GMT${sign}${Number(m[2])}`;
}

export function isValidZone(tz: string): boolean {
  return isValidTimeZone(normalizeZone(tz));
}
