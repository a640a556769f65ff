// Contest settings: the "Cấu hình" rows, their District 11 defaults, parsing from cells and validation.
import {
  describePlace,
  formatDateTime,
  isBlank,
  isDate,
  isValidTimeZone,
  normalizeName,
  parseBoolean,
  parseDateTime,
  groupThousandsVi,
  parseNumberCell,
  showValue,
} from './parse';
import { toScoreUnits } from './ranking';
import { wallClock, zonedInstant } from './zone';
import type { JuryAggregation, JuryNormalisation, Parsed, Problem, Settings } from './types';

export const SETTINGS_SHEET = 'Cấu hình';
export const SETTINGS_HEADERS = ['Thiết lập', 'Giá trị', 'Ghi chú'] as const;
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Sheet labels of the jury aggregation methods, in dropdown order. */
export const AGGREGATION_LABELS: Record<JuryAggregation, string> = {
  mean: 'Trung bình',
  trimmedMean: 'Trung bình bỏ cao nhất và thấp nhất',
  median: 'Trung vị',
};

/** Sheet labels of "Chuẩn hoá điểm BGK", in dropdown order. */
export const NORMALISATION_LABELS: Record<JuryNormalisation, string> = {
  none: 'Không',
  perJuror: 'Chuẩn hoá theo từng giám khảo',
};

export type SettingKind = 'text' | 'date' | 'number' | 'integer' | 'aggregation' | 'normalisation' | 'boolean' | 'timeZone';

export interface SettingDefinition {
  key: keyof Settings;
  /** Exact text of the "Thiết lập" cell. */
  label: string;
  kind: SettingKind;
  /** The default as shown in the "Giá trị" cell: settingText of DEFAULT_SETTINGS, never typed twice. */
  defaultText: string;
  /** Short help for the "Ghi chú" cell. */
  note: string;
  /**
   * For an END date ("Hạn nộp bài", "Kết thúc bình chọn"): a date without a time means the whole day,
   * i.e. 23:59 of that day (see readSettingDate). Start dates keep 00:00, which is what they mean.
   */
  endOfDay?: boolean;
}

export const DEFAULT_CONTEST_NAME = 'Hội thi video clip "Tuổi trẻ Quận 11 thời kỳ chuyển đổi số gắn với phong trào 3 trách nhiệm"';

/** The seed contest's rules (District 11, 2023); dates are instants written with the +07:00 offset. */
export const DEFAULT_SETTINGS: Settings = {
  contestName: DEFAULT_CONTEST_NAME,
  organizer: 'Ban Thường vụ Quận Đoàn 11',
  submissionDeadline: new Date('2023-06-10T23:59:00+07:00'),
  votingStart: new Date('2023-06-12T00:00:00+07:00'),
  votingEnd: new Date('2023-06-19T16:00:00+07:00'),
  juryWeight: 40,
  engagementWeight: 60,
  pointsPerShare: 2,
  pointsPerReaction: 1,
  sharesCapPerAccount: 2,
  pointsCap: 300,
  juryAggregation: 'mean',
  juryNormalisation: 'none',
  minValidClipsPerUnit: 1,
  acceptLateEntries: false,
  onePrizePerUnit: true,
  allowPartialJuryMarks: false,
  sendConfirmationEmail: false,
  timeZone: DEFAULT_TIME_ZONE,
  certificateTemplate: '',
  certificateFolder: '',
  certificatePlace: 'Quận 11',
  certificateDate: '',
  certificateSigner: '',
  certificateSignerTitle: 'BÍ THƯ',
  shareWithJurors: false,
};

/** Every setting in sheet order, with the exact labels of docs/workbook.md "Settings". */
const SETTING_ROWS: Omit<SettingDefinition, 'defaultText'>[] = [
  { key: 'contestName', label: 'Tên hội thi', kind: 'text', note: 'Tên in trên biểu mẫu, giấy khen và báo cáo.' },
  { key: 'organizer', label: 'Đơn vị tổ chức', kind: 'text', note: 'Tên đơn vị tổ chức hội thi.' },
  {
    key: 'submissionDeadline',
    label: 'Hạn nộp bài',
    kind: 'date',
    endOfDay: true,
    note: 'dd/MM/yyyy HH:mm theo múi giờ bên dưới; chỉ ghi ngày (dd/MM/yyyy) nghĩa là hết ngày đó (23:59); bài nộp sau phút này bị đánh dấu "Nộp trễ".',
  },
  {
    key: 'votingStart',
    label: 'Bắt đầu bình chọn',
    kind: 'date',
    note: 'dd/MM/yyyy HH:mm; chỉ ghi ngày (dd/MM/yyyy) nghĩa là từ 00:00 ngày đó; lượt chia sẻ từ phút này được tính.',
  },
  {
    key: 'votingEnd',
    label: 'Kết thúc bình chọn',
    kind: 'date',
    endOfDay: true,
    note: 'dd/MM/yyyy HH:mm; chỉ ghi ngày (dd/MM/yyyy) nghĩa là đến hết ngày đó (23:59); phút kết thúc vẫn được tính (16:00 tính, 16:01 không).',
  },
  { key: 'juryWeight', label: 'Trọng số BGK (%)', kind: 'number', note: 'Phần trăm điểm từ Ban giám khảo; cộng với trọng số tương tác phải bằng 100.' },
  { key: 'engagementWeight', label: 'Trọng số tương tác (%)', kind: 'number', note: 'Phần trăm điểm từ lượt tương tác trên fanpage.' },
  { key: 'pointsPerShare', label: 'Điểm mỗi lượt chia sẻ', kind: 'number', note: 'Số điểm tương tác cho mỗi lượt chia sẻ được tính.' },
  { key: 'pointsPerReaction', label: 'Điểm mỗi lượt cảm xúc', kind: 'number', note: 'Số điểm tương tác cho mỗi lượt cảm xúc.' },
  {
    key: 'sharesCapPerAccount',
    label: 'Số lượt chia sẻ tính tối đa mỗi tài khoản',
    kind: 'integer',
    note: 'Chỉ áp dụng khi có Nhật ký chia sẻ (Facebook không cho biết ai đã chia sẻ).',
  },
  { key: 'pointsCap', label: 'Điểm tương tác tối đa', kind: 'number', note: 'Điểm tương tác vượt mức này không được tính thêm.' },
  { key: 'juryAggregation', label: 'Cách tổng hợp điểm BGK', kind: 'aggregation', note: 'Trung bình | Trung bình bỏ cao nhất và thấp nhất | Trung vị.' },
  { key: 'minValidClipsPerUnit', label: 'Số bài hợp lệ tối thiểu mỗi đơn vị', kind: 'integer', note: 'Chỉ tiêu: số bài đạt thẩm định mỗi đơn vị phải có.' },
  { key: 'acceptLateEntries', label: 'Nhận bài nộp trễ', kind: 'boolean', note: 'Có: bài nộp trễ vẫn được chấm. Không: bài nộp trễ không được tính điểm.' },
  { key: 'onePrizePerUnit', label: 'Mỗi đơn vị tối đa một giải', kind: 'boolean', note: 'Có: mỗi đơn vị nhận nhiều nhất một giải (theo bài điểm cao nhất).' },
  {
    key: 'allowPartialJuryMarks',
    label: 'Tính điểm khi BGK chưa chấm đủ',
    kind: 'boolean',
    note: 'Có: tính điểm với các giám khảo đã chấm (cần ít nhất một).',
  },
  { key: 'sendConfirmationEmail', label: 'Gửi email xác nhận', kind: 'boolean', note: 'Có: gửi email xác nhận cho người nộp bài.' },
  { key: 'timeZone', label: 'Múi giờ', kind: 'timeZone', note: 'Múi giờ IANA dùng cho mọi ngày giờ của hội thi.' },
  // Settings added after the first release go last: setup appends a setting missing from an older "Cấu hình"
  // at the end, so new and old sheets agree.
  {
    key: 'juryNormalisation',
    label: 'Chuẩn hoá điểm BGK',
    kind: 'normalisation',
    note: 'Không | Chuẩn hoá theo từng giám khảo: đưa điểm mỗi giám khảo về cùng mặt bằng (bù giám khảo chấm chặt hay chấm rộng) trước khi tổng hợp; giám khảo chấm dưới 3 bài hoặc cho mọi bài cùng điểm được giữ nguyên.',
  },
  {
    key: 'certificateTemplate',
    label: 'Mẫu giấy khen',
    kind: 'text',
    note: 'Link bản trình bày Google Trang trình bày làm mẫu giấy khen; "Tạo mẫu giấy khen" tự ghi.',
  },
  {
    key: 'certificateFolder',
    label: 'Thư mục giấy khen',
    kind: 'text',
    note: 'Link thư mục Drive chứa các tệp PDF giấy khen; để trống thì add-on tự tạo và ghi vào đây.',
  },
  { key: 'certificatePlace', label: 'Nơi ký giấy khen', kind: 'text', note: 'Địa danh ghi trước ngày ký, ví dụ "Quận 11".' },
  {
    key: 'certificateDate',
    label: 'Ngày ký giấy khen',
    kind: 'text',
    note: 'dd/MM/yyyy; để trống thì lấy ngày lập giấy khen lần đầu (add-on ghi lại vào đây).',
  },
  { key: 'certificateSigner', label: 'Người ký giấy khen', kind: 'text', note: 'Họ tên người ký giấy khen.' },
  { key: 'certificateSignerTitle', label: 'Chức vụ người ký', kind: 'text', note: 'Chức vụ in trên giấy khen, ví dụ "BÍ THƯ" hoặc "PHÓ BÍ THƯ".' },
  {
    key: 'shareWithJurors',
    label: 'Chia sẻ bảng tính với giám khảo',
    kind: 'boolean',
    note: 'Có: "Chuẩn bị phiếu chấm BGK" cấp quyền chỉnh sửa bảng tính cho giám khảo chưa có quyền (cần để nhập điểm). Không: chỉ nêu tên họ.',
  },
];

/** The rows with their default "Giá trị" text, derived from DEFAULT_SETTINGS so the two cannot disagree. */
export const SETTING_DEFINITIONS: SettingDefinition[] = SETTING_ROWS.map((d) => ({ ...d, defaultText: settingText(d, DEFAULT_SETTINGS) }));

/** The "Giá trị" text of a setting value, in the form the sheet shows it. */
function settingText(def: Pick<SettingDefinition, 'key' | 'kind'>, settings: Settings): string {
  const v = settings[def.key];
  switch (def.kind) {
    case 'date':
      return formatDateTime(v as Date, settings.timeZone);
    case 'boolean':
      return v ? 'Có' : 'Không';
    case 'aggregation':
      return AGGREGATION_LABELS[v as JuryAggregation];
    case 'normalisation':
      return NORMALISATION_LABELS[v as JuryNormalisation];
    default:
      return String(v);
  }
}

function aggregationFromText(text: string): JuryAggregation | null {
  const key = normalizeName(text);
  for (const m of Object.keys(AGGREGATION_LABELS) as JuryAggregation[]) {
    if (normalizeName(AGGREGATION_LABELS[m]) === key || m.toLowerCase() === key) return m;
  }
  return null;
}

function normalisationFromText(text: string): JuryNormalisation | null {
  const key = normalizeName(text);
  for (const m of Object.keys(NORMALISATION_LABELS) as JuryNormalisation[]) {
    if (normalizeName(NORMALISATION_LABELS[m]) === key || m.toLowerCase() === key) return m;
  }
  // "Có" / "Không" (and their other spellings) read as on / off, as for the other switches.
  const b = parseBoolean(text);
  return b === null ? null : b ? 'perJuror' : 'none';
}

type SettingCell = { value: unknown; row: number };

/** The "Cấu hình" rows by normalised label; a repeated label is a problem and only its first row counts. */
function settingRowsByLabel(rows: { label: string; value: unknown; row: number }[], sheet: string): { byLabel: Map<string, SettingCell>; problems: Problem[] } {
  const problems: Problem[] = [];
  const byLabel = new Map<string, SettingCell>();
  for (const r of rows) {
    const key = normalizeName(r.label ?? '');
    if (key === '') continue;
    if (byLabel.has(key)) {
      problems.push({
        code: 'setting.duplicate',
        severity: 'stops-action',
        message: `${describePlace({ sheet, row: r.row, column: SETTINGS_HEADERS[0] })}: thiết lập "${String(r.label).trim()}" bị lặp (đã có ở dòng ${byLabel.get(key)!.row}); chỉ dòng đầu được dùng.`,
        sheet,
        row: r.row,
        column: SETTINGS_HEADERS[0],
      });
      continue;
    }
    byLabel.set(key, { value: r.value, row: r.row });
  }
  return { byLabel, problems };
}

/** Reads one setting's value into `settings`, or reports it through `bad` (code, what was expected). */
function applySetting(settings: Settings, def: SettingDefinition, v: unknown, bad: (code: string, expected: string) => void): void {
  const set = (value: unknown): void => {
    (settings as unknown as Record<string, unknown>)[def.key] = value;
  };
  switch (def.kind) {
    case 'text':
      // A real date cell in a text setting ("Ngày ký giấy khen") reads as dd/MM/yyyy, not as JavaScript's Date text.
      set(isDate(v) ? formatDateTime(v, settings.timeZone).slice(0, 10) : String(v).trim());
      break;
    case 'timeZone': {
      const tz = String(v).trim();
      if (isValidTimeZone(tz)) settings.timeZone = tz;
      else bad('setting.timezone', 'cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh');
      break;
    }
    case 'date': {
      const d = readSettingDate(def, v, settings.timeZone);
      if (isDate(d)) set(d);
      else bad('setting.date', 'cần ngày giờ dạng dd/MM/yyyy HH:mm, ví dụ 10/06/2023 23:59');
      break;
    }
    case 'number':
    case 'integer': {
      const n = parseNumberCell(v);
      if (typeof n !== 'number') bad('setting.number', 'cần một số');
      else if (def.kind === 'integer' && !Number.isInteger(n)) bad('setting.integer', 'cần một số nguyên');
      else set(n);
      break;
    }
    case 'boolean': {
      const b = parseBoolean(v);
      if (b === null) bad('setting.boolean', 'cần "Có" hoặc "Không"');
      else set(b);
      break;
    }
    case 'aggregation': {
      const m = aggregationFromText(String(v));
      if (m) settings.juryAggregation = m;
      else bad('setting.aggregation', `cần một trong: ${Object.values(AGGREGATION_LABELS).join(' | ')}`);
      break;
    }
    case 'normalisation': {
      const m = normalisationFromText(String(v));
      if (m) settings.juryNormalisation = m;
      else bad('setting.normalisation', `cần một trong: ${Object.values(NORMALISATION_LABELS).join(' | ')}`);
      break;
    }
  }
}

/**
 * Whole-settings problems say where to fix them: the row of every setting they involve (both
 * weights for the sum, both dates for an order), when those settings have rows.
 */
function placeSettingsProblems(problems: Problem[], find: (def: SettingDefinition) => SettingCell | undefined, sheet: string): Problem[] {
  return problems.map((p) => {
    const rows = involvedSettings(p.code)
      .map((key) => find(SETTING_DEFINITIONS.find((d) => d.key === key)!)?.row)
      .filter((r): r is number => r !== undefined)
      .sort((a, b) => a - b);
    if (rows.length === 0) return { ...p, sheet };
    const where = `Trang "${sheet}", ${rows.map((row) => `dòng ${row}, cột "${SETTINGS_HEADERS[1]}"`).join(' và ')}`;
    const message = `${where}: ${p.message.charAt(0).toLowerCase()}${p.message.slice(1)}`;
    return { ...p, message, sheet, row: rows[0], column: SETTINGS_HEADERS[1] };
  });
}

/**
 * Settings from the "Cấu hình" rows. A missing row or blank value takes the default; a bad value is a
 * problem naming the setting and its row; the result is then validated as a whole.
 */
export function parseSettings(rows: { label: string; value: unknown; row: number }[], sheet: string): Parsed<Settings> {
  const { byLabel, problems } = settingRowsByLabel(rows, sheet);
  const find = (def: SettingDefinition) => byLabel.get(normalizeName(def.label));

  // The time zone is read first: every date is typed in it.
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const ordered = [...SETTING_DEFINITIONS].sort((a, b) => (a.kind === 'timeZone' ? -1 : b.kind === 'timeZone' ? 1 : 0));
  for (const def of ordered) {
    const cell = find(def);
    if (!cell || isBlank(cell.value)) continue;
    const place = { sheet, row: cell.row, column: SETTINGS_HEADERS[1] };
    const bad = (code: string, expected: string): void => {
      problems.push({
        code,
        severity: 'stops-action',
        message: `${describePlace(place)}: giá trị ${showValue(cell.value)} của thiết lập "${def.label}" không hợp lệ; ${expected}.`,
        ...place,
      });
    };
    applySetting(settings, def, cell.value, bad);
  }
  if (problems.length > 0) return { ok: false, problems };
  const invalid = placeSettingsProblems(validateSettings(settings), find, sheet);
  return invalid.length > 0 ? { ok: false, problems: invalid } : { ok: true, value: settings };
}

/** A date typed without a time: "10/06/2023", "2023-06-10", or a whole spreadsheet serial number (.xlsx). */
const DATE_ONLY_TEXT = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/;

/**
 * True when a date setting's cell gave a day but no time of day. Typed values are text ("Giá trị" is
 * formatted as plain text), so the time's absence is visible. A real date cell (pasted, or a cell
 * whose format was changed) cannot say whether "00:00" was typed or just implied: a date cell whose
 * wall time in the contest's zone is exactly 00:00:00 counts as date-only. An end at midnight is then
 * written as 23:59 of the day before, which is also how the plan words its deadlines.
 */
function isDateOnly(value: unknown, parsed: Date, timeZone: string): boolean {
  if (typeof value === 'string') return DATE_ONLY_TEXT.test(value.replace(/\u00a0/g, ' ').trim());
  if (typeof value === 'number') return Number.isInteger(value);
  if (isDate(value)) {
    const w = wallClock(parsed.getTime(), timeZone);
    return w.hour === 0 && w.minute === 0 && w.second === 0 && parsed.getTime() % 1000 === 0;
  }
  return false;
}

/**
 * A date setting's value. parseDateTime reads a date without a time as 00:00 — right for "Bắt đầu
 * bình chọn", but for an END setting ("Hạn nộp bài" = "10/06/2023") it would make the whole last day
 * late: there a date-only value means 23:59 of that day (the deadline and the voting end include
 * their last minute).
 * @example readSettingDate(deadlineDef, '10/06/2023', 'Asia/Ho_Chi_Minh') → 10/06/2023 23:59 (+07:00)
 */
function readSettingDate(def: Pick<SettingDefinition, 'endOfDay'>, value: unknown, timeZone: string): Date | null | 'invalid' {
  const d = parseDateTime(value, timeZone);
  if (!def.endOfDay || !isDate(d) || !isDateOnly(value, d, timeZone)) return d;
  return zonedInstant({ ...wallClock(d.getTime(), timeZone), hour: 23, minute: 59, second: 0 }, timeZone);
}

/**
 * Plausible upper bounds of numeric settings. With counts capped at MAX_COUNT (parse.ts), every
 * product points × count stays far below 2^53, so totals are finite, exact and never NaN.
 */
export const SETTING_MAX = {
  pointsPerShare: 1_000_000,
  pointsPerReaction: 1_000_000,
  pointsCap: 1_000_000_000_000,
  sharesCapPerAccount: 1_000_000,
  minValidClipsPerUnit: 100_000,
} as const;

/** Settings a validateSettings code involves: its own key, plus the other side of a sum or an order. */
function involvedSettings(code: string): (keyof Settings)[] {
  const key = SETTING_DEFINITIONS.find((d) => code.startsWith(`setting.${d.key}.`))?.key;
  if (!key) return [];
  if (code === 'setting.juryWeight.sum') return ['juryWeight', 'engagementWeight'];
  if (code === 'setting.submissionDeadline.order') return ['submissionDeadline', 'votingStart'];
  if (code === 'setting.votingStart.order') return ['votingStart', 'votingEnd'];
  return [key];
}

function labelOf(key: keyof Settings): string {
  return SETTING_DEFINITIONS.find((d) => d.key === key)!.label;
}

/**
 * Rules that settings must satisfy together. Codes start with `setting.<key>` of the setting the
 * message names first.
 */
export function validateSettings(s: Settings): Problem[] {
  const problems: Problem[] = [];
  const add = (key: keyof Settings, suffix: string, message: string) => problems.push({ code: `setting.${key}.${suffix}`, severity: 'stops-action', message });

  for (const key of ['juryWeight', 'engagementWeight'] as const) {
    if (!Number.isFinite(s[key]) || s[key] < 0 || s[key] > 100) {
      add(key, 'range', `Thiết lập "${labelOf(key)}" phải từ 0 đến 100 (đang là ${s[key]}).`);
    }
  }
  // Compared in ten-thousandths so 33.3333 + 66.6667 is accepted and float noise never is an error.
  if (toScoreUnits(s.juryWeight + s.engagementWeight) !== toScoreUnits(100)) {
    add(
      'juryWeight',
      'sum',
      `Thiết lập "${labelOf('juryWeight')}" (${s.juryWeight}) cộng "${labelOf('engagementWeight')}" (${s.engagementWeight}) phải bằng 100.`,
    );
  }
  for (const key of ['pointsPerShare', 'pointsPerReaction', 'pointsCap', 'sharesCapPerAccount'] as const) {
    if (!Number.isFinite(s[key]) || s[key] <= 0) {
      add(key, 'positive', `Thiết lập "${labelOf(key)}" phải là số dương (đang là ${s[key]}).`);
    } else if (s[key] > SETTING_MAX[key]) {
      // Far beyond any contest, and large enough that points × counts would stop being exact numbers.
      add(key, 'range', `Thiết lập "${labelOf(key)}" quá lớn: tối đa ${groupThousandsVi(SETTING_MAX[key])} (đang là ${s[key]}).`);
    }
  }
  if (Number.isFinite(s.minValidClipsPerUnit) && s.minValidClipsPerUnit > SETTING_MAX.minValidClipsPerUnit) {
    add(
      'minValidClipsPerUnit',
      'range',
      `Thiết lập "${labelOf('minValidClipsPerUnit')}" quá lớn: tối đa ${groupThousandsVi(SETTING_MAX.minValidClipsPerUnit)} (đang là ${s.minValidClipsPerUnit}).`,
    );
  }
  if (!Number.isInteger(s.sharesCapPerAccount)) {
    add('sharesCapPerAccount', 'integer', `Thiết lập "${labelOf('sharesCapPerAccount')}" phải là số nguyên.`);
  }
  if (!Number.isInteger(s.minValidClipsPerUnit) || s.minValidClipsPerUnit < 0) {
    add('minValidClipsPerUnit', 'integer', `Thiết lập "${labelOf('minValidClipsPerUnit')}" phải là số nguyên không âm.`);
  }
  if (!isValidTimeZone(s.timeZone)) {
    add('timeZone', 'invalid', `Thiết lập "${labelOf('timeZone')}": không có múi giờ "${s.timeZone}".`);
  }
  const tz = isValidTimeZone(s.timeZone) ? s.timeZone : DEFAULT_TIME_ZONE;
  const dates = ['submissionDeadline', 'votingStart', 'votingEnd'] as const;
  const allDates = dates.every((k) => isDate(s[k]) && !isNaN(s[k].getTime()));
  if (!allDates) {
    for (const k of dates) {
      if (!isDate(s[k]) || isNaN(s[k].getTime())) add(k, 'date', `Thiết lập "${labelOf(k)}" không phải ngày giờ hợp lệ.`);
    }
  } else {
    const show = (k: (typeof dates)[number]) => `"${labelOf(k)}" (${formatDateTime(s[k], tz)})`;
    if (s.submissionDeadline.getTime() > s.votingStart.getTime()) {
      add('submissionDeadline', 'order', `Thiết lập ${show('submissionDeadline')} phải trước hoặc bằng ${show('votingStart')}.`);
    }
    if (s.votingStart.getTime() >= s.votingEnd.getTime()) {
      add('votingStart', 'order', `Thiết lập ${show('votingStart')} phải trước ${show('votingEnd')}.`);
    }
  }
  return problems;
}
