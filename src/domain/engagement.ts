// Engagement (tương tác): counted shares from the share log, engagement points and the engagement part.
import { floorToMinute, idKey } from './parse';
import type { Settings, ShareLogEntry } from './types';

/** Accounts are the same when equal after trimming and case-folding ("  Nguyen.An " = "nguyen.an"). */
function accountKey(account: string): string {
  return String(account ?? '')
    .normalize('NFC')
    .trim()
    .toLowerCase();
}

/**
 * True when a share at `time` is inside the voting window. Compared at minute precision and inclusive
 * at both ends: with the window ending 19/06/2023 16:00, a share at 16:00:59 still counts and one at
 * 16:01 does not (the plan says "đến 16g00", read as the whole 16:00 minute). An unknown time counts.
 */
export function inVotingWindow(time: Date | null, settings: Pick<Settings, 'votingStart' | 'votingEnd'>): boolean {
  if (time === null) return true;
  const m = floorToMinute(time.getTime());
  return m >= floorToMinute(settings.votingStart.getTime()) && m <= floorToMinute(settings.votingEnd.getTime());
}

/**
 * Shares that count for a clip. If the log has any entry for the clip, the entered count is ignored
 * and each account contributes min(its shares inside the window, cap). Entries with a blank account
 * cannot be capped and are not counted (the sheet layer reports them). Without log entries, the
 * entered count is used as is.
 * @example one account with 5 in-window shares and cap 2 → { shares: 2, fromLog: true }
 */
export function countedShares(
  clipId: string,
  entered: number,
  log: ShareLogEntry[],
  settings: Pick<Settings, 'votingStart' | 'votingEnd' | 'sharesCapPerAccount'>,
): { shares: number; fromLog: boolean } {
  const key = idKey(clipId);
  const entries = log.filter((e) => idKey(e.clipId) === key);
  if (entries.length === 0) return { shares: Math.max(0, entered), fromLog: false };
  const perAccount = new Map<string, number>();
  for (const e of entries) {
    const account = accountKey(e.account);
    if (account === '' || !inVotingWindow(e.time, settings)) continue;
    perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
  }
  let shares = 0;
  for (const n of perAccount.values()) shares += Math.min(n, settings.sharesCapPerAccount);
  return { shares, fromLog: true };
}

/**
 * Raw engagement points before the cap.
 * @example 41 shares × 2 + 150 reactions × 1 = 232
 */
export function engagementPoints(shares: number, reactions: number, settings: Pick<Settings, 'pointsPerShare' | 'pointsPerReaction'>): number {
  return Math.max(0, settings.pointsPerShare * shares + settings.pointsPerReaction * reactions);
}

/** Points after the cap. */
export function cappedPoints(points: number, settings: Pick<Settings, 'pointsCap'>): number {
  return Math.min(Math.max(0, points), settings.pointsCap);
}

/**
 * The engagement part of the total.
 * @example 60 × min(232, 300) / 300 = 46.4
 */
export function engagementPart(points: number, settings: Pick<Settings, 'pointsCap' | 'engagementWeight'>): number {
  return (settings.engagementWeight * cappedPoints(points, settings)) / settings.pointsCap;
}
