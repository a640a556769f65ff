// Date helpers shared by the services: a date check that works across realms, and the English month and day names.

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** English names, as SimpleDateFormat (Utilities.formatDate) and Sheets' date formats print them. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `n` without its sign, zero-padded to `width` digits. */
export const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');
