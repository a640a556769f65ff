// The one sample contest: the demo's 45 entries stay as they are, and the scaled contest (bench, scale tests) is the same contest at any size.
import { updateAppraisal } from '../../src/flows/appraisal';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { juryTabName } from '../../src/sheets/juryTab';
import { SAMPLE_JURORS, SAMPLE_TITLES, buildSampleContest, sampleUnits } from './contest';
import { contextOf, createContestEmulator } from './emulator';
import { scaleSampleContest } from './scaledContest';
import { clipIdOf, writeAppraisal, writeEngagement, writeMarks, writeRoster, writeSubmissions } from './seedWorkbook';
import { readRecords } from './workbook';

/** A mark as the juror typed it, as a number ("87,5" → 87.5). */
const markValue = (mark: number | string): number => (typeof mark === 'number' ? mark : Number(mark.replace(',', '.')));

describe('the demo contest, buildSampleContest(11)', () => {
  const sample = buildSampleContest(11);

  test('keeps its 45 entries, first and last titles, marks and share log', () => {
    expect(sample.submissions).toHaveLength(45);
    expect(sample.submissions[0].title).toBe('Một chạm, vạn tiện ích');
    expect(sample.submissions[44].title).toBe('Tuổi trẻ Quận 11 – năng động, sáng tạo');
    expect(sample.submissions[0].at).toEqual(new Date('2023-05-23T02:29:00.000Z'));
    expect(sample.marks).toHaveLength(225);
    expect(sample.marks[0]).toEqual({ title: 'Một chạm, vạn tiện ích', jurorCode: 'GK1', mark: 92, comment: 'Ý tưởng tốt' });
    expect(sample.appraisals.filter((a) => a.unticked.length > 0)).toHaveLength(6);
    expect(sample.shareLog).toHaveLength(211);
    expect(sample.engagement[7]).toMatchObject({ title: 'Trường học thông minh', reactions: 412, shares: 43 });
  });

  test('is the same on every call (building a scaled contest in between changes nothing)', () => {
    scaleSampleContest({ entries: 500, jurors: 10, seed: 11 });
    expect(buildSampleContest(11)).toEqual(sample);
  });
});

describe('the sample contest scaled to 500 entries and 10 jurors', () => {
  const contest = scaleSampleContest({ entries: 500, jurors: 10, seed: 11 });

  test('same seed → same contest; another seed → another', () => {
    expect(scaleSampleContest({ entries: 500, jurors: 10, seed: 11 })).toEqual(contest);
    expect(scaleSampleContest({ entries: 500, jurors: 10, seed: 12 }).submissions[0]).not.toEqual(contest.submissions[0]);
  });

  test("entries come from the sample's roster units only, under their official names, on time and in time order", () => {
    expect(contest.units).toEqual(sampleUnits());
    const names = new Set(sampleUnits().map((u) => u.name));
    expect(contest.submissions).toHaveLength(500);
    expect(contest.submissions.every((s) => names.has(s.unit))).toBe(true);
    // Most of the 30 units send something at this size.
    expect(new Set(contest.submissions.map((s) => s.unit)).size).toBeGreaterThan(25);
    const times = contest.submissions.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(new Date('2023-06-10T23:59:00+07:00').getTime());
  });

  test("titles come from the sample's pool, each once, numbered when the pool comes round again", () => {
    const titles = contest.submissions.map((s) => s.title);
    expect(new Set(titles).size).toBe(500);
    expect(titles.slice(0, SAMPLE_TITLES.length)).toEqual(SAMPLE_TITLES);
    expect(titles[SAMPLE_TITLES.length]).toBe(`${SAMPLE_TITLES[0]} (2)`);
    expect(new Set(contest.submissions.map((s) => s.videoLink)).size).toBe(500);
  });

  test("the sample's five jurors first, then five more in their style; every juror marks every clip in [0, 100]", () => {
    expect(contest.jurors.slice(0, 5)).toEqual(SAMPLE_JURORS);
    expect(contest.jurors.map((j) => j.code)).toEqual(['GK1', 'GK2', 'GK3', 'GK4', 'GK5', 'GK6', 'GK7', 'GK8', 'GK9', 'GK10']);
    expect(new Set(contest.jurors.map((j) => juryTabName(j))).size).toBe(10);
    expect(new Set(contest.jurors.map((j) => j.email)).size).toBe(10);
    for (const j of contest.jurors.slice(5)) expect(j.email).toMatch(/^[a-z]+\.[a-z]+@quandoan11\.example$/);
    expect(contest.marks).toHaveLength(500 * 10);
    for (const j of contest.jurors) {
      const marks = contest.marks.filter((m) => m.jurorCode === j.code).map((m) => markValue(m.mark));
      expect(marks).toHaveLength(500);
      expect(marks.every((m) => m >= 0 && m <= 100)).toBe(true);
    }
    // GK3 types half marks with a decimal comma, as in the sample.
    expect(contest.marks.some((m) => m.jurorCode === 'GK3' && typeof m.mark === 'string' && m.mark.includes(','))).toBe(true);
  });

  test('a few clips fail appraisal; passed clips have a post, and some a share log', () => {
    const failing = contest.appraisals.filter((a) => a.unticked.length > 0);
    expect(failing.length).toBeGreaterThan(10);
    expect(failing.length).toBeLessThan(100);
    expect(contest.appraisals.every((a) => (a.unticked.length === 0) === (a.postLink !== ''))).toBe(true);
    const logged = new Set(contest.shareLog.map((s) => s.title));
    expect(logged.size).toBeGreaterThan(20);
    expect(failing.some((a) => logged.has(a.title))).toBe(false);
    expect(contest.engagement).toHaveLength(500);
  });

  test('twenty jurors keep the same entries', () => {
    const twenty = scaleSampleContest({ entries: 500, jurors: 20, seed: 11 });
    expect(twenty.submissions).toEqual(contest.submissions);
    expect(twenty.jurors.slice(0, 10)).toEqual(contest.jurors);
    expect(new Set(twenty.jurors.map((j) => j.name)).size).toBe(20);
  });
});

test('the seeding writer puts a scaled contest into the workbook: every passed clip gets marked and scored', () => {
  const contest = scaleSampleContest({ entries: 50, jurors: 10, seed: 5 });
  const emu = createContestEmulator({ owner: contest.organizerEmail, user: contest.organizerEmail });
  emu.setNow(new Date('2023-06-20T09:00:00+07:00'));
  const ctx = contextOf(emu);
  setupContest(ctx);
  writeRoster(emu, contest);
  writeSubmissions(emu, contest);
  updateAppraisal(ctx);
  writeAppraisal(emu, contest);
  updateAppraisal(ctx);
  prepareJuryTabs(ctx);
  writeMarks(emu, contest);
  writeEngagement(emu, contest);

  const passed = contest.appraisals.filter((a) => a.unticked.length === 0).length;
  const submissions = readRecords(emu.spreadsheet.getSheetByName('Bài dự thi')!).rows;
  expect(submissions.map((r) => r.values['Mã bài'])).toEqual(contest.submissions.map((_, k) => clipIdOf(k)));
  const tab = readRecords(emu.spreadsheet.getSheetByName(juryTabName(contest.jurors[0]))!).rows;
  expect(tab).toHaveLength(passed);
  expect(tab.every((r) => typeof r.values['Điểm'] === 'number')).toBe(true);
  expect(readRecords(emu.spreadsheet.getSheetByName('Nhật ký chia sẻ')!).rows).toHaveLength(contest.shareLog.length);
  expect(computeScores(ctx).lines[0]).toBe(`Đã tính điểm ${passed}/50 bài; kết quả ở trang "Kết quả".`);
});
