// Awards: prize tiers, their validation, and the award list built from scored results.
import { normalizeName } from './parse';
import { compareClips, compareIds } from './ranking';
import type { Award, AwardList, ClipResult, PrizeTier, Problem, Settings } from './types';

export const PRIZE_SHEET = 'Cơ cấu giải';
export const TIE_NOTE = 'Đồng điểm – BTC quyết định';

/** District 11 prize structure. */
export const DEFAULT_PRIZE_TIERS: PrizeTier[] = [
  { name: 'Giải Nhất', count: 1, reward: 'Hiện kim + Giấy khen Quận Đoàn' },
  { name: 'Giải Nhì', count: 1, reward: 'Hiện kim + Giấy khen Quận Đoàn' },
  { name: 'Giải Ba', count: 1, reward: 'Hiện kim + Giấy khen Quận Đoàn' },
  { name: 'Giải Khuyến khích', count: 3, reward: 'Giấy khen Quận Đoàn' },
];

/** Each tier needs a name (unique) and a whole, non-negative count. */
export function validatePrizeTiers(tiers: PrizeTier[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  if (tiers.length === 0) {
    problems.push({ code: 'prize.none', message: `Trang "${PRIZE_SHEET}" chưa có giải nào.`, sheet: PRIZE_SHEET });
  }
  tiers.forEach((t, i) => {
    const label = t.name && t.name.trim() ? `"${t.name.trim()}"` : `thứ ${i + 1}`;
    if (!t.name || t.name.trim() === '') {
      problems.push({ code: 'prize.name', message: `Trang "${PRIZE_SHEET}": giải thứ ${i + 1} chưa có tên.`, sheet: PRIZE_SHEET, column: 'Giải' });
    } else if (seen.has(normalizeName(t.name))) {
      problems.push({ code: 'prize.duplicate', message: `Trang "${PRIZE_SHEET}": giải ${label} bị lặp.`, sheet: PRIZE_SHEET, column: 'Giải' });
    } else {
      seen.add(normalizeName(t.name));
    }
    if (!Number.isInteger(t.count) || t.count < 0) {
      problems.push({
        code: 'prize.count',
        message: `Trang "${PRIZE_SHEET}": số lượng của giải ${label} phải là số nguyên không âm (đang là ${String(t.count)}).`,
        sheet: PRIZE_SHEET,
        column: 'Số lượng',
      });
    }
  });
  return problems;
}

/** Stable order inside a genuine tie (compareClips = 0): by unit name, then clip ID — display only, never a tie-break. */
function displayOrder(a: ClipResult, b: ClipResult): number {
  const u = normalizeName(a.unit) < normalizeName(b.unit) ? -1 : normalizeName(a.unit) > normalizeName(b.unit) ? 1 : 0;
  return u !== 0 ? u : compareIds(a.clipId, b.clipId);
}

/** Each unit's best scored clip (its unit score), by the same order as ranking. */
export function bestClipPerUnit(results: ClipResult[]): ClipResult[] {
  const best = new Map<string, ClipResult>();
  for (const r of results) {
    if (!r.scored || r.total === null) continue;
    const key = normalizeName(r.unit);
    const cur = best.get(key);
    if (!cur || compareClips(r, cur) < 0 || (compareClips(r, cur) === 0 && compareIds(r.clipId, cur.clipId) < 0)) {
      best.set(key, r);
    }
  }
  return [...best.values()];
}

/**
 * The award list. Only clips whose unit is in the roster (`unitKnown`) compete. Candidates are each
 * unit's best clip when one prize per unit is set, otherwise every scored clip; they are ordered by total, then jury part, then earlier submission. Prize slots
 * are the tiers' counts laid end to end (Nhất, Nhì, Ba, KK, KK, KK) and filled in that order.
 *
 * Ties that the tie-breaks cannot separate (compareClips = 0):
 * - if all tied candidates fit inside one tier, each gets that prize and nothing is flagged;
 * - if they straddle a tier boundary or run past the last slot, every tied candidate is listed under
 *   the prize of the first slot they reach, with `tied: true` and the note
 *   "Đồng điểm – BTC quyết định: A, B"; they use up as many slots as there are of them (or as are left),
 *   and the following prizes continue after them. Example: A and B tie for first → both rows say
 *   "Giải Nhất" (tied), the next unit gets "Giải Ba", the organizers decide who of A and B is Nhì.
 *   So a tier never has more untied winners than its count; only a flagged tie can list more names.
 * Slots left when candidates run out are reported in `unawarded`.
 */
export function buildAwards(
  results: ClipResult[],
  tiers: PrizeTier[],
  settings: Pick<Settings, 'onePrizePerUnit'>,
): AwardList {
  // A unit missing from the roster cannot be rewarded (SPEC reports units by the roster's name): its
  // clips keep their rank in "Kết quả" but wait for the organizer to fix the unit before they compete.
  const eligible = results.filter((r) => r.unitKnown);
  const candidates = (settings.onePrizePerUnit ? bestClipPerUnit(eligible) : eligible.filter((r) => r.scored && r.total !== null))
    .slice()
    .sort((a, b) => compareClips(a, b) || displayOrder(a, b));

  const slots: PrizeTier[] = [];
  for (const t of tiers) {
    const n = Number.isFinite(t.count) ? Math.max(0, Math.floor(t.count)) : 0;
    for (let k = 0; k < n; k++) slots.push(t);
  }

  const awards: Award[] = [];
  let slot = 0;
  let i = 0;
  while (i < candidates.length && slot < slots.length) {
    let j = i + 1;
    while (j < candidates.length && compareClips(candidates[i], candidates[j]) === 0) j++;
    const group = candidates.slice(i, j);
    const lastSlot = slot + group.length - 1;
    const straddles = lastSlot >= slots.length || slots[lastSlot] !== slots[slot];
    const names = group.map((r) => (settings.onePrizePerUnit ? r.unit : `${r.unit} (${r.clipId})`));
    group.forEach((r, k) => {
      const tier = straddles ? slots[slot] : slots[slot + k];
      awards.push({
        prize: tier.name,
        reward: tier.reward,
        unit: r.unit,
        clipId: r.clipId,
        title: r.title,
        authors: r.authors,
        total: r.total!,
        note: straddles ? `${TIE_NOTE}: ${names.join(', ')}` : '',
        tied: straddles,
      });
    });
    slot = Math.min(slots.length, slot + group.length);
    i = j;
  }

  const unawarded: { prize: string; count: number }[] = [];
  for (let s = slot; s < slots.length; s++) {
    const last = unawarded[unawarded.length - 1];
    if (last && last.prize === slots[s].name) last.count++;
    else unawarded.push({ prize: slots[s].name, count: 1 });
  }
  return { awards, unawarded };
}
