// Cell formats shared by the .xlsx writer and reader: which number formats are worth a file, and fill colours.

/** The plain-text number format: what Sheets calls "Văn bản thuần túy" and Excel "Text". */
export const TEXT_FORMAT = '@';

// Sheets' and Excel's default formats carry no information worth copying.
const PLAIN_FORMATS = new Set(['', 'General', 'general', '0.###############']);

/**
 * The number format worth keeping in a file, or '' for none: defaults say nothing, and date formats
 * are left to DATE_FORMAT (a date cell is a date value either way).
 */
export function keptFormat(format: string | null | undefined): string {
  const f = format ?? '';
  if (PLAIN_FORMATS.has(f)) return '';
  // Day or year codes outside quoted text, escapes and [colour]/[h] sections make it a date format.
  return /[dy]/i.test(f.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '')) ? '' : f;
}

/**
 * Excel's ARGB for a Sheets background ("#d9d9d9", "#abc"), or null for white (the default) and for
 * anything else (colour names are not written; Sheets reports backgrounds as hex anyway).
 */
export function backgroundToArgb(color: string | null | undefined): string | null {
  const c = (color ?? '').trim().toLowerCase();
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].replace(/./g, (d) => d + d) : m[1];
  return hex === 'ffffff' ? null : `FF${hex.toUpperCase()}`;
}

/** The Sheets background ("#d9d9d9") of an exceljs fill, or '' when it has no solid RGB colour. */
export function fillToBackground(fill: unknown): string {
  const f = fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  const argb = f?.type === 'pattern' && f.pattern === 'solid' ? (f.fgColor?.argb ?? '') : '';
  const m = /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb);
  return m && m[1].toLowerCase() !== 'ffffff' ? `#${m[1].toLowerCase()}` : '';
}
