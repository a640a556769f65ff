// Certificate rules without services: the placeholders, their values for one award, the signing date text, file names and fingerprints.
import { formatScoreVi } from './parse';
import type { Settings } from './types';

/** Every placeholder a template may use, in the order the README lists them. */
export const PLACEHOLDERS = [
  'Giải',
  'Đơn vị',
  'Tác giả',
  'Tên tác phẩm',
  'Tổng điểm',
  'Hình thức khen thưởng',
  'Tên hội thi',
  'Đơn vị tổ chức',
  'Nơi ký',
  'Ngày',
  'Người ký',
  'Chức vụ người ký',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** "{{Giải}}" — what the template holds. */
export function token(name: string): string {
  return `{{${name}}}`;
}

/** An award as read from "Giải thưởng" (the organizers' edited list is what gets printed). */
export interface CertificateAward {
  row: number;
  prize: string;
  unit: string;
  clipId: string;
  title: string;
  authors: string;
  total: number | null;
  reward: string;
}

/** The note "Lập danh sách khen thưởng" writes on tied units (src/domain/awards.ts). */
export const TIE_NOTE_PREFIX = 'Đồng điểm';

/** Vietnamese text is compared and written in NFC (a template typed on a Mac may hold NFD). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** One line, NFC: a value never breaks the template's layout with a newline. */
function clean(s: string): string {
  return nfc(s.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * The formal date: "ngày 20 tháng 6 năm 2023", with a leading zero for days 1–9 and months 1–2 as
 * administrative documents write them ("ngày 05 tháng 02 năm 2024").
 */
export function vietnameseDateText(day: number, month: number, year: number): string {
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "20/06/2023" → { day, month, year }, or null. */
export function parseDayText(text: string): { day: number; month: number; year: number } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { day, month, year };
}

/** The issuing body as the header prints it: the "Đơn vị tổ chức" setting in capitals ("BAN THƯỜNG VỤ QUẬN ĐOÀN 11"). */
export function issuingBody(organizer: string): string {
  return clean(organizer).toLocaleUpperCase('vi-VN');
}

/** The value of every placeholder for one award. `dateText` is vietnameseDateText of the signing date. */
export function certificateValues(award: CertificateAward, settings: Settings, dateText: string): Record<Placeholder, string> {
  return {
    Giải: clean(award.prize),
    'Đơn vị': clean(award.unit),
    'Tác giả': clean(award.authors),
    'Tên tác phẩm': clean(award.title),
    'Tổng điểm': award.total === null ? '' : formatScoreVi(award.total),
    'Hình thức khen thưởng': clean(award.reward),
    'Tên hội thi': clean(settings.contestName),
    'Đơn vị tổ chức': issuingBody(settings.organizer),
    'Nơi ký': clean(settings.certificatePlace),
    Ngày: dateText,
    'Người ký': clean(settings.certificateSigner),
    'Chức vụ người ký': clean(settings.certificateSignerTitle).toLocaleUpperCase('vi-VN'),
  };
}

/** Placeholders found in template text: known ones (in PLACEHOLDERS order) and unknown ones (as written). */
export function scanPlaceholders(texts: string[]): { known: Placeholder[]; unknown: string[] } {
  const found = new Set<string>();
  for (const t of texts) for (const m of nfc(t).matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) found.add(m[1]);
  const known = PLACEHOLDERS.filter((p) => found.has(p));
  const unknown = [...found].filter((f) => !(PLACEHOLDERS as readonly string[]).includes(f));
  return { known, unknown };
}

/** A file name Drive and every OS accept: "Giấy khen - Giải Nhất - Đoàn phường 16.pdf". */
export function certificateFileName(award: Pick<CertificateAward, 'prize' | 'unit'>): string {
  const safe = (s: string) => clean(s).replace(/[\\/:*?"<>|]+/g, '-');
  return `Giấy khen - ${safe(award.prize)} - ${safe(award.unit)}.pdf`;
}
export const COMBINED_FILE_NAME = 'Giấy khen - Tất cả (in).pdf';

/** Descriptions that mark a PDF as made by the add-on, with the fingerprint of what it shows. */
export const TAG_ONE = 'hoithi-giay-khen:';
export const TAG_ALL = 'hoithi-giay-khen-tat-ca:';

/**
 * The string a certificate's fingerprint is the digest of: the template (its id and a signature of
 * its text and layout) and every filled value. The same award on the same template gives the same
 * string, so a re-run keeps the PDF; any change gives a new one.
 */
export function fingerprintSource(templateId: string, templateSignature: string, values: Record<Placeholder, string>): string {
  return JSON.stringify([templateId, templateSignature, PLACEHOLDERS.map((p) => values[p])]);
}

/** Lower-case hex of digest bytes (Apps Script's are signed). */
export function hex(bytes: number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

/** The Drive file id inside a link (".../d/<id>/...", "?id=<id>", ".../folders/<id>") or a bare id; '' when none. */
export function driveIdOf(link: string): string {
  const t = link.trim();
  const m = /\/d\/([\w-]{20,})/.exec(t) ?? /[?&]id=([\w-]{20,})/.exec(t) ?? /\/folders\/([\w-]{20,})/.exec(t);
  if (m) return m[1];
  return /^[\w-]{20,}$/.test(t) ? t : '';
}
