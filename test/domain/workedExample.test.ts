// A whole small contest (8 units, 12 clips, 3 jurors, a share log) whose results and award list are worked out by hand.
import { runContest } from '../../src/domain/contest';
import { buildAwards, DEFAULT_PRIZE_TIERS } from '../../src/domain/awards';
import type { ContestInput, Juror, ShareLogEntry } from '../../src/domain/types';
import { contest, passed, submission, unit, vn } from './fixtures';

const units = [
  unit('P1', 'Đoàn Phường 1'),
  unit('P2', 'Đoàn Phường 2'),
  unit('P3', 'Đoàn Phường 3'),
  unit('P4', 'Đoàn Phường 4'),
  unit('P5', 'Đoàn Phường 5'),
  unit('P6', 'Đoàn Phường 6'),
  unit('P7', 'Đoàn Phường 7'),
  unit('BV', 'Chi đoàn Bệnh viện Quận 11', ['BV Q11']),
];
const jurors: Juror[] = [
  { code: 'GK1', name: 'Nguyễn Văn An', email: 'an@example.com', unit: '' },
  { code: 'GK2', name: 'Trần Thị Bình', email: 'binh@example.com', unit: '' },
  { code: 'GK3', name: 'Lê Văn Cường', email: 'cuong@example.com', unit: 'Đoàn Phường 3' },
];
const m = (clipId: string, a: number | null, b: number | null, c: number | null) => [
  { clipId, jurorCode: 'GK1', marks: [a] },
  { clipId, jurorCode: 'GK2', marks: [b] },
  { clipId, jurorCode: 'GK3', marks: [c] },
];
const log = (clipId: string, account: string, at: string | null): ShareLogEntry => ({
  clipId,
  account,
  time: at === null ? null : vn(at),
});

export function workedExample(): ContestInput {
  return contest({
    units,
    jurors,
    submissions: [
      submission('HT-001', 'Đoàn Phường 1', vn('2023-06-01T09:00:00')),
      submission('HT-002', 'Đoàn Phường 1', vn('2023-06-02T09:00:00')),
      submission('HT-003', 'doan phuong 2', vn('2023-06-03T09:00:00')),
      submission('HT-004', 'Đoàn Phường 3', vn('2023-06-04T09:00:00')),
      submission('HT-005', 'Đoàn Phường 4', vn('2023-06-05T09:00:00')),
      submission('HT-006', 'Đoàn Phường 4', vn('2023-06-05T10:00:00')),
      submission('HT-007', 'Đoàn Phường 5', vn('2023-06-06T09:00:00')),
      submission('HT-008', 'Đoàn Phường 6', vn('2023-06-11T08:00:00')), // after 10/06 23:59
      submission('HT-009', 'ĐOÀN PHƯỜNG 7', vn('2023-06-01T08:00:00')),
      submission('HT-010', 'bv q11', vn('2023-06-07T09:00:00')),
      submission('HT-011', 'Đoàn Phường 2', vn('2023-06-08T09:00:00')),
      submission('HT-012', 'Đoàn Phường 7', vn('2023-06-09T09:00:00')),
    ],
    appraisals: [
      ...['HT-001', 'HT-002', 'HT-003', 'HT-004', 'HT-005', 'HT-007', 'HT-008', 'HT-009', 'HT-010', 'HT-011', 'HT-012'].map(passed),
      { clipId: 'HT-006', ticks: { ...passed('HT-006').ticks, TT3: false } },
    ],
    juryMarks: [
      ...m('HT-001', 80, 90, 70),
      ...m('HT-002', 60, 60, 60),
      ...m('HT-003', 90, 85, 95),
      ...m('HT-004', 70, 80, 100), // GK3 is from Đoàn Phường 3: his 100 is not counted
      ...m('HT-005', 70, 70, 70),
      ...m('HT-006', 95, 95, 95),
      ...m('HT-007', 85, 75, 80),
      ...m('HT-008', 90, 90, 90),
      ...m('HT-009', 75, 75, 75),
      ...m('HT-010', 65, 55, 60),
      ...m('HT-011', 50, 50, 50),
      ...m('HT-012', 100, null, 100), // GK2 has not marked yet
    ],
    engagement: [
      { clipId: 'HT-001', reactions: 150, shares: 41 },
      { clipId: 'HT-002', reactions: 300, shares: 0 },
      { clipId: 'HT-003', reactions: 194, shares: 500 }, // 500 ignored: the log has entries
      { clipId: 'HT-004', reactions: 100, shares: 48 },
      { clipId: 'HT-005', reactions: 120, shares: 0 },
      { clipId: 'HT-007', reactions: 200, shares: 0 },
      { clipId: 'HT-009', reactions: 200, shares: 5 },
      { clipId: 'HT-010', reactions: 100, shares: 0 },
      { clipId: 'HT-011', reactions: 30, shares: 0 },
    ],
    shareLog: [
      // HT-003: account a shares 5 times → counts 2
      ...[1, 2, 3, 4, 5].map((h) => log('HT-003', 'a', `2023-06-13T0${h}:00:00`)),
      log('HT-003', 'b', '2023-06-19T16:00:00'), // last minute of the window → 1
      log('HT-003', 'c', '2023-06-19T16:01:00'), // after the window → 0
      log('HT-003', 'd', '2023-06-11T23:59:00'), // before the window → 0
      log('HT-003', 'd', '2023-06-11T23:30:00'),
      // HT-010: "x" and "X " are one account (3 shares → 2); y with unknown time counts 1
      log('HT-010', 'x', '2023-06-14T10:00:00'),
      log('HT-010', 'X ', '2023-06-14T11:00:00'),
      log('HT-010', 'x', '2023-06-15T10:00:00'),
      log('HT-010', 'y', null),
    ],
  });
}

/*
 Hand computation (jury part = 40 × mean / 100; engagement part = 60 × min(points, 300) / 300):
 clip    unit  marks counted      mean  jury | shares  reactions points  eng  | total  status
 HT-001  P1    80 90 70           80    32.0 | 41      150      232      46.4 | 78.4
 HT-002  P1    60 60 60           60    24.0 | 0       300      300      60.0 | 84.0
 HT-003  P2    90 85 95           90    36.0 | log 3   194      200      40.0 | 76.0   (a:2, b:1, c:0, d:0)
 HT-004  P3    70 80 (GK3 out)    75    30.0 | 48      100      196      39.2 | 69.2
 HT-005  P4    70 70 70           70    28.0 | 0       120      120      24.0 | 52.0
 HT-006  P4    —                                                               | not scored: fails TT3
 HT-007  P5    85 75 80           80    32.0 | 0       200      200      40.0 | 72.0
 HT-008  P6    —                                                               | not scored: late
 HT-009  P7    75 75 75           75    30.0 | 5       200      210      42.0 | 72.0
 HT-010  BV    65 55 60           60    24.0 | log 3   100      106      21.2 | 45.2   (x:2, y:1)
 HT-011  P2    50 50 50           50    20.0 | 0       30       30        6.0 | 26.0
 HT-012  P7    100 _ 100                                                       | not scored: GK2 missing
 Ranks by the tie-break chain: 84 (1), 78.4 (2), 76 (3), 72 jury 32 (4), 72 jury 30 (5), 69.2 (6), 52 (7),
 45.2 (8), 26 (9).
 Unit scores (best clip): P1 84, P2 76, P5 72 (jury 32), P7 72 (jury 30), P3 69.2, P4 52, BV 45.2; P6 none.
 Awards (one per unit): Nhất P1 (HT-002), Nhì P2 (HT-003), Ba P5 (HT-007, wins the 72 tie on jury part 32 > 30),
 Khuyến khích P7 (HT-009), P3 (HT-004), P4 (HT-005). BV (45.2) gets nothing; nothing unawarded.
*/
describe('worked example: 8 units, 12 clips, 3 jurors', () => {
  const out = runContest(workedExample());
  const r = (id: string) => out.results.find((x) => x.clipId === id)!;

  it('has no rule problems', () => {
    expect(out.problems).toEqual([]);
  });

  it('computes every clip as worked out by hand', () => {
    const table = out.results.map((x) => [x.clipId, x.total === null ? null : Math.round(x.total * 100) / 100, x.rank]);
    expect(table).toEqual([
      ['HT-002', 84, 1],
      ['HT-001', 78.4, 2],
      ['HT-003', 76, 3],
      ['HT-007', 72, 4],
      ['HT-009', 72, 5], // same total as HT-007, lower jury part (30 < 32): ranked below, not level
      ['HT-004', 69.2, 6],
      ['HT-005', 52, 7],
      ['HT-010', 45.2, 8],
      ['HT-011', 26, 9],
      ['HT-006', null, null],
      ['HT-008', null, null],
      ['HT-012', null, null],
    ]);
    expect(r('HT-003')).toMatchObject({ countedShares: 3, sharesFromLog: true, engagementPoints: 200, juryAggregate: 90 });
    expect(r('HT-010')).toMatchObject({ countedShares: 3, sharesFromLog: true, engagementPoints: 106, unit: 'Chi đoàn Bệnh viện Quận 11' });
    expect(r('HT-004')).toMatchObject({ juryAggregate: 75, juryExpected: 2, juryMarkCount: 2 });
    expect(r('HT-006').unscoredReasons).toEqual(['appraisalFailed']);
    expect(r('HT-008').unscoredReasons).toEqual(['late']);
    expect(r('HT-012').unscoredReasons).toEqual(['juryIncomplete']);
    expect(r('HT-012').note).toContain('Trần Thị Bình (GK2)');
  });

  it('builds the award list worked out by hand', () => {
    expect(out.awards.awards.map((a) => [a.prize, a.unit, a.clipId, Math.round(a.total * 100) / 100, a.tied])).toEqual([
      ['Giải Nhất', 'Đoàn Phường 1', 'HT-002', 84, false],
      ['Giải Nhì', 'Đoàn Phường 2', 'HT-003', 76, false],
      ['Giải Ba', 'Đoàn Phường 5', 'HT-007', 72, false],
      ['Giải Khuyến khích', 'Đoàn Phường 7', 'HT-009', 72, false],
      ['Giải Khuyến khích', 'Đoàn Phường 3', 'HT-004', 69.2, false],
      ['Giải Khuyến khích', 'Đoàn Phường 4', 'HT-005', 52, false],
    ]);
    expect(out.awards.unawarded).toEqual([]);
  });

  it('without one prize per unit, Đoàn Phường 1’s second clip takes Nhì', () => {
    // clip order: HT-002 84, HT-001 78.4, HT-003 76, HT-007 72 (jury 32), HT-009 72 (jury 30), HT-004 69.2
    const l = buildAwards(out.results, DEFAULT_PRIZE_TIERS, { onePrizePerUnit: false });
    expect(l.awards.map((a) => [a.prize, a.clipId])).toEqual([
      ['Giải Nhất', 'HT-002'],
      ['Giải Nhì', 'HT-001'],
      ['Giải Ba', 'HT-003'],
      ['Giải Khuyến khích', 'HT-007'],
      ['Giải Khuyến khích', 'HT-009'],
      ['Giải Khuyến khích', 'HT-004'],
    ]);
  });

  it('reports participation for all 8 units', () => {
    expect(out.participation.map((p) => [p.unit, p.submitted, p.passed, p.disqualified, p.quotaMet])).toEqual([
      ['Đoàn Phường 1', 2, 2, 0, true],
      ['Đoàn Phường 2', 2, 2, 0, true],
      ['Đoàn Phường 3', 1, 1, 0, true],
      ['Đoàn Phường 4', 2, 1, 1, true], // HT-006 failed appraisal
      ['Đoàn Phường 5', 1, 1, 0, true],
      ['Đoàn Phường 6', 1, 0, 1, false], // its only clip was late
      ['Đoàn Phường 7', 2, 2, 0, true], // HT-012 passed appraisal; missing marks do not disqualify
      ['Chi đoàn Bệnh viện Quận 11', 1, 1, 0, true],
    ]);
  });
});
