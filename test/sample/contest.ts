// The one sample contest (`npm start`, `npm run bench`, tests): District 11 units, jurors, submissions, appraisal, marks and engagement.
//
// Everything is generated from one seed so the demo prints the same award list on every machine.
// Its parts (roster, jurors, titles, the random models) also build it at any size (scaledContest.ts).
// Clips are referred to by title (titles are unique): the add-on assigns the IDs (HT-001…) itself
// when the submissions come in through the form, and the demo reads them back.
import { DEFAULT_TIME_ZONE } from '../../src/domain/settings';
import { zonedInstant } from '../../src/domain/zone';
import { createRng, type Rng } from './random';

export interface SampleUnit {
  code: string;
  /** Official name, as the roster reads once the organizer has tidied it. */
  name: string;
  aliases: string[];
  email: string;
  /** How the organizer first typed the unit (it becomes an alias when the roster is tidied). */
  firstName?: string;
}

export interface SampleJuror {
  code: string;
  name: string;
  email: string;
  /** Roster name of the juror's own unit ('' = none): the juror does not mark that unit's clips. */
  unit: string;
}

export interface SampleSubmission {
  /** When the form was sent (instant). */
  at: Date;
  /** The unit as chosen in the form; may be an alias, a spelling variant or an unknown unit. */
  unit: string;
  entryType: 'Cá nhân' | 'Tập thể';
  authors: string;
  title: string;
  videoLink: string;
  length: string;
  contactName: string;
  phone: string;
  email: string;
  /** What the sample means to show with this entry (for the reader of the demo; not used by the add-on). */
  story: string[];
}

export interface SampleAppraisal {
  title: string;
  /** Criterion codes (TT1…TT10) left unticked; empty = every box ticked = passes. */
  unticked: string[];
  appraiserEmail: string;
  at: Date;
  /** Fanpage post of a passed clip ('' for failed clips: they are not published). */
  postLink: string;
}

export interface SampleMark {
  title: string;
  jurorCode: string;
  /** What the juror types: a number, or text with a decimal comma ("87,5") as Vietnamese jurors do. */
  mark: number | string;
  comment: string;
}

export interface SampleEngagement {
  title: string;
  reactions: number;
  shares: number;
  updatedAt: Date;
}

export interface SampleShare {
  title: string;
  account: string;
  time: Date;
}

export interface SampleContest {
  seed: number;
  /**
   * The roster's life: the organizer first types it with a few short names and one unit that is not a
   * district youth base (`extraUnit`); at `rosterFixedAt` the official names go in (short names kept as
   * aliases) and the extra unit is deleted, but the form's dropdown is only re-synced at `dropdownSyncedAt`.
   * Entries sent in between still carry the old names (matched through aliases) or the deleted unit
   * (flagged "Không rõ đơn vị").
   */
  extraUnit: SampleUnit;
  rosterFixedAt: Date;
  dropdownSyncedAt: Date;
  /** Entries whose onFormSubmit trigger does not fire; "Đồng bộ bài dự thi" picks them up. */
  missedByTrigger: string[];
  organizerEmail: string;
  appraisers: { name: string; email: string }[];
  units: SampleUnit[];
  jurors: SampleJuror[];
  /** In the order they are sent (by time). */
  submissions: SampleSubmission[];
  appraisals: SampleAppraisal[];
  /** For every clip and juror; the demo enters those the juror's tab asks for. */
  marks: SampleMark[];
  engagement: SampleEngagement[];
  shareLog: SampleShare[];
}

/** An instant given as the contest's wall-clock time (Asia/Ho_Chi_Minh, the add-on's default zone). */
export function vn(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return zonedInstant({ year, month, day, hour, minute, second }, DEFAULT_TIME_ZONE);
}

/** The district youth union's mail domain (made up): organizer, jurors, appraisers and units write from it. */
export const ORG_DOMAIN = 'quandoan11.example';

/** A company youth branch typed into the first roster by mistake (not a district youth base). */
const EXTRA_UNIT: SampleUnit = {
  code: 'PT',
  name: 'Chi đoàn Công ty Du lịch Phú Thọ',
  aliases: [],
  email: `phutho@${ORG_DOMAIN}`,
};
const ROSTER_FIXED_AT = vn(2023, 6, 1, 8, 0);
const DROPDOWN_SYNCED_AT = vn(2023, 6, 5, 8, 0);

/** The roster: 16 ward youth unions and 14 other youth bases of District 11, with their aliases (a fresh copy). */
export function sampleUnits(): SampleUnit[] {
  const units: SampleUnit[] = [];
  for (let p = 1; p <= 16; p++) {
    units.push({
      code: `P${String(p).padStart(2, '0')}`,
      name: `Đoàn phường ${p}`,
      aliases: [`Phường ${p}`, `Đoàn P.${p}`],
      email: `doanphuong${p}.q11@${ORG_DOMAIN}`,
    });
  }
  const others: [string, string, string[], string][] = [
    ['UBND', 'Chi đoàn Ủy ban nhân dân Quận 11', ['Chi đoàn UBND Quận 11', 'UBND Q11'], 'ubnd'],
    ['NH', 'Đoàn Trường THPT Nguyễn Hiền', ['THPT Nguyễn Hiền', 'Trường Nguyễn Hiền'], 'thptnguyenhien'],
    ['NKKN', 'Đoàn Trường THPT Nam Kỳ Khởi Nghĩa', ['THPT Nam Kỳ Khởi Nghĩa'], 'thptnkkn'],
    ['TQK', 'Đoàn Trường THPT Trần Quang Khải', ['THPT Trần Quang Khải'], 'thpttqk'],
    ['CA', 'Đoàn cơ sở Công an Quận 11', ['Công an Q11', 'Đoàn Công an Quận 11'], 'congan'],
    ['BV', 'Đoàn cơ sở Bệnh viện Quận 11', ['Bệnh viện Q11'], 'benhvien'],
    ['QS', 'Chi đoàn Ban Chỉ huy Quân sự Quận 11', ['BCH Quân sự Q11'], 'quansu'],
    ['TTVH', 'Chi đoàn Trung tâm Văn hóa Quận 11', ['TTVH Q11'], 'ttvh'],
    ['TDTT', 'Chi đoàn Trung tâm Thể dục Thể thao Quận 11', ['TT TDTT Q11'], 'tdtt'],
    ['GDDT', 'Chi đoàn Phòng Giáo dục và Đào tạo Quận 11', ['Phòng GD&ĐT Q11'], 'gddt'],
    ['DCD', 'Chi đoàn Khối Dân – Chính – Đảng Quận 11', ['Khối Dân Chính Đảng'], 'dcd'],
    ['TTYT', 'Chi đoàn Trung tâm Y tế Quận 11', ['TTYT Q11'], 'ttyt'],
    ['CBT', 'Chi đoàn Ban Quản lý Chợ Bình Thới', ['Chợ Bình Thới'], 'chobinhthoi'],
    ['BHXH', 'Chi đoàn Bảo hiểm xã hội Quận 11', ['BHXH Q11'], 'bhxh'],
  ];
  for (const [code, name, aliases, mail] of others) {
    units.push({ code, name, aliases, email: `${mail}.q11@${ORG_DOMAIN}` });
  }
  // Short names the organizer typed at first; each is also an alias, so old entries still match.
  const first: Record<string, string> = { UBND: 'Chi đoàn UBND Quận 11', NH: 'THPT Nguyễn Hiền', CA: 'Công an Q11' };
  for (const u of units) if (first[u.code]) u.firstName = first[u.code];
  return units;
}

/** The sample's five jurors. */
export const SAMPLE_JURORS: readonly SampleJuror[] = [
  { code: 'GK1', name: 'Lê Minh Khoa', email: `khoa.lm@${ORG_DOMAIN}`, unit: '' },
  { code: 'GK2', name: 'Phạm Thị Thu Hà', email: `ha.ptt@${ORG_DOMAIN}`, unit: '' },
  { code: 'GK3', name: 'Trần Quốc Bảo', email: `bao.tq@${ORG_DOMAIN}`, unit: '' },
  // A teacher of Nguyễn Hiền high school: does not mark her own school's clips.
  { code: 'GK4', name: 'Nguyễn Ngọc Diễm', email: `diem.nn@${ORG_DOMAIN}`, unit: 'Đoàn Trường THPT Nguyễn Hiền' },
  { code: 'GK5', name: 'Huỳnh Thanh Tùng', email: `tung.ht@${ORG_DOMAIN}`, unit: '' },
];

/**
 * The contest with every juror free to mark every clip (no unit, so no conflict-of-interest rows): the
 * bench's workloads, whose call counts are compared run to run, mark every clip on every tab.
 */
export function withoutJurorUnits<T extends { jurors: SampleJuror[] }>(contest: T): T {
  return { ...contest, jurors: contest.jurors.map((j) => ({ ...j, unit: '' })) };
}

/** The sample's 45 titles, in the order they are handed out. */
export const SAMPLE_TITLES: readonly string[] = [
  'Một ngày làm cán bộ một cửa',
  'Dịch vụ công trực tuyến – dễ như trở bàn tay',
  'Thanh niên Quận 11 nói không với giấy tờ',
  'Hành trình số của tuổi trẻ phường',
  'Trách nhiệm – Tận tụy – Sáng tạo',
  'Cầu nối giữa người dân và chính quyền số',
  'Chuyển đổi số từ những điều nhỏ nhất',
  'Ba trách nhiệm, một niềm tin',
  'Đồng hành cùng người dân trên Cổng dịch vụ công',
  'Khởi nghiệp cùng Đoàn',
  'Ví điện tử cho chợ truyền thống',
  'Thầy trò Nguyễn Hiền với chuyển đổi số',
  'Học đường số, thanh niên số',
  'Áo xanh trên những nẻo đường số',
  'Câu chuyện ở bộ phận tiếp nhận hồ sơ',
  'Gõ cửa từng nhà hướng dẫn VNeID',
  'Bình dân học vụ số',
  'Người trẻ giữ lửa công vụ',
  'Chiến sĩ công an trẻ với định danh điện tử',
  'Nụ cười nơi bệnh viện',
  'Hồ sơ sức khỏe điện tử – chuyện nhỏ mà lớn',
  'Thanh toán không tiền mặt ở Chợ Bình Thới',
  'Tuổi trẻ Quận 11 – năng động, sáng tạo',
  'Mỗi ngày một việc tốt',
  'Bản tin 3 trách nhiệm',
  'Chuyện của cô cán bộ phường',
  'Số hóa hồ sơ – tiết kiệm thời gian',
  'Em đi học số',
  'Thanh niên tình nguyện trong kỷ nguyên số',
  'Vì nhân dân phục vụ',
  'Điểm hẹn công dân số',
  'Tháng Thanh niên, chuyển đổi số',
  'Một chạm, vạn tiện ích',
  'Cùng bà con làm thủ tục trực tuyến',
  'Gương sáng cán bộ trẻ',
  'Lan tỏa tinh thần 3 trách nhiệm',
  'Nhật ký chuyển đổi số',
  'Trường học thông minh',
  'Từ sân trường đến cổng dịch vụ công',
  'Hành trang số cho thanh niên',
  'Người lính trẻ và chiếc điện thoại thông minh',
  'Văn hóa số, con người số',
  'Thể thao cộng đồng thời 4.0',
  'Phố chợ văn minh',
  'Đầm Sen – tuổi trẻ và du lịch số',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hoàng', 'Quốc', 'Thùy', 'Gia', 'Bảo', 'Hữu', 'Mỹ'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hân',
  'Huy',
  'Khánh',
  'Linh',
  'Long',
  'My',
  'Nam',
  'Ngân',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tú',
  'Vy',
  'Yến',
  'Đạt',
  'Hiếu',
  'Nhi',
];

/** A Vietnamese full name: family, middle and given name. */
export function personName(rng: Rng): string {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

export function randomText(rng: Rng, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

// ---- The sample's random parts, shared with the scaled contest (scaledContest.ts) -----------------
// Each draws from `rng` in a fixed order: buildSampleContest(11) depends on that order.

export function randomVideoLink(rng: Rng): string {
  return rng.next() < 0.6
    ? `https://www.youtube.com/watch?v=${randomText(rng, 11, ID_ALPHABET)}`
    : `https://drive.google.com/file/d/1${randomText(rng, 32, ID_ALPHABET)}/view?usp=sharing`;
}

/** Who made the clip: one person, or a group of three (its first member is the contact). */
export function randomAuthors(rng: Rng): Pick<SampleSubmission, 'entryType' | 'authors' | 'contactName'> {
  const group = rng.next() < 0.55;
  const authors = group
    ? `Nhóm ${['Tuổi Trẻ', 'Ánh Sáng', 'Xung Kích', 'Sáng Tạo', 'Tiên Phong'][rng.int(0, 4)]}: ${personName(rng)}, ${personName(rng)}, ${personName(rng)}`
    : personName(rng);
  return { entryType: group ? 'Tập thể' : 'Cá nhân', authors, contactName: group ? authors.split(': ')[1].split(', ')[0] : authors };
}

/** "m:ss": 3–4 minutes, or 6 for a clip that fails TT1 (3 to 5 minutes). */
export function randomLength(rng: Rng, tooLong: boolean): string {
  const minutes = tooLong ? 6 : rng.int(3, 4);
  return `${minutes}:${String(rng.int(0, 59)).padStart(2, '0')}`;
}

export function randomPhone(rng: Rng): string {
  return `09${rng.int(0, 9)}${String(rng.int(0, 9999999)).padStart(7, '0')}`;
}

export function randomEmail(rng: Rng): string {
  return `${randomText(rng, 6, 'abcdefghijklmnopqrstuvwxyz')}${rng.int(10, 99)}@gmail.com`;
}

/** The two appraisers, who take alternate clips. */
export const SAMPLE_APPRAISERS: readonly { name: string; email: string }[] = [
  { name: 'Võ Hữu Ngọc', email: `ngoc.vh@${ORG_DOMAIN}` },
  { name: 'La Thế Thanh Vy', email: `vy.ltt@${ORG_DOMAIN}` },
];

// Times used for every clip, worked out once (vn() is slow, and 10,000 clips call these often); the
// zone has no daylight saving, so adding minutes to a wall-clock instant is the later wall-clock time.
const MINUTE = 60_000;
const APPRAISAL_DAY = vn(2023, 6, 12, 14, 0).getTime();
const COUNTED_AT = vn(2023, 6, 19, 16, 30).getTime();
const VOTING_START = vn(2023, 6, 12).getTime();
const VOTING_END = vn(2023, 6, 19, 16, 0).getTime();
const EVE_OF_VOTING = vn(2023, 6, 11, 21, 0).getTime();

/** After "Đồng bộ bài dự thi" (12/06 13:00), which brings in the last clips: 12/06 14:00–22:59. */
export function appraisedAt(k: number): Date {
  return new Date(APPRAISAL_DAY + ((k % 9) * 60 + ((k * 7) % 60)) * MINUTE);
}

/** Fanpage post of a passed clip. */
export function randomPostLink(rng: Rng): string {
  return `https://www.facebook.com/quandoan11/posts/pfbid0${randomText(rng, 20, '0123456789')}`;
}

// Jury marks out of 100: a clip's quality plus each juror's leniency plus noise, in half points.
/** Leniency of the sample's five jurors, in marks. */
export const SAMPLE_LENIENCY: readonly number[] = [0, -3, 2, -1, 3];
/** Juror 3 (index 2) types marks as text with a decimal comma, as a Vietnamese keyboard does. */
export const COMMA_JUROR = 2;
const MARK_COMMENTS = ['Ý tưởng tốt', 'Hình ảnh đẹp, âm thanh rõ', 'Nội dung gần gũi', 'Cần chặt chẽ hơn', 'Truyền tải tốt thông điệp', ''];

export function randomQuality(rng: Rng): number {
  return rng.int(62, 93);
}

/** One juror's mark of a clip of `quality` (0–100, in half points) and comment ('' = none). */
export function juryMark(rng: Rng, quality: number, leniency: number, typesComma: boolean): Pick<SampleMark, 'mark' | 'comment'> {
  const raw = Math.max(0, Math.min(100, quality + leniency + rng.int(-3, 3) + (rng.next() < 0.3 ? 0.5 : 0)));
  const mark = typesComma && raw % 1 !== 0 ? String(raw).replace('.', ',') : raw;
  return { mark, comment: rng.pick(MARK_COMMENTS) };
}

/** Fanpage counts of a clip of `quality`, as read on 19/06 16:30. */
export function randomEngagement(rng: Rng, quality: number): Omit<SampleEngagement, 'title'> {
  return { reactions: Math.round(quality * 1.6 + rng.int(-40, 90)), shares: rng.int(4, 45), updatedAt: new Date(COUNTED_AT) };
}

/**
 * One clip's shares by `accounts`: 8–22 within the voting window (12/06 00:00 – 19/06 16:00), some
 * accounts sharing 3–5 times (only 2 count), then one before and one just after the window.
 */
export function randomShares(rng: Rng, title: string, accounts: string[]): SampleShare[] {
  const shares: SampleShare[] = [];
  const n = rng.int(8, 22);
  for (let e = 0; e < n; e++) {
    const account = rng.pick(accounts);
    const repeats = rng.next() < 0.2 ? rng.int(3, 5) : 1;
    for (let r = 0; r < repeats; r++) {
      const t = VOTING_START + Math.floor(rng.next() * ((VOTING_END - VOTING_START) / MINUTE)) * MINUTE;
      // Same account typed differently now and then: spacing and case do not make a new account.
      const typed = rng.next() < 0.15 ? `  ${account.toUpperCase()} ` : account;
      shares.push({ title, account: typed, time: new Date(t) });
    }
  }
  shares.push({ title, account: rng.pick(accounts), time: new Date(EVE_OF_VOTING + rng.int(0, 59) * MINUTE) });
  shares.push({ title, account: rng.pick(accounts), time: new Date(VOTING_END + MINUTE) });
  return shares;
}

/** One planned entry: who sends it and what it is meant to show. */
interface Plan {
  unit: string;
  story: string[];
  at?: Date;
  duplicateOf?: number;
  unticked?: string[];
  phone?: string;
  title?: string;
}

type Find = (code: string, nth?: number) => Plan;

/**
 * Who sends what, and what each entry is meant to show: every unit except Phường 9, Phường 14 and
 * Trung tâm Y tế sends one clip (27 units), 17 second (and third) clips, and one from the deleted unit.
 */
function planEntries(units: SampleUnit[]): { plans: Plan[]; find: Find } {
  const byCode = (code: string): string => units.find((u) => u.code === code)!.name;
  const plans: Plan[] = [];
  for (const u of units) {
    if (['P09', 'P14', 'TTYT'].includes(u.code)) continue;
    plans.push({ unit: u.name, story: [] });
  }
  for (const code of ['P01', 'P03', 'P05', 'P06', 'P10', 'P11', 'P15', 'UBND', 'NH', 'NH', 'NKKN', 'TQK', 'CA', 'BV', 'TTVH', 'CBT', 'GDDT']) {
    plans.push({ unit: byCode(code), story: ['đơn vị nộp nhiều bài'] });
  }
  // The unit deleted from the roster while the dropdown still offered it.
  plans.push({ unit: EXTRA_UNIT.name, story: ['đơn vị đã bị xóa khỏi danh sách (Không rõ đơn vị)'] });
  const find: Find = (code, nth = 0) => plans.filter((p) => p.unit === byCode(code))[nth];

  // Entries sent between the roster fix and the dropdown sync: old short names, and the deleted unit.
  find('NH', 1).at = vn(2023, 6, 2, 9, 40);
  find('UBND', 1).at = vn(2023, 6, 3, 14, 5);
  find('CA', 0).at = vn(2023, 6, 4, 20, 30);
  plans[plans.length - 1].at = vn(2023, 6, 3, 10, 12);

  // Disqualified clips: Phường 12's only clip (so it misses its quota), and five more.
  find('P12').unticked = ['TT2', 'TT3'];
  find('P10', 1).unticked = ['TT1'];
  find('CA', 1).unticked = ['TT7'];
  find('TTVH', 1).unticked = ['TT5'];
  find('NH', 2).unticked = ['TT4'];
  // Late entries (deadline 10/06/2023 23:59), and one sent in the last minute, which is on time.
  find('P15', 1).at = vn(2023, 6, 11, 0, 4);
  find('GDDT', 1).at = vn(2023, 6, 11, 8, 15);
  find('BHXH').at = vn(2023, 6, 12, 10, 30);
  find('CBT', 1).at = vn(2023, 6, 10, 23, 59);
  for (const p of [find('P15', 1), find('GDDT', 1), find('BHXH')]) p.story.push('nộp trễ');
  find('CBT', 1).story.push('nộp đúng phút cuối 23:59');
  // Phường 6 sends its first clip's link again under another title: flagged, then disqualified as not new.
  const p06 = plans.indexOf(find('P06', 1));
  find('P06', 1).duplicateOf = plans.indexOf(find('P06', 0));
  plans[p06].unticked = ['TT8', 'TT9'];
  plans[p06].story.push('trùng link video');
  // A phone number typed with the country code: must stay text, not become a formula.
  find('DCD').phone = '+84 903 456 789';
  return { plans, find };
}

/** Titles that belong to a particular unit; the rest are handed out in list order. */
function giveTitles(plans: Plan[], find: Find): void {
  const themed: [Plan, string][] = [
    [find('NH', 0), 'Thầy trò Nguyễn Hiền với chuyển đổi số'],
    [find('NH', 1), 'Từ sân trường đến cổng dịch vụ công'],
    [find('NKKN', 0), 'Học đường số, thanh niên số'],
    [find('TQK', 0), 'Trường học thông minh'],
    [find('GDDT', 0), 'Em đi học số'],
    [find('CA', 0), 'Chiến sĩ công an trẻ với định danh điện tử'],
    [find('BV', 0), 'Nụ cười nơi bệnh viện'],
    [find('BV', 1), 'Hồ sơ sức khỏe điện tử – chuyện nhỏ mà lớn'],
    [find('QS', 0), 'Người lính trẻ và chiếc điện thoại thông minh'],
    [find('TDTT', 0), 'Thể thao cộng đồng thời 4.0'],
    [find('TTVH', 0), 'Văn hóa số, con người số'],
    [find('CBT', 0), 'Thanh toán không tiền mặt ở Chợ Bình Thới'],
    [find('CBT', 1), 'Phố chợ văn minh'],
    [find('UBND', 0), 'Một ngày làm cán bộ một cửa'],
    [plans[plans.length - 1], 'Đầm Sen – tuổi trẻ và du lịch số'],
  ];
  for (const [p, title] of themed) p.title = title;
  const spare = SAMPLE_TITLES.filter((t) => !themed.some(([, used]) => used === t));
  for (const p of plans) if (!p.title) p.title = spare.shift();
}

/**
 * Times: on-time entries spread between 22/05 and 10/06; a repeated link after the entry it repeats;
 * until the dropdown is re-synced, the names the organizer first typed. Returns the plans' indexes in
 * the order they are sent.
 */
function timeEntries(rng: Rng, plans: Plan[], units: SampleUnit[]): number[] {
  const start = vn(2023, 5, 22, 7, 0).getTime();
  const end = vn(2023, 6, 10, 22, 0).getTime();
  for (const p of plans) {
    if (!p.at) p.at = new Date(start + Math.floor(rng.next() * ((end - start) / 60000)) * 60000);
  }
  for (const p of plans) {
    if (p.duplicateOf === undefined) continue;
    const original = plans[p.duplicateOf];
    if (original.at!.getTime() > p.at!.getTime()) [original.at, p.at] = [p.at, original.at];
  }
  for (const p of plans) {
    const u = units.find((x) => x.name === p.unit);
    if (u?.firstName && p.at!.getTime() < DROPDOWN_SYNCED_AT.getTime()) {
      p.unit = u.firstName;
      if (p.at!.getTime() >= ROSTER_FIXED_AT.getTime()) p.story.push('tên đơn vị cũ, khớp qua "Tên gọi khác"');
    }
  }
  return plans.map((_, i) => i).sort((a, b) => plans[a].at!.getTime() - plans[b].at!.getTime() || a - b);
}

/** The form answers, in the order they are sent; a repeated link is the very link of the entry it repeats. */
function submissionsOf(rng: Rng, plans: Plan[], order: number[]): SampleSubmission[] {
  const links = plans.map(() => randomVideoLink(rng));
  plans.forEach((p, i) => {
    if (p.duplicateOf !== undefined) links[i] = links[p.duplicateOf];
  });
  return order.map((i) => {
    const p = plans[i];
    const { entryType, authors, contactName } = randomAuthors(rng);
    return {
      at: p.at!,
      unit: p.unit,
      entryType,
      authors,
      title: p.title!,
      videoLink: links[i],
      length: randomLength(rng, p.unticked?.includes('TT1') ?? false),
      contactName,
      phone: p.phone ?? randomPhone(rng),
      email: randomEmail(rng),
      story: p.story,
    };
  });
}

/** Marks of every clip by every juror, and the Fanpage counts, both following each clip's quality. */
function juryAndEngagement(rng: Rng, submissions: SampleSubmission[]): { marks: SampleMark[]; engagement: SampleEngagement[] } {
  const quality = submissions.map(() => randomQuality(rng));
  // The deleted unit's clip is middling, so the demo's prizes go to roster units.
  const extraIndex = submissions.findIndex((x) => x.unit === EXTRA_UNIT.name);
  quality[extraIndex] = 66;
  const marks: SampleMark[] = [];
  submissions.forEach((s, k) => {
    SAMPLE_JURORS.forEach((j, ji) => {
      marks.push({ title: s.title, jurorCode: j.code, ...juryMark(rng, quality[k], SAMPLE_LENIENCY[ji], ji === COMMA_JUROR) });
    });
  });
  const engagement: SampleEngagement[] = submissions.map((s, k) => ({ title: s.title, ...randomEngagement(rng, quality[k]) }));
  // One viral clip goes well past the 300-point cap.
  engagement[7].reactions = 412;
  return { marks, engagement };
}

/**
 * Share log for eight clips: real accounts, some sharing 3–5 times (only 2 count), some outside the
 * voting window (12/06 00:00 – 19/06 16:00), one exactly at 16:00 (counts).
 */
function shareLogOf(rng: Rng, submissions: SampleSubmission[], appraisals: SampleAppraisal[]): SampleShare[] {
  const accounts = Array.from({ length: 36 }, () => personName(rng));
  const shareLog: SampleShare[] = [];
  const loggedClips = [1, 4, 7, 10, 15, 20, 26, 33].filter((k) => appraisals[k].unticked.length === 0);
  for (const k of loggedClips) shareLog.push(...randomShares(rng, submissions[k].title, accounts));
  shareLog.push({ title: submissions[loggedClips[0]].title, account: 'Trương Mỹ Lan Anh', time: vn(2023, 6, 19, 16, 0) });
  return shareLog.sort((a, b) => a.time.getTime() - b.time.getTime());
}

/**
 * Builds the sample contest. Same seed → same contest (the demo uses 11, for District 11).
 * 30 units; 45 entries from 27 of them plus one unknown unit; 3 units send nothing.
 */
export function buildSampleContest(seed = 11): SampleContest {
  const rng = createRng(seed);
  const units = sampleUnits();
  const { plans, find } = planEntries(units);
  giveTitles(plans, find);
  const order = timeEntries(rng, plans, units);
  const submissions = submissionsOf(rng, plans, order);
  const appraisers = SAMPLE_APPRAISERS.map((a) => ({ ...a }));
  const appraisals: SampleAppraisal[] = submissions.map((s, k) => {
    const unticked = plans[order[k]].unticked ?? [];
    return {
      title: s.title,
      unticked,
      appraiserEmail: appraisers[k % 2].email,
      at: appraisedAt(k),
      postLink: unticked.length === 0 ? randomPostLink(rng) : '',
    };
  });
  const { marks, engagement } = juryAndEngagement(rng, submissions);
  const shareLog = shareLogOf(rng, submissions, appraisals);

  // Two entries whose trigger does not fire (Google sometimes skips one): the sync adds them.
  // Picked among entries with no other story, so the sync's late rows do not blur another lesson.
  const plain = submissions.filter((x) => x.story.length === 0);
  const missedByTrigger = [plain[6].title, plain[18].title];
  for (const t of missedByTrigger) submissions.find((x) => x.title === t)!.story.push('trigger không chạy, "Đồng bộ bài dự thi" bổ sung');

  return {
    seed,
    extraUnit: EXTRA_UNIT,
    rosterFixedAt: ROSTER_FIXED_AT,
    dropdownSyncedAt: DROPDOWN_SYNCED_AT,
    missedByTrigger,
    organizerEmail: `bantochuc@${ORG_DOMAIN}`,
    appraisers,
    units,
    jurors: [...SAMPLE_JURORS],
    submissions,
    appraisals,
    marks,
    engagement,
    shareLog,
  };
}
