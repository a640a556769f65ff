// Tests for counted shares (share log, window, per-account cap), engagement points and the engagement part.
import { countedShares, engagementPart, engagementPoints, inVotingWindow } from '../../src/domain/engagement';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ShareLogEntry } from '../../src/domain/types';
import { vn } from './fixtures';

const S = DEFAULT_SETTINGS;
const share = (account: string, isoLocal: string | null, clipId = 'HT-001'): ShareLogEntry => ({
  clipId,
  account,
  time: isoLocal === null ? null : vn(isoLocal),
});

describe('engagement points and part', () => {
  it('41 counted shares + 150 reactions → 232 points → 46.40', () => {
    // 2 × 41 + 1 × 150 = 82 + 150 = 232; 60 × 232 / 300 = 46.4
    expect(engagementPoints(41, 150, S)).toBe(232);
    expect(engagementPart(232, S)).toBeCloseTo(46.4, 10);
  });
  it('points above the cap count as the cap', () => {
    // 2 × 100 + 250 = 450 > 300 → 60 × 300 / 300 = 60
    expect(engagementPoints(100, 250, S)).toBe(450);
    expect(engagementPart(450, S)).toBe(60);
    expect(engagementPart(0, S)).toBe(0);
  });
});

describe('countedShares', () => {
  it('one account with 5 shares counts 2', () => {
    const log = [1, 2, 3, 4, 5].map((i) => share('nguyen.an', `2023-06-13T0${i}:00:00`));
    expect(countedShares('HT-001', 99, log, S)).toEqual({ shares: 2, fromLog: true });
  });
  it('accounts are compared trimmed and case-folded; the cap applies per account', () => {
    const log = [
      share('Nguyen.An', '2023-06-13T08:00:00'),
      share('  nguyen.an ', '2023-06-13T09:00:00'),
      share('NGUYEN.AN', '2023-06-13T10:00:00'),
      share('tran.binh', '2023-06-13T10:00:00'),
    ];
    // nguyen.an: min(3, 2) = 2; tran.binh: min(1, 2) = 1 → 3
    expect(countedShares('HT-001', 0, log, S).shares).toBe(3);
  });
  it('the voting window includes its start and its end minute: 16:00 counts, 16:01 does not', () => {
    expect(countedShares('HT-001', 0, [share('a', '2023-06-19T16:00:00')], S).shares).toBe(1);
    expect(countedShares('HT-001', 0, [share('a', '2023-06-19T16:00:59')], S).shares).toBe(1);
    expect(countedShares('HT-001', 0, [share('a', '2023-06-19T16:01:00')], S).shares).toBe(0);
    expect(countedShares('HT-001', 0, [share('a', '2023-06-12T00:00:00')], S).shares).toBe(1);
    expect(countedShares('HT-001', 0, [share('a', '2023-06-11T23:59:59')], S).shares).toBe(0);
    expect(inVotingWindow(null, S)).toBe(true);
  });
  it('with log entries the entered count is ignored, even if none fall in the window', () => {
    expect(countedShares('HT-001', 50, [share('a', '2023-06-25T10:00:00')], S)).toEqual({ shares: 0, fromLog: true });
  });
  it('without log entries for the clip the entered count is used', () => {
    expect(countedShares('HT-001', 41, [share('a', '2023-06-13T10:00:00', 'HT-002')], S)).toEqual({ shares: 41, fromLog: false });
  });
  it('shares with unknown time count; blank accounts cannot be capped and do not count', () => {
    const log = [share('a', null), share('', '2023-06-13T10:00:00'), share('   ', null)];
    expect(countedShares('HT-001', 0, log, S).shares).toBe(1);
  });
  it('clip IDs match trimmed and case-insensitively', () => {
    expect(countedShares('HT-001', 7, [share('a', '2023-06-13T10:00:00', ' ht-001 ')], S)).toEqual({ shares: 1, fromLog: true });
  });
});
