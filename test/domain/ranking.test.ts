// Tests for fixed-precision score comparison and the clip tie-break order.
import { compareClips, compareIds, toScoreUnits } from '../../src/domain/ranking';
import { vn } from './fixtures';

describe('toScoreUnits', () => {
  it('turns float noise into equal integers', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in doubles; both are 3000 ten-thousandths
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toScoreUnits(0.1 + 0.2)).toBe(toScoreUnits(0.3));
    expect(toScoreUnits(74.4)).toBe(744000);
    // a real difference of 0.0001 still counts
    expect(toScoreUnits(74.4001)).toBeGreaterThan(toScoreUnits(74.4));
  });
});

describe('compareClips', () => {
  const clip = (total: number | null, juryPart: number | null, at: string | null) => ({
    total,
    juryPart,
    submittedAt: at === null ? null : vn(at),
  });
  it('higher total first', () => {
    expect(compareClips(clip(80, 30, '2023-06-05T10:00:00'), clip(79, 40, '2023-06-01T10:00:00'))).toBe(-1);
    expect(compareClips(clip(79, 40, '2023-06-01T10:00:00'), clip(80, 30, '2023-06-05T10:00:00'))).toBe(1);
  });
  it('equal totals (up to float noise): higher jury part first', () => {
    // 0.1 + 0.2 + 70 and 70.3 are the same total
    expect(compareClips(clip(0.1 + 0.2 + 70, 35, '2023-06-05T10:00:00'), clip(70.3, 36, '2023-06-01T10:00:00'))).toBe(1);
  });
  it('then earlier submission; unknown time after known; full tie → 0', () => {
    expect(compareClips(clip(70, 30, '2023-06-01T10:00:00'), clip(70, 30, '2023-06-02T10:00:00'))).toBe(-1);
    expect(compareClips(clip(70, 30, null), clip(70, 30, '2023-06-02T10:00:00'))).toBe(1);
    expect(compareClips(clip(70, 30, '2023-06-01T10:00:00'), clip(70, 30, '2023-06-01T10:00:00'))).toBe(0);
  });
  it('unscored (null total) after scored', () => {
    expect(compareClips(clip(null, 40, '2023-06-01T10:00:00'), clip(1, 0, '2023-06-09T10:00:00'))).toBe(1);
  });
  it('sorts a list by the whole chain', () => {
    const list = [
      { id: 'c', ...clip(70, 30, '2023-06-02T10:00:00') },
      { id: 'a', ...clip(90, 30, '2023-06-09T10:00:00') },
      { id: 'd', ...clip(70, 28, '2023-06-01T10:00:00') },
      { id: 'b', ...clip(70, 30, '2023-06-01T10:00:00') },
    ];
    expect(list.sort(compareClips).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('compareIds', () => {
  it('orders IDs naturally', () => {
    expect(['HT-010', 'HT-2', 'HT-001'].sort(compareIds)).toEqual(['HT-001', 'HT-2', 'HT-010']);
  });
});
