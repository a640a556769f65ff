// A self-check of what the rules need from the JavaScript runtime (time zones through Intl, Unicode normalize).

/** What the check probes; the real runtime by default, stubs in tests. */
export interface RuntimeProbe {
  intl: unknown;
  normalize: (text: string, form: string) => string;
}

const REAL: RuntimeProbe = {
  intl: typeof Intl === 'undefined' ? undefined : Intl,
  normalize: (text, form) => text.normalize(form),
};

const PROBE_INSTANT = new Date(Date.UTC(2023, 5, 10, 16, 59));

type DateTimeFormatCtor = new (locale: string, options: Record<string, unknown>) => { formatToParts?: (d: Date) => { type: string; value: string }[] };

/**
 * The default deadline instant (2023-06-10T16:59Z) read back by Intl in Asia/Ho_Chi_Minh: "10/06/2023 23:59", or null
 * when the runtime cannot. Not 1970: Saigon was UTC+8 then, so a correct runtime says 08:00 for new Date(0).
 */
function zonedProbe(intl: unknown): string | null {
  const ctor = intl && typeof intl === 'object' ? (intl as { DateTimeFormat?: unknown }).DateTimeFormat : undefined;
  if (typeof ctor !== 'function') return null;
  const fmt = new (ctor as DateTimeFormatCtor)('en-US', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  if (typeof fmt.formatToParts !== 'function') return null;
  const part = (type: string) => fmt.formatToParts!(PROBE_INSTANT).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour').replace(/^24$/, '00')}:${part('minute')}`;
}

/**
 * Vietnamese messages for what is missing ([] when all is there): Intl.DateTimeFormat with a time zone
 * and formatToParts (every date of the contest is read in "Múi giờ"), and String.prototype.normalize
 * (unit names are matched without diacritics). Google does not document either for the V8 runtime.
 */
export function runtimeProblems(probe: RuntimeProbe = REAL): string[] {
  const problems: string[] = [];
  let epoch: string | null = null;
  try {
    epoch = zonedProbe(probe.intl);
  } catch {
    epoch = null;
  }
  if (epoch !== '10/06/2023 23:59') {
    problems.push(
      'Môi trường Apps Script đang chạy không hỗ trợ múi giờ (Intl.DateTimeFormat với timeZone và formatToParts), nên add-on không đọc đúng được ngày giờ theo "Múi giờ" (hạn nộp bài, thời gian bình chọn). Hãy kiểm tra dự án đang dùng môi trường V8 (Cài đặt dự án → "Bật thời gian chạy Chrome V8"), rồi thử lại.',
    );
  }
  let normalized = false;
  try {
    normalized = probe.normalize('\u1ebf', 'NFD') === 'e\u0302\u0301' && probe.normalize('e\u0302\u0301', 'NFC') === '\u1ebf';
  } catch {
    normalized = false;
  }
  if (!normalized) {
    problems.push(
      'Môi trường Apps Script đang chạy không hỗ trợ chuẩn hoá chữ Unicode (String.prototype.normalize), nên add-on không so khớp được tên đơn vị có dấu. Hãy kiểm tra dự án đang dùng môi trường V8 (Cài đặt dự án → "Bật thời gian chạy Chrome V8"), rồi thử lại.',
    );
  }
  return problems;
}

let checked: string[] | null = null;

/** runtimeProblems of the real runtime, computed once per execution (the menu door asks on every action). */
export function runtimeProblemsOnce(): string[] {
  if (checked === null) checked = runtimeProblems();
  return checked;
}
