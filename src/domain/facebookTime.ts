// Times as Facebook shows them in a Page's "shares" list when copied ("19 tháng 6 lúc 15:30", "June 19 at 3:30 PM").
import { zonedInstant } from './zone';

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The instant of a copied Facebook time in `timeZone`; a time without a year is in `year` (the
 * voting window's). Relative times ("2 giờ", "Hôm qua") depend on when the list was copied: null.
 * @example facebookTime('Thứ Hai, 19 tháng 6, 2023 lúc 15:30', 'Asia/Ho_Chi_Minh', 2023) → 2023-06-19T08:30:00Z
 */
export function facebookTime(text: string, timeZone: string, year: number): Date | null {
  const s = String(text ?? '')
    .replace(/\u00a0/g, ' ')
    .trim()
    .toLowerCase();
  let day: number, month: number, y: number, hour: number, minute: number;
  let m = /(\d{1,2})\s+tháng\s+(\d{1,2})(?:,?\s+(\d{4}))?\s+(?:lúc\s+)?(\d{1,2}):(\d{2})/.exec(s.normalize('NFC'));
  if (m) {
    [day, month, y, hour, minute] = [+m[1], +m[2], m[3] ? +m[3] : year, +m[4], +m[5]];
  } else if ((m = /([a-z]+)\s+(\d{1,2})(?:,?\s+(\d{4}))?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?/.exec(s))) {
    const mi = EN_MONTHS.findIndex((n) => n.startsWith(m![1]) && m![1].length >= 3);
    if (mi < 0) return null;
    [day, month, y, hour, minute] = [+m[2], mi + 1, m[3] ? +m[3] : year, +m[4], +m[5]];
    if (m[6] === 'pm' && hour < 12) hour += 12;
    if (m[6] === 'am' && hour === 12) hour = 0;
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return zonedInstant({ year: y, month, day, hour, minute, second: 0 }, timeZone);
}
