// Awards: prize tiers, their validation, and the award list built from scored results.
import { formatScoreVi, idKey, normalizeName } from './parse';
import { compareClips, compareIds, toScoreUnits } from './ranking';
import type { Award, AwardList, ClipResult, PrizeTier, Problem, Settings, TieBreakNote } from './types';

export const PRIZE_SHEET = 'Cơ cấu giải';
const TIE_NOTE = 'Đồng điểm – BTC quyết định';

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
    problems.push({ code: 'prize.none', severity: 'stops-action', message: `Trang "${PRIZE_SHEET}" chưa có giải nào.`, sheet: PRIZE_SHEET });
  }
  tiers.forEach((t, i) => {
    const label = t.name && t.name.trim() ? `"${t.name.trim()}"` : `thứ ${i + 1}`;
    if (!t.name || t.name.trim() === '') {
      problems.push({
        code: 'prize.name',
        severity: 'stops-action',
        message: `Trang "${PRIZE_SHEET}": giải thứ ${i + 1} chưa có tên.`,
        sheet: PRIZE_SHEET,
        column: 'Giải',
      });
    } else if (seen.has(normalizeName(t.name))) {
      problems.push({
        code: 'prize.duplicate',
        severity: 'stops-action',
        message: `Trang "${PRIZE_SHEET}": giải ${label} bị lặp.`,
        sheet: PRIZE_SHEET,
        column: 'Giải',
      });
    } else {
      seen.add(normalizeName(t.name));
    }
    if (!Number.isInteger(t.count) || t.count < 0) {
      problems.push({
        code: 'prize.count',
        severity: 'stops-action',
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
function bestClipPerUnit(results: ClipResult[]): ClipResult[] {
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
 *
 * Candidates with the same total whose prizes differ (or one wins and the other does not) were
 * separated by a tie-break; each gets a note naming the others and why it is above or below them
 * (tieBreakNotes), on its award row and in `tieBreaks` for "Kết quả".
 */
export function buildAwards(results: ClipResult[], tiers: PrizeTier[], settings: Pick<Settings, 'onePrizePerUnit'>): AwardList {
  // A unit missing from the roster cannot be rewarded (units are reported by the roster's name: README "Rules as implemented"): its
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
  // Prize name per candidate index (null: no prize), for the tie-break notes.
  const prizeOf: (string | null)[] = candidates.map(() => null);
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
      prizeOf[i + k] = tier.name;
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

  // Candidates are awarded in order, one row each, so awards[k] is candidates[k].
  const notes = tieBreakNotes(candidates, prizeOf);
  awards.forEach((a, k) => {
    if (notes[k]) a.note = a.note ? `${a.note}. ${notes[k]}` : notes[k];
  });

  const unawarded: { prize: string; count: number }[] = [];
  for (let s = slot; s < slots.length; s++) {
    const last = unawarded[unawarded.length - 1];
    if (last && last.prize === slots[s].name) last.count++;
    else unawarded.push({ prize: slots[s].name, count: 1 });
  }
  const tieBreaks: TieBreakNote[] = [];
  notes.forEach((note, k) => {
    if (note) tieBreaks.push({ clipId: candidates[k].clipId, unit: candidates[k].unit, note });
  });
  return { awards, unawarded, tieBreaks };
}

/** Clips named in one tie-break note before "và N bài khác". */
const TIE_BREAK_NAMES = 5;

type TieBreakReason = 'juryPart' | 'submittedAt' | 'unknownTime';

/** Why `above` came before `below` when their totals are equal (compareClips ≠ 0). */
function tieBreakReason(above: ClipResult, below: ClipResult): TieBreakReason {
  if (toScoreUnits(above.juryPart ?? Number.NEGATIVE_INFINITY) !== toScoreUnits(below.juryPart ?? Number.NEGATIVE_INFINITY)) return 'juryPart';
  return below.submittedAt ? 'submittedAt' : 'unknownTime';
}

const ABOVE_BECAUSE: Record<TieBreakReason, string> = {
  juryPart: 'xếp trên vì điểm BGK cao hơn',
  submittedAt: 'xếp trên vì nộp sớm hơn',
  unknownTime: 'xếp trên vì bài kia chưa rõ thời gian nộp',
};
const BELOW_BECAUSE: Record<TieBreakReason, string> = {
  juryPart: 'xếp dưới vì điểm BGK thấp hơn',
  submittedAt: 'xếp dưới vì nộp muộn hơn',
  unknownTime: 'xếp dưới vì chưa rõ thời gian nộp',
};

/**
 * Notes for candidates (in award order) whose prize a tie-break decided: for each pair with equal
 * totals (compared in ten-thousandths, as ranking does) but different outcomes, both get a phrase:
 * "Bằng 66,80 điểm với HT-001 (Đoàn phường 1); xếp trên vì điểm BGK cao hơn", and the other
 * "…; xếp dưới vì điểm BGK thấp hơn". Pairs with the same prize were not decided by the tie-break and
 * get nothing; genuine ties (compareClips = 0) keep their "Đồng điểm – BTC quyết định" note only.
 * One entry per candidate, '' when none.
 */
function tieBreakNotes(candidates: ClipResult[], prizeOf: (string | null)[]): string[] {
  // Per candidate: phrase ("xếp trên vì …") → names of the other clips, in candidate order.
  const phrases = candidates.map(() => new Map<string, string[]>());
  const name = (r: ClipResult) => `${r.clipId} (${r.unit})`;
  let i = 0;
  while (i < candidates.length) {
    let j = i + 1;
    const total = toScoreUnits(candidates[i].total ?? 0);
    while (j < candidates.length && toScoreUnits(candidates[j].total ?? 0) === total) j++;
    // Prizes go out in candidate order, so once `a` has none, neither has any later `b`: the loop
    // runs over winners only (a handful), never over all pairs of a large group of equal totals.
    for (let a = i; a < j && prizeOf[a] !== null; a++) {
      for (let b = a + 1; b < j; b++) {
        if (prizeOf[a] === prizeOf[b] || compareClips(candidates[a], candidates[b]) === 0) continue;
        const reason = tieBreakReason(candidates[a], candidates[b]);
        const add = (k: number, phrase: string, other: ClipResult) => {
          const list = phrases[k].get(phrase) ?? [];
          list.push(name(other));
          phrases[k].set(phrase, list);
        };
        add(a, ABOVE_BECAUSE[reason], candidates[b]);
        add(b, BELOW_BECAUSE[reason], candidates[a]);
      }
    }
    i = j;
  }
  // A winner above hundreds of equal totals names the first few: a cell note must stay readable.
  const list = (names: string[]) =>
    names.length <= TIE_BREAK_NAMES ? names.join(', ') : `${names.slice(0, TIE_BREAK_NAMES).join(', ')} và ${names.length - TIE_BREAK_NAMES} bài khác`;
  return candidates.map((r, k) => {
    const total = formatScoreVi(r.total ?? 0);
    return [...phrases[k].entries()].map(([phrase, others]) => `Bằng ${total} điểm với ${list(others)}; ${phrase}`).join('. ');
  });
}

/**
 * `results` with each tie-break note of `list` appended to its clip's "Kết quả" note (clips are
 * matched by ID and unit), so the clip that lost a prize on the tie-break says why too.
 */
export function withTieBreakNotes(results: ClipResult[], list: AwardList): ClipResult[] {
  if (list.tieBreaks.length === 0) return results;
  const byKey = new Map(list.tieBreaks.map((t) => [`${idKey(t.clipId)}\u0000${normalizeName(t.unit)}`, t.note]));
  return results.map((r) => {
    const extra = byKey.get(`${idKey(r.clipId)}\u0000${normalizeName(r.unit)}`);
    if (!extra) return r;
    const base = r.note.replace(/\.$/, '');
    return { ...r, note: `${base ? `${base}. ` : ''}${extra}.` };
  });
}
