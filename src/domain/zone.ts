// Time-zone arithmetic with Intl (which Apps Script V8 has): the wall clock of an instant in a zone, and back.

// Answers per zone name: the check builds a DateTimeFormat (slow in V8) and runs for every date a
// sheet holds. The set of zone names a runtime knows does not change, so a cached answer stays right.
const validity = new Map<string, boolean>();

/** True when the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  const known = validity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    valid = true;
  } catch {
    valid = false;
  }
  validity.set(timeZone, valid);
  return valid;
}

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is slow in V8; one per zone is reused across a whole sheet.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of instant `t` in `timeZone` (via Intl, so it never depends on the machine's zone). */
export function wallClock(t: number, timeZone: string): Wall {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  // Some older ICU builds print midnight as hour 24 even with h23.
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The instant at which the wall clock in `timeZone` reads `w`. */
export function zonedInstant(w: Wall, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = offsetAt(guess - offsetAt(guess, timeZone), timeZone);
  // Second pass settles wall times near an offset change (DST zones; Asia/Ho_Chi_Minh has none today).
  return new Date(guess - first);
}
