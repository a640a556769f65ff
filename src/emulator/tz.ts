// Time-zone helpers for the emulator: Apps Script's zone spellings on top of the domain's Intl arithmetic.
import { isValidTimeZone, wallClock as wallOf, zonedInstant } from '../domain/zone';

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
