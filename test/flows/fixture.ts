// A sample contest in the emulator for flow tests: 25 units, 40 submissions, 5 jurors, engagement and a share log.
import { contextOf, createContestEmulator } from '../sample/emulator';
import { updateAppraisal } from '../../src/flows/appraisal';
import { buildAwardList } from '../../src/flows/awards';
import type { ActionContext } from '../../src/flows/context';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { escapeCell } from '../../src/sheets/table';

export const OWNER = 'btc@quandoan11.vn';
export const NOW = new Date('2023-06-20T09:00:00+07:00');

export type Emu = ReturnType<typeof createContestEmulator>;

/** Appraiser with edit access to the spreadsheet (but not to the organizers' sheets). */
export const APPRAISER = 'thamdinh@quandoan11.vn';

export function newEmulator(): Emu {
  // The spreadsheet is shared with the jurors and the appraiser, as in real use: new protections
  // start with them as editors, so setup has to take them off.
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, collaborators: [APPRAISER, ...JURORS.map((j) => j.email)] });
  emu.setNow(NOW);
  return emu;
}

/** The action context of one execution by `user`, built as main.ts builds it from Google's globals. */
export function flowContext(emu: Emu, user = OWNER): ActionContext {
  return contextOf(emu, { user, now: NOW });
}

export function sheet(emu: Emu, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = emu.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Values of a sheet as objects keyed by header (row 1). */
export function records(emu: Emu, name: string): Record<string, unknown>[] {
  const values = sheet(emu, name).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/** Appends rows of cells under the headers, placed by header text (strings stay text). */
export function appendByHeader(emu: Emu, name: string, rows: Record<string, unknown>[]): void {
  const s = sheet(emu, name);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const start = s.getLastRow() + 1;
  const block = rows.map((r) => headers.map((h) => escapeCell(r[h] ?? '')));
  s.getRange(start, 1, block.length, headers.length).setValues(block);
}

/** Sets cell (row, header) of a sheet. */
export function setCell(emu: Emu, name: string, row: number, header: string, value: unknown): void {
  const s = sheet(emu, name);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const col = headers.indexOf(header);
  if (col < 0) throw new Error(`no header ${header} in ${name}`);
  s.getRange(row, col + 1).setValue(value);
}

/** Sheet row (1-based) whose `header` cell equals `value`. */
export function rowOf(emu: Emu, name: string, header: string, value: string): number {
  const values = sheet(emu, name).getDataRange().getValues();
  const col = values[0].map(String).indexOf(header);
  const i = values.findIndex((r, k) => k > 0 && String(r[col]) === value);
  if (i < 0) throw new Error(`no ${value} in ${name}.${header}`);
  return i + 1;
}

/** Types `value` into "Giá trị" of the setting labelled `label`, as the organizer would. */
export function setSetting(emu: Emu, label: string, value: unknown): void {
  setCell(emu, 'Cấu hình', rowOf(emu, 'Cấu hình', 'Thiết lập', label), 'Giá trị', value);
}

// ---- The sample contest -------------------------------------------------------------------------

export const UNIT_COUNT = 25;
export const unitName = (n: number): string => `Đoàn phường ${n}`;
export const clipId = (i: number): string => `HT-${String(i).padStart(3, '0')}`;
/** Clip i belongs to unit ((i − 1) mod 25) + 1: units 1–15 send two clips, 16–25 one. */
export const unitOfClip = (i: number): number => ((i - 1) % UNIT_COUNT) + 1;

export const JURORS = [
  { code: 'GK1', name: 'Nguyễn Văn An', email: 'an@bgk.vn', unit: '' },
  { code: 'GK2', name: 'Trần Thị Bình', email: 'binh@bgk.vn', unit: '' },
  { code: 'GK3', name: 'Lê Văn Cường', email: 'cuong@bgk.vn', unit: '' },
  { code: 'GK4', name: 'Phạm Thị Dung', email: 'dung@bgk.vn', unit: '' },
  // GK5 belongs to unit 3 (typed without diacritics): conflict of interest on HT-003 and HT-028.
  { code: 'GK5', name: 'Hoàng Văn Em', email: 'em@bgk.vn', unit: 'doan phuong 3' },
];

/** Clips failing appraisal (TT4 "Âm thanh" left unticked). */
export const FAILING = [5, 18, 33];
/** GK2 leaves this clip blank: it stays unscored. */
export const MISSING_MARK = { clip: 40, juror: 'GK2' };

/** Every juror's mark of clip i is 50 + i, with the exceptions below. */
export function markOf(i: number, jurorCode: string): number | '' {
  if (i === MISSING_MARK.clip && jurorCode === MISSING_MARK.juror) return '';
  if (i === 3) return ({ GK1: 80, GK2: 90, GK3: 70, GK4: 80 } as Record<string, number>)[jurorCode] ?? 99;
  if (i === 37) return 88; // ties HT-038 exactly (same jury part, same submission time)
  return 50 + i;
}

/** Submission time: 01/06/2023 08:00 + i minutes; HT-037 and HT-038 share 08:38. */
export function submittedAt(i: number): string {
  const minute = i === 37 ? 38 : i;
  return `01/06/2023 ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Entered engagement (Tương tác); clips not listed have none. */
export const ENGAGEMENT: Record<number, { reactions: number; shares: number }> = {
  1: { reactions: 150, shares: 41 },
  2: { reactions: 400, shares: 0 },
  3: { reactions: 200, shares: 10 },
  5: { reactions: 900, shares: 0 }, // failed appraisal: never scored
  10: { reactions: 100, shares: 100 }, // shares ignored: HT-010 has share-log entries
  27: { reactions: 250, shares: 40 },
  40: { reactions: 300, shares: 0 }, // incomplete marks: never scored
};

/** Share log of HT-010: over-cap accounts, an account spelled two ways, and shares outside the window. */
export const SHARE_LOG: [string, string, string][] = [
  ['HT-010', 'fan.a@fb', '13/06/2023 10:00'],
  ['HT-010', 'fan.a@fb', '13/06/2023 10:01'],
  ['HT-010', 'fan.a@fb', '13/06/2023 10:02'],
  ['HT-010', 'fan.a@fb', '13/06/2023 10:03'],
  ['HT-010', 'fan.a@fb', '13/06/2023 10:04'],
  ['HT-010', '  FAN.A@fb ', '14/06/2023 09:00'],
  ['HT-010', 'fan.b', '15/06/2023 09:00'],
  ['HT-010', 'fan.b', '19/06/2023 16:01'],
  ['HT-010', 'fan.c', '19/06/2023 16:00'],
  ['HT-010', 'fan.d', '11/06/2023 23:59'],
];

export function seedRoster(emu: Emu): void {
  appendByHeader(
    emu,
    'Đơn vị',
    Array.from({ length: UNIT_COUNT }, (_, k) => ({
      'Mã đơn vị': `P${k + 1}`,
      'Tên đơn vị': unitName(k + 1),
      'Tên gọi khác': `P${k + 1}; Phường ${k + 1}`,
      Email: `p${k + 1}@doan.vn`,
    })),
  );
  appendByHeader(
    emu,
    'Ban giám khảo',
    JURORS.map((j) => ({ Mã: j.code, 'Họ tên': j.name, Email: j.email, 'Đơn vị': j.unit })),
  );
}

export function seedSubmissions(emu: Emu, count = 40): void {
  appendByHeader(
    emu,
    'Bài dự thi',
    Array.from({ length: count }, (_, k) => {
      const i = k + 1;
      const u = unitOfClip(i);
      // Units typed as people do: without diacritics, or by alias.
      const typed = i === 2 ? 'doan phuong 2' : i === 27 ? 'P2' : unitName(u);
      return {
        'Mã bài': clipId(i),
        'Thời gian nộp': submittedAt(i),
        'Đơn vị': typed,
        'Hình thức': i % 2 ? 'Cá nhân' : 'Tập thể',
        'Tác giả': `Tác giả ${i}`,
        'Tên tác phẩm': `Clip số ${i}`,
        'Link video': `https://drive.google.com/file/d/clip${i}`,
        'Thời lượng': '4:00',
        'Người liên hệ': `Liên hệ ${i}`,
        'Điện thoại': '0901234567',
        Email: `lh${i}@doan.vn`,
        'Cảnh báo': '',
        'Trạng thái': 'Chờ thẩm định',
      };
    }),
  );
}

/** Appraisers tick every criterion, except TT4 on the failing clips. */
export function tickAppraisal(emu: Emu): void {
  const s = sheet(emu, 'Thẩm định');
  const values = s.getDataRange().getValues();
  const headers = values[0].map(String);
  const first = headers.indexOf('TT1');
  const last = headers.indexOf('TT10');
  const block = values.slice(1).map((r) => {
    const i = Number(String(r[headers.indexOf('Mã bài')]).slice(3));
    return headers.slice(first, last + 1).map((h) => !(FAILING.includes(i) && h === 'TT4'));
  });
  s.getRange(2, first + 1, block.length, last - first + 1).setValues(block);
}

/** A juror, signed in as themself, types `value` as their mark of clip `id`. */
export function mark(emu: Emu, jurorCode: string, id: string, value: unknown): void {
  const j = JURORS.find((x) => x.code === jurorCode)!;
  const tab = `BGK - ${j.name}`;
  emu.setUser(j.email);
  setCell(emu, tab, rowOf(emu, tab, 'Mã bài', id), 'Điểm', value);
  emu.setUser(OWNER);
}

/** Each juror, signed in as themself, types marks into their own tab (one block per juror). */
export function enterMarks(emu: Emu): void {
  for (const j of JURORS) {
    emu.setUser(j.email);
    const s = sheet(emu, `BGK - ${j.name}`);
    const values = s.getDataRange().getValues();
    const headers = values[0].map(String);
    const idCol = headers.indexOf('Mã bài');
    const markCol = headers.indexOf('Điểm');
    const totalCol = headers.indexOf('Tổng');
    const marks = values.slice(1).map((r) => {
      const i = Number(String(r[idCol]).slice(3));
      // Conflict rows are left blank, as the tab tells the juror.
      return [r[totalCol] === 'Không chấm (cùng đơn vị)' ? '' : markOf(i, j.code)];
    });
    s.getRange(2, markCol + 1, marks.length, 1).setValues(marks);
  }
  emu.setUser(OWNER);
}

export function enterEngagement(emu: Emu): void {
  const s = sheet(emu, 'Tương tác');
  const values = s.getDataRange().getValues();
  const headers = values[0].map(String);
  const idCol = headers.indexOf('Mã bài');
  const rCol = headers.indexOf('Lượt cảm xúc');
  const block = values.slice(1).map((r) => {
    const e = ENGAGEMENT[Number(String(r[idCol]).slice(3))];
    return e ? [e.reactions, e.shares] : [0, 0];
  });
  s.getRange(2, rCol + 1, block.length, 2).setValues(block);
  appendByHeader(
    emu,
    'Nhật ký chia sẻ',
    SHARE_LOG.map(([id, account, time]) => ({ 'Mã bài': id, 'Tài khoản': account, 'Thời gian': time })),
  );
}

/** Runs the sample contest up to "Tính điểm" and "Lập danh sách khen thưởng". */
export function runSampleContest(emu: Emu) {
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  seedSubmissions(emu);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  const appraisal = updateAppraisal(ctx);
  const jury = prepareJuryTabs(ctx);
  enterMarks(emu);
  enterEngagement(emu);
  const scores = computeScores(ctx);
  const awards = buildAwardList(ctx);
  return { ctx, appraisal, jury, scores, awards };
}
