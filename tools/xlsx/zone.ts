// Wall-clock ↔ instant conversion for .xlsx date cells, on top of the add-on's own zone arithmetic (src/domain/zone.ts).
//
// An .xlsx date is a serial day count: a wall-clock reading with no zone. Google Sheets exports the
// wall clock of the spreadsheet's time zone, and exceljs maps serials to JS Dates whose *UTC* fields
// are that wall clock. So reading: UTC fields → the instant the zone's clock showed them; writing:
// instant → the zone's wall clock → a Date with those UTC fields. Nothing here looks at the machine's
// own zone (process TZ), which is why the tests run under TZ=UTC too.
import { wallClock, zonedInstant } from '../../src/domain/zone';

/** Milliseconds within the second; domain/zone works in whole seconds, so they are carried across. */
function millis(t: number): number {
  return ((t % 1000) + 1000) % 1000;
}

/**
 * The instant at which `timeZone`'s wall clock reads the UTC fields of `wall` (an exceljs date).
 * @example xlsxWallToInstant(new Date('2023-06-10T23:59:00Z'), 'Asia/Ho_Chi_Minh').toISOString() === '2023-06-10T16:59:00.000Z'
 */
export function xlsxWallToInstant(wall: Date, timeZone: string): Date {
  const fields = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
  return new Date(zonedInstant(fields, timeZone).getTime() + millis(wall.getTime()));
}

/**
 * The exceljs date (UTC fields = wall clock) that shows instant `d` as `timeZone`'s clock reads it.
 * @example instantToXlsxWall(new Date('2023-06-10T16:59:00Z'), 'Asia/Ho_Chi_Minh').toISOString() === '2023-06-10T23:59:00.000Z'
 */
export function instantToXlsxWall(d: Date, timeZone: string): Date {
  const t = d.getTime();
  const w = wallClock(t - millis(t), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + millis(t));
}
