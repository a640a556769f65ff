// Tests for prize tiers and the award list: unit scores, one prize per unit, tie-breaks, flagged ties, unawarded prizes.
import { DEFAULT_PRIZE_TIERS, buildAwards, validatePrizeTiers, withTieBreakNotes } from '../../src/domain/awards';
import type { ClipResult } from '../../src/domain/types';
import { vn } from './fixtures';

/** A scored result with the given total and jury part; submitted on day `day` of June 2023; unit in the roster unless `unitKnown` is false. */
const res = (clipId: string, unit: string, total: number | null, juryPart = 20, day = 5, unitKnown = true): ClipResult => ({
  clipId,
  unit,
  unitKnown,
  title: `Clip ${clipId}`,
  authors: 'Tác giả',
  submittedAt: vn(`2023-06-0${day}T10:00:00`),
  juryAggregate: juryPart * 2.5,
  juryPart,
  engagementPoints: 0,
  countedPoints: 0,
  engagementPart: total === null ? 0 : total - juryPart,
  total,
  rank: null,
  scored: total !== null,
  reachedEngagement: total !== null,
  unscoredReasons: total === null ? ['appraisalFailed'] : [],
  note: '',
});
const one = { onePrizePerUnit: true };
const rows = (l: ReturnType<typeof buildAwards>) => l.awards.map((a) => [a.prize, a.unit, a.tied]);

describe('validatePrizeTiers', () => {
  it('defaults are valid: Nhất 1, Nhì 1, Ba 1, Khuyến khích 3', () => {
    expect(DEFAULT_PRIZE_TIERS.map((t) => [t.name, t.count])).toEqual([
      ['Giải Nhất', 1],
      ['Giải Nhì', 1],
      ['Giải Ba', 1],
      ['Giải Khuyến khích', 3],
    ]);
    expect(validatePrizeTiers(DEFAULT_PRIZE_TIERS)).toEqual([]);
  });
  it('counts must be whole non-negative numbers; names present and unique', () => {
    const p = validatePrizeTiers([
      { name: 'Giải Nhất', count: 1.5, reward: '' },
      { name: '', count: 1, reward: '' },
      { name: 'giai nhat', count: 1, reward: '' },
      { name: 'Giải Ba', count: -1, reward: '' },
    ]);
    expect(p.map((x) => x.code)).toEqual(['prize.count', 'prize.name', 'prize.duplicate', 'prize.count']);
    expect(p[0].message).toContain('"Giải Nhất"');
    expect(p[0].message).toContain('1.5');
  });
});

describe('buildAwards', () => {
  it('walks the tiers in order, highest unit score first', () => {
    const results = [res('1', 'A', 90), res('2', 'B', 80), res('3', 'C', 70), res('4', 'D', 60), res('5', 'E', 50), res('6', 'F', 40), res('7', 'G', 30)];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, one);
    expect(rows(l)).toEqual([
      ['Giải Nhất', 'A', false],
      ['Giải Nhì', 'B', false],
      ['Giải Ba', 'C', false],
      ['Giải Khuyến khích', 'D', false],
      ['Giải Khuyến khích', 'E', false],
      ['Giải Khuyến khích', 'F', false],
    ]);
    expect(l.awards[0]).toMatchObject({ reward: 'Hiện kim + Giấy khen Quận Đoàn', clipId: '1', total: 90, note: '' });
    expect(l.unawarded).toEqual([]);
  });

  it('a unit’s score is its best clip; one prize per unit', () => {
    // A has 90 and 85: A wins Nhất with clip 1, and its 85 does not take Nhì from B (80)
    const results = [res('1', 'A', 90), res('2', 'A', 85), res('3', 'B', 80), res('4', 'C', 10)];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, one);
    expect(rows(l)).toEqual([
      ['Giải Nhất', 'A', false],
      ['Giải Nhì', 'B', false],
      ['Giải Ba', 'C', false],
    ]);
    // 3 KK slots left with no unit → reported
    expect(l.unawarded).toEqual([{ prize: 'Giải Khuyến khích', count: 3 }]);
  });

  it('without one-prize-per-unit, clips compete and a unit may win twice', () => {
    const results = [res('1', 'A', 90), res('2', 'A', 85), res('3', 'B', 80)];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, { onePrizePerUnit: false });
    // clips by total: A 90 → Nhất, A 85 → Nhì (A's second prize), B 80 → Ba; with the setting on, B would take Nhì (see above)
    expect(l.awards.map((a) => [a.prize, a.clipId])).toEqual([
      ['Giải Nhất', '1'],
      ['Giải Nhì', '2'],
      ['Giải Ba', '3'],
    ]);
  });

  it('unscored clips never win', () => {
    const l = buildAwards([res('1', 'A', null), res('2', 'B', 10)], DEFAULT_PRIZE_TIERS, one);
    expect(rows(l)).toEqual([['Giải Nhất', 'B', false]]);
    expect(l.unawarded).toEqual([
      { prize: 'Giải Nhì', count: 1 },
      { prize: 'Giải Ba', count: 1 },
      { prize: 'Giải Khuyến khích', count: 3 },
    ]);
  });

  it('equal totals break on the higher jury part, then the earlier submission', () => {
    // A and B both 80: B's jury part 35 > A's 30 → B first. C and D both 70 with jury 30: D submitted on the 2nd, C on the 6th
    const results = [res('1', 'A', 80, 30), res('2', 'B', 80, 35), res('3', 'C', 70, 30, 6), res('4', 'D', 70, 30, 2)];
    expect(rows(buildAwards(results, DEFAULT_PRIZE_TIERS, one))).toEqual([
      ['Giải Nhất', 'B', false],
      ['Giải Nhì', 'A', false],
      ['Giải Ba', 'D', false],
      ['Giải Khuyến khích', 'C', false],
    ]);
  });

  it('a tie left after the tie-breaks that straddles a boundary is flagged, all tied units listed, prizes continue after them', () => {
    // A and B: 80, jury 30, same day → true tie for Nhất/Nhì; C gets Ba (Nhì is used by the tie)
    const results = [res('1', 'A', 80, 30), res('2', 'B', 80, 30), res('3', 'C', 70)];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, one);
    expect(rows(l)).toEqual([
      ['Giải Nhất', 'A', true],
      ['Giải Nhất', 'B', true],
      ['Giải Ba', 'C', false],
    ]);
    expect(l.awards[0].note).toBe('Đồng điểm – BTC quyết định: A, B');
    expect(l.awards[1].note).toBe('Đồng điểm – BTC quyết định: A, B');
    expect(l.awards[2].note).toBe('');
    expect(l.unawarded).toEqual([{ prize: 'Giải Khuyến khích', count: 3 }]);
  });

  it('a tie inside one tier needs no decision; a tie for the last slot does', () => {
    const results = [
      res('1', 'A', 90),
      res('2', 'B', 80),
      res('3', 'C', 70),
      res('4', 'D', 60, 20),
      res('5', 'E', 60, 20), // both fit in the 3 KK slots
      res('6', 'F', 50, 20),
      res('7', 'G', 50, 20), // tie for the last KK slot
    ];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, one);
    expect(rows(l).slice(3)).toEqual([
      ['Giải Khuyến khích', 'D', false],
      ['Giải Khuyến khích', 'E', false],
      ['Giải Khuyến khích', 'F', true],
      ['Giải Khuyến khích', 'G', true],
    ]);
    expect(l.awards[5].note).toBe('Đồng điểm – BTC quyết định: F, G');
    expect(l.unawarded).toEqual([]);
  });

  it('a clip whose unit is not in the roster never wins, and the prizes go to the next units', () => {
    // X (not in the roster) has the best total, 95, but is skipped: A 90 → Nhất, B 80 → Nhì, C 70 → Ba,
    // D 60, E 50, F 40 → KK; G 30 gets nothing. Without X's exclusion X would be Nhất and F would drop out.
    const results = [
      res('9', 'X', 95, 20, 5, false),
      res('1', 'A', 90),
      res('2', 'B', 80),
      res('3', 'C', 70),
      res('4', 'D', 60),
      res('5', 'E', 50),
      res('6', 'F', 40),
      res('7', 'G', 30),
    ];
    const expected = [
      ['Giải Nhất', 'A', false],
      ['Giải Nhì', 'B', false],
      ['Giải Ba', 'C', false],
      ['Giải Khuyến khích', 'D', false],
      ['Giải Khuyến khích', 'E', false],
      ['Giải Khuyến khích', 'F', false],
    ];
    expect(rows(buildAwards(results, DEFAULT_PRIZE_TIERS, one))).toEqual(expected);
    // Clips competing on their own (no one-prize-per-unit) skip it the same way.
    expect(rows(buildAwards(results, DEFAULT_PRIZE_TIERS, { onePrizePerUnit: false }))).toEqual(expected);
  });

  it('an unknown-unit clip tied with a roster unit does not make the tie "BTC quyết định"', () => {
    // X and A both 80 with jury part 30 on the same day would be a flagged tie for Nhất; X is not
    // eligible, so A alone takes Nhất and B (70) Nhì, nothing flagged, and 1 Ba + 3 KK stay unawarded.
    const l = buildAwards([res('9', 'X', 80, 30, 5, false), res('1', 'A', 80, 30), res('2', 'B', 70)], DEFAULT_PRIZE_TIERS, one);
    expect(rows(l)).toEqual([
      ['Giải Nhất', 'A', false],
      ['Giải Nhì', 'B', false],
    ]);
    expect(l.unawarded).toEqual([
      { prize: 'Giải Ba', count: 1 },
      { prize: 'Giải Khuyến khích', count: 3 },
    ]);
  });

  it('float noise is not a difference', () => {
    // 0.1 + 0.2 + 70 and 70.3 are equal in ten-thousandths; jury parts equal → a real tie
    const l = buildAwards([res('1', 'A', 0.1 + 0.2 + 70, 30), res('2', 'B', 70.3, 30)], [{ name: 'Giải Nhất', count: 1, reward: '' }], one);
    expect(rows(l)).toEqual([
      ['Giải Nhất', 'A', true],
      ['Giải Nhất', 'B', true],
    ]);
  });
});

describe('tie-break notes: equal totals separated by the jury part or the submission time', () => {
  it('a higher jury part decides Nhất/Nhì; both award rows say why', () => {
    // HT-001 (A) and HT-002 (B) both 92: B's jury part 36 > A's 30 → B Nhất, A Nhì. HT-003 (C) 70 → Ba, no tie.
    const l = buildAwards([res('HT-001', 'A', 92, 30), res('HT-002', 'B', 92, 36), res('HT-003', 'C', 70)], DEFAULT_PRIZE_TIERS, one);
    expect(l.awards.map((a) => [a.prize, a.clipId, a.note])).toEqual([
      ['Giải Nhất', 'HT-002', 'Bằng 92,00 điểm với HT-001 (A); xếp trên vì điểm BGK cao hơn'],
      ['Giải Nhì', 'HT-001', 'Bằng 92,00 điểm với HT-002 (B); xếp dưới vì điểm BGK thấp hơn'],
      ['Giải Ba', 'HT-003', ''],
    ]);
    expect(l.tieBreaks.map((t) => t.clipId)).toEqual(['HT-002', 'HT-001']);
  });

  it('same jury part: the earlier submission decides, "nộp sớm hơn" / "nộp muộn hơn"', () => {
    // 70.5 each, jury part 30 each; HT-004 (D) sent on 2 June, HT-003 (C) on 6 June → D Nhất, C Nhì.
    const l = buildAwards([res('HT-003', 'C', 70.5, 30, 6), res('HT-004', 'D', 70.5, 30, 2)], DEFAULT_PRIZE_TIERS, one);
    expect(l.awards.map((a) => [a.prize, a.clipId, a.note])).toEqual([
      ['Giải Nhất', 'HT-004', 'Bằng 70,50 điểm với HT-003 (C); xếp trên vì nộp sớm hơn'],
      ['Giải Nhì', 'HT-003', 'Bằng 70,50 điểm với HT-004 (D); xếp dưới vì nộp muộn hơn'],
    ]);
  });

  it('a clip that loses the last prize on a tie-break gets the note in "Kết quả"; equal totals with the same prize get none', () => {
    // A 90, B 80, C 70 → Nhất, Nhì, Ba. D and E both 60 with jury parts 25 and 20: both KK, the
    // tie-break decided nothing → no note. F (jury 24) and G (jury 20) both 50: F takes the last KK,
    // G gets no prize because of its lower jury part.
    const results = [
      res('HT-001', 'A', 90),
      res('HT-002', 'B', 80),
      res('HT-003', 'C', 70),
      res('HT-004', 'D', 60, 25),
      res('HT-005', 'E', 60, 20),
      res('HT-006', 'F', 50, 24),
      res('HT-007', 'G', 50, 20),
    ];
    const l = buildAwards(results, DEFAULT_PRIZE_TIERS, one);
    expect(l.awards.map((a) => [a.clipId, a.note])).toEqual([
      ['HT-001', ''],
      ['HT-002', ''],
      ['HT-003', ''],
      ['HT-004', ''],
      ['HT-005', ''],
      ['HT-006', 'Bằng 50,00 điểm với HT-007 (G); xếp trên vì điểm BGK cao hơn'],
    ]);
    expect(l.tieBreaks).toEqual([
      { clipId: 'HT-006', unit: 'F', note: 'Bằng 50,00 điểm với HT-007 (G); xếp trên vì điểm BGK cao hơn' },
      { clipId: 'HT-007', unit: 'G', note: 'Bằng 50,00 điểm với HT-006 (F); xếp dưới vì điểm BGK thấp hơn' },
    ]);
    // "Kết quả": the note is appended after the clip's own note, sentence-style; other clips keep theirs.
    const withNotes = withTieBreakNotes(
      results.map((r) => (r.clipId === 'HT-007' ? { ...r, note: 'Nộp trễ (BTC cho phép nhận bài trễ).' } : r)),
      l,
    );
    expect(withNotes.find((r) => r.clipId === 'HT-007')!.note).toBe(
      'Nộp trễ (BTC cho phép nhận bài trễ). Bằng 50,00 điểm với HT-006 (F); xếp dưới vì điểm BGK thấp hơn.',
    );
    expect(withNotes.find((r) => r.clipId === 'HT-006')!.note).toBe('Bằng 50,00 điểm với HT-007 (G); xếp trên vì điểm BGK cao hơn.');
    expect(withNotes.find((r) => r.clipId === 'HT-005')!.note).toBe('');
  });

  it('an unresolved tie keeps "Đồng điểm – BTC quyết định", and a third clip below it on the jury part is explained', () => {
    // A and B: 80, jury 30, same day → flagged for Nhất. C: 80 but jury 20 → Ba (Nhì is used by the tie).
    const l = buildAwards([res('HT-001', 'A', 80, 30), res('HT-002', 'B', 80, 30), res('HT-003', 'C', 80, 20)], DEFAULT_PRIZE_TIERS, one);
    expect(l.awards.map((a) => [a.prize, a.note])).toEqual([
      ['Giải Nhất', 'Đồng điểm – BTC quyết định: A, B. Bằng 80,00 điểm với HT-003 (C); xếp trên vì điểm BGK cao hơn'],
      ['Giải Nhất', 'Đồng điểm – BTC quyết định: A, B. Bằng 80,00 điểm với HT-003 (C); xếp trên vì điểm BGK cao hơn'],
      ['Giải Ba', 'Bằng 80,00 điểm với HT-001 (A), HT-002 (B); xếp dưới vì điểm BGK thấp hơn'],
    ]);
  });
});
