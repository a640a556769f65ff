// Property-based tests (fast-check) for invariants of scoring and awards over random small contests.
import fc from 'fast-check';
import { buildAwards, DEFAULT_PRIZE_TIERS } from '../../src/domain/awards';
import { runContest } from '../../src/domain/contest';
import { normalizeName } from '../../src/domain/parse';
import { computeResults } from '../../src/domain/scoring';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ClipResult, ContestInput, PrizeTier } from '../../src/domain/types';
import { contest, passed, submission, unit } from './fixtures';

const DAY = 86400000;
// Few distinct values on purpose, so equal totals, equal jury parts and equal times (real ties) happen often.
// 'same' = the clip's base mark: most jurors agree, so equal jury parts are common.
const markArb = fc.oneof(
  { arbitrary: fc.constant('same' as const), weight: 6 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 2 },
);
const timeArb = fc.constantFrom(
  DEFAULT_SETTINGS.submissionDeadline.getTime() - 5 * DAY,
  DEFAULT_SETTINGS.submissionDeadline.getTime() - DAY,
  DEFAULT_SETTINGS.submissionDeadline.getTime() + 30000, // same minute: on time
  DEFAULT_SETTINGS.submissionDeadline.getTime() + DAY, // late
);

type LogRow = { account: string; offsetMin: number };
// Most clips have no share log (entered counts are used); some have a few entries around the window.
const logArb: fc.Arbitrary<LogRow[]> = fc.oneof(
  { arbitrary: fc.constant<LogRow[]>([]), weight: 3 },
  {
    arbitrary: fc.array(fc.record({ account: fc.constantFrom('a', 'A ', 'b', 'c'), offsetMin: fc.integer({ min: -60, max: 11000 }) }), { maxLength: 6 }),
    weight: 1,
  },
);

const contestArb: fc.Arbitrary<ContestInput> = fc
  .record({
    unitCount: fc.integer({ min: 1, max: 7 }),
    jurorUnits: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 1, maxLength: 3 }),
    clips: fc.array(
      fc.record({
        unit: fc.integer({ min: 0, max: 6 }),
        // About one clip in six comes from a unit missing from the roster (scored, ranked, never awarded).
        outsider: fc.constantFrom(false, false, false, false, false, true),
        time: timeArb,
        appraisal: fc.constantFrom('passed', 'passed', 'passed', 'failed', 'pending'),
        baseMark: fc.constantFrom(0, 60, 80, 100),
        marks: fc.array(markArb, { minLength: 3, maxLength: 3 }),
        reactions: fc.oneof({ arbitrary: fc.constantFrom(0, 100, 300), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 1 }),
        shares: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 1 }),
        log: logArb,
      }),
      { maxLength: 12 },
    ),
    juryWeight: fc.integer({ min: 0, max: 100 }),
    aggregation: fc.constantFrom('mean' as const, 'trimmedMean' as const, 'median' as const),
    partial: fc.boolean(),
    late: fc.boolean(),
    onePrize: fc.boolean(),
  })
  .map((g) => {
    const units = Array.from({ length: g.unitCount }, (_, i) => unit(`U${i}`, `Đoàn ${i}`));
    const unitName = (i: number) => `Đoàn ${i % g.unitCount}`;
    const jurors = g.jurorUnits.map((u, i) => ({ code: `GK${i}`, name: `GK ${i}`, email: '', unit: u === null ? '' : unitName(u) }));
    const ids = g.clips.map((_, i) => `HT-${String(i + 1).padStart(3, '0')}`);
    return contest({
      settingsPatch: {
        juryWeight: g.juryWeight,
        engagementWeight: 100 - g.juryWeight,
        juryAggregation: g.aggregation,
        allowPartialJuryMarks: g.partial,
        acceptLateEntries: g.late,
        onePrizePerUnit: g.onePrize,
      },
      units,
      jurors,
      submissions: g.clips.map((c, i) => submission(ids[i], c.outsider ? `Đội ngoài ${c.unit}` : unitName(c.unit), new Date(c.time))),
      appraisals: g.clips.flatMap((c, i) =>
        c.appraisal === 'pending' ? [] : [c.appraisal === 'passed' ? passed(ids[i]) : { clipId: ids[i], ticks: { TT1: true } }],
      ),
      juryMarks: g.clips.flatMap((c, i) =>
        jurors.map((j, k) => ({ clipId: ids[i], jurorCode: j.code, marks: [c.marks[k] === 'same' ? c.baseMark : c.marks[k]] })),
      ),
      engagement: g.clips.map((c, i) => ({ clipId: ids[i], reactions: c.reactions, shares: c.shares })),
      shareLog: g.clips.flatMap((c, i) =>
        c.log.map((e) => ({ clipId: ids[i], account: e.account, time: new Date(DEFAULT_SETTINGS.votingStart.getTime() + e.offsetMin * 60000) })),
      ),
    });
  });

/** Deterministic shuffle so a failing case can be replayed from fast-check's seed. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const tiersArb: fc.Arbitrary<PrizeTier[]> = fc.oneof(
  fc.constant(DEFAULT_PRIZE_TIERS),
  fc
    .array(fc.record({ name: fc.constantFrom('Nhất', 'Nhì', 'Ba', 'KK'), count: fc.integer({ min: 0, max: 3 }), reward: fc.constant('') }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((ts) => ts.map((t, i) => ({ ...t, name: `${t.name} ${i}` }))),
);

/** Scored results drawn from very few totals, jury parts and times, so genuine ties straddling prize boundaries are common. */
const tieHeavyResultsArb: fc.Arbitrary<ClipResult[]> = fc
  .array(
    fc.record({
      unit: fc.integer({ min: 0, max: 6 }),
      total: fc.constantFrom(50, 70, 70.3, 0.1 + 0.2 + 70, 90),
      juryPart: fc.constantFrom(20, 30),
      day: fc.constantFrom(1, 2),
      scored: fc.boolean(),
      unitKnown: fc.constantFrom(true, true, true, false),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      clipId: `HT-${i + 1}`,
      unit: `Đoàn ${r.unit}`,
      unitKnown: r.unitKnown,
      title: '',
      authors: '',
      submittedAt: new Date(Date.UTC(2023, 5, r.day)),
      juryAggregate: r.juryPart * 2.5,
      juryPart: r.juryPart,
      engagementPoints: 0,
      countedPoints: 0,
      engagementPart: r.total - r.juryPart,
      total: r.scored ? r.total : null,
      rank: null,
      scored: r.scored,
      reachedEngagement: r.scored,
      unscoredReasons: [],
      note: '',
    })),
  );

/** Awards invariants, shared by the random-contest and the tie-heavy properties. */
function checkAwardInvariants(results: ClipResult[], tiers: PrizeTier[], onePrizePerUnit: boolean): boolean {
  const list = buildAwards(results, tiers, { onePrizePerUnit });
  const slots = tiers.reduce((n, t) => n + t.count, 0);
  for (const t of tiers) {
    const untied = list.awards.filter((a) => a.prize === t.name && !a.tied).length;
    expect(untied).toBeLessThanOrEqual(t.count);
  }
  // Every flagged group has ≥ 2 members, all listed under one prize and all named in the note.
  const groups = new Map<string, { prize: string; unit: string }[]>();
  for (const a of list.awards.filter((x) => x.tied)) {
    expect(a.note.startsWith('Đồng điểm – BTC quyết định: ')).toBe(true);
    groups.set(a.note, [...(groups.get(a.note) ?? []), { prize: a.prize, unit: a.unit }]);
  }
  for (const [note, members] of groups) {
    expect(members.length).toBeGreaterThanOrEqual(2);
    expect(new Set(members.map((m) => m.prize)).size).toBe(1);
    for (const m of members) expect(note).toContain(m.unit);
  }
  // Untied rows + unawarded never exceed the slots; without flagged ties they fill them exactly.
  const unawarded = list.unawarded.reduce((n, u) => n + u.count, 0);
  const untiedRows = list.awards.filter((a) => !a.tied).length;
  expect(untiedRows + unawarded).toBeLessThanOrEqual(slots);
  if (groups.size === 0) expect(untiedRows + unawarded).toBe(slots);
  if (onePrizePerUnit) {
    const winners = list.awards.map((a) => normalizeName(a.unit));
    expect(new Set(winners).size).toBe(winners.length);
  }
  // Clips of units missing from the roster never win, and their presence changes nobody else's prize.
  const outsiders = new Set(results.filter((r) => !r.unitKnown).map((r) => r.clipId));
  expect(list.awards.filter((a) => outsiders.has(a.clipId))).toEqual([]);
  expect(list).toEqual(
    buildAwards(
      results.filter((r) => r.unitKnown),
      tiers,
      { onePrizePerUnit },
    ),
  );
  return groups.size > 0;
}

describe('properties', () => {
  it('every total is within [0, 100]; parts within their weights', () => {
    fc.assert(
      fc.property(contestArb, (input) => {
        for (const r of computeResults(input)) {
          if (r.total === null) continue;
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100 + 1e-9);
          expect(r.juryPart!).toBeLessThanOrEqual(input.settings.juryWeight + 1e-9);
          expect(r.engagementPart).toBeLessThanOrEqual(input.settings.engagementWeight + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('more reactions never lower a clip’s rank (nor unscore it)', () => {
    fc.assert(
      fc.property(contestArb, fc.nat(), fc.integer({ min: 1, max: 500 }), (input, pick, extra) => {
        if (input.submissions.length === 0) return;
        const id = input.submissions[pick % input.submissions.length].id;
        const before = computeResults(input).find((r) => r.clipId === id)!;
        const more = {
          ...input,
          engagement: input.engagement.map((e) => (e.clipId === id ? { ...e, reactions: e.reactions + extra } : e)),
        };
        const after = computeResults(more).find((r) => r.clipId === id)!;
        expect(after.scored).toBe(before.scored);
        if (before.rank !== null) expect(after.rank!).toBeLessThanOrEqual(before.rank);
      }),
      { numRuns: 300 },
    );
  });

  it('no tier gets more untied winners than its count; extra names appear only in a flagged tie (random contests)', () => {
    fc.assert(
      fc.property(contestArb, tiersArb, (input, tiers) => {
        checkAwardInvariants(computeResults(input), tiers, input.settings.onePrizePerUnit);
      }),
      { numRuns: 300 },
    );
  });

  it('the same award invariants hold when genuine ties are frequent', () => {
    let flagged = 0;
    fc.assert(
      fc.property(tieHeavyResultsArb, tiersArb, fc.boolean(), (results, tiers, one) => {
        if (checkAwardInvariants(results, tiers, one)) flagged++;
      }),
      { numRuns: 500 },
    );
    // the generator is only useful if it really produces flagged ties
    expect(flagged).toBeGreaterThan(20);
  });

  it('no unit wins twice when one prize per unit is set', () => {
    fc.assert(
      fc.property(fc.oneof(contestArb.map(computeResults), tieHeavyResultsArb), tiersArb, (results, tiers) => {
        const list = buildAwards(results, tiers, { onePrizePerUnit: true });
        const winners = list.awards.map((a) => normalizeName(a.unit));
        expect(new Set(winners).size).toBe(winners.length);
      }),
      { numRuns: 300 },
    );
  });

  it('results, awards and participation do not depend on input row order', () => {
    fc.assert(
      fc.property(contestArb, fc.integer(), (input, seed) => {
        const shuffled: ContestInput = {
          ...input,
          submissions: shuffle(input.submissions, seed),
          appraisals: shuffle(input.appraisals, seed + 1),
          juryMarks: shuffle(input.juryMarks, seed + 2),
          engagement: shuffle(input.engagement, seed + 3),
          shareLog: shuffle(input.shareLog, seed + 4),
        };
        // appraisals (submission order) and markTotals (mark-row order) follow their input by design;
        // everything decided from them does not.
        const decided = ({ results, awards, participation, problems, jurorProgress }: ReturnType<typeof runContest>) => ({
          results,
          awards,
          participation,
          problems,
          jurorProgress,
        });
        expect(decided(runContest(shuffled))).toEqual(decided(runContest(input)));
      }),
      { numRuns: 300 },
    );
  });
});
