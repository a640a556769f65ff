// The forty-clip scenario of the flow tests: 25 units, 40 clips, 5 jurors, with numbers chosen to be worked out by hand.
//
// Not the sample contest (test/sample/contest.ts): ~40 test files assert on these exact figures —
// every juror's mark of clip i is 50 + i, clips 5, 18 and 33 fail appraisal, HT-037 and HT-038 tie,
// HT-010 has a share log… — so the data stays as it is. It is written into the workbook by the
// sample's seeding writer (test/sample/seedWorkbook.ts), like the sample contest.
import type { SeedContest } from '../sample/seedWorkbook';

export const UNIT_COUNT = 25;
export const unitName = (n: number): string => `Đoàn phường ${n}`;
export const clipId = (i: number): string => `HT-${String(i).padStart(3, '0')}`;
/** Clip i belongs to unit ((i − 1) mod 25) + 1: units 1–15 send two clips, 16–25 one. */
export const unitOfClip = (i: number): number => ((i - 1) % UNIT_COUNT) + 1;
/** Clip i's title. */
export const clipTitle = (i: number): string => `Clip số ${i}`;
export const CLIP_COUNT = 40;

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

const clips = Array.from({ length: CLIP_COUNT }, (_, k) => k + 1);

/** The scenario as the seeding writer takes it; times and typed values are text, as people typed them. */
export const FORTY_CLIPS: SeedContest = {
  units: Array.from({ length: UNIT_COUNT }, (_, k) => ({
    code: `P${k + 1}`,
    name: unitName(k + 1),
    aliases: [`P${k + 1}`, `Phường ${k + 1}`],
    email: `p${k + 1}@doan.vn`,
  })),
  jurors: JURORS,
  submissions: clips.map((i) => ({
    at: submittedAt(i),
    // Units typed as people do: without diacritics, or by alias.
    unit: i === 2 ? 'doan phuong 2' : i === 27 ? 'P2' : unitName(unitOfClip(i)),
    entryType: i % 2 ? 'Cá nhân' : 'Tập thể',
    authors: `Tác giả ${i}`,
    title: clipTitle(i),
    videoLink: `https://drive.google.com/file/d/clip${i}`,
    length: '4:00',
    contactName: `Liên hệ ${i}`,
    phone: '0901234567',
    email: `lh${i}@doan.vn`,
  })),
  appraisals: FAILING.map((i) => ({ title: clipTitle(i), unticked: ['TT4'] })),
  marks: clips.flatMap((i) => JURORS.map((j) => ({ title: clipTitle(i), jurorCode: j.code, mark: markOf(i, j.code) })).filter((m) => m.mark !== '')),
  engagement: clips.map((i) => ({ title: clipTitle(i), ...(ENGAGEMENT[i] ?? { reactions: 0, shares: 0 }) })),
  shareLog: SHARE_LOG.map(([id, account, time]) => ({ title: clipTitle(Number(id.slice(3))), account, time })),
};
