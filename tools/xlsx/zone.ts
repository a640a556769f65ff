// Wall-clock ↔ instant conversion for .xlsx date cells, which carry no time zone.
//
// An .xlsx date is a serial day count: a wall-clock reading with no zone. Google Sheets exports the
// wall clock of the spreadsheet's time zone, and exceljs maps serials to JS Dates whose *UTC* fields
// are that wall clock. So reading: UTC fields → the instant the zone's clock showed them; writing:
// instant → the zone's wall clock → a Date with those UTC fields. Nothing here looks at the machine's
// own zone (process TZ), which is why the tests run under TZ=UTC too.

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

/** UTC timestamp whose UTC fields equal the wall clock of `timeZone` at instant `t` (whole seconds). */
function wallAsUtc(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const hour = parts.hour === 24 ? 0 : parts.hour;
  return Date.UTC(parts.year, parts.month - 1, parts.day, hour, parts.minute, parts.second);
}

/** True when the runtime knows this IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which `timeZone`'s wall clock reads the UTC fields of `wall` (an exceljs date).
 * @example xlsxWallToInstant(new Date('2023-06-10T23:59:00Z'), 'Asia/Ho_Chi_Minh').toISOString() === '2023-06-10T16:59:00.000Z'
 */
export function xlsxWallToInstant(wall: Date, timeZone: string): Date {
  const w = wall.getTime();
  const ms = ((w % 1000) + 1000) % 1000;
  const whole = w - ms;
  // Offset at the guess, then re-evaluated at the corrected instant (settles DST edges).
  const offset1 = wallAsUtc(whole, timeZone) - whole;
  const guess = whole - offset1;
  const offset2 = wallAsUtc(guess, timeZone) - guess;
  return new Date(whole - offset2 + ms);
}

/**
 * The exceljs date (UTC fields = wall clock) that shows instant `d` as `timeZone`'s clock reads it.
 * @example instantToXlsxWall(new Date('2023-06-10T16:59:00Z'), 'Asia/Ho_Chi_Minh').toISOString() === '2023-06-10T23:59:00.000Z'
 */
export function instantToXlsxWall(d: Date, timeZone: string): Date {
  const t = d.getTime();
  const ms = ((t % 1000) + 1000) % 1000;
  return new Date(wallAsUtc(t - ms, timeZone) + ms);
}
