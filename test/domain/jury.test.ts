// Tests for jury totals, aggregation, conflicts of interest and completeness.
import { DEFAULT_RUBRIC, aggregateJury, expectedJurors, isConflict, jurorTotal, missingMarks, rubricMax } from '../../src/domain/jury';
import type { Juror } from '../../src/domain/types';

const juror = (code: string, unit = ''): Juror => ({ code, name: `GK ${code}`, email: '', unit });

describe('rubric and juror totals', () => {
  it('default rubric is one criterion "Điểm" out of 100', () => {
    expect(DEFAULT_RUBRIC).toEqual([{ name: 'Điểm', max: 100 }]);
    expect(rubricMax(DEFAULT_RUBRIC)).toBe(100);
    // 30 + 30 + 40 = 100
    expect(
      rubricMax([
        { name: 'Nội dung', max: 30 },
        { name: 'Hình ảnh', max: 30 },
        { name: 'Thông điệp', max: 40 },
      ]),
    ).toBe(100);
  });
  it('juror total is the sum of marks; any blank → not marked; 0 is a mark', () => {
    // 25 + 28,5 + 0 = 53.5
    expect(jurorTotal({ clipId: 'HT-001', jurorCode: 'GK1', marks: [25, 28.5, 0] })).toBe(53.5);
    expect(jurorTotal({ clipId: 'HT-001', jurorCode: 'GK1', marks: [25, null, 30] })).toBeNull();
    expect(jurorTotal({ clipId: 'HT-001', jurorCode: 'GK1', marks: [0] })).toBe(0);
    expect(jurorTotal({ clipId: 'HT-001', jurorCode: 'GK1', marks: [] })).toBeNull();
  });
});

describe('aggregateJury', () => {
  it('mean: 80, 90, 70 → 80', () => {
    // (80 + 90 + 70) / 3 = 240 / 3 = 80
    expect(aggregateJury([80, 90, 70], 'mean')).toEqual({ value: 80, note: '' });
  });
  it('trimmed mean drops one highest and one lowest: [60,70,80,90] → 75', () => {
    // drop 60 and 90 → (70 + 80) / 2 = 75
    expect(aggregateJury([60, 70, 80, 90], 'trimmedMean')).toEqual({ value: 75, note: '' });
    // [50, 95, 70] → only 70 is left
    expect(aggregateJury([50, 95, 70], 'trimmedMean').value).toBe(70);
  });
  it('trimmed mean with fewer than 3 marks falls back to the mean and says so', () => {
    // (60 + 90) / 2 = 75
    const r = aggregateJury([60, 90], 'trimmedMean');
    expect(r.value).toBe(75);
    expect(r.note).toContain('Chỉ có 2 điểm BGK');
    expect(r.note).toContain('trung bình');
  });
  it('median: odd count → middle, even count → mean of the two middles', () => {
    // sorted 70, 80, 95 → 80
    expect(aggregateJury([95, 70, 80], 'median').value).toBe(80);
    // sorted 60, 70, 80, 100 → (70 + 80) / 2 = 75
    expect(aggregateJury([100, 60, 80, 70], 'median').value).toBe(75);
  });
  it('no marks → null', () => {
    expect(aggregateJury([], 'mean')).toEqual({ value: null, note: '' });
  });
});

describe('conflict of interest and completeness', () => {
  const jurors = [juror('GK1'), juror('GK2', 'Đoàn Phường 5'), juror('GK3')];
  it('a juror of the clip’s unit is in conflict (names compared loosely); no unit → no conflict', () => {
    expect(isConflict(jurors[1], 'doan phuong 5')).toBe(true);
    expect(isConflict(jurors[1], 'Đoàn Phường 6')).toBe(false);
    expect(isConflict(jurors[0], '')).toBe(false);
    expect(expectedJurors('Đoàn Phường 5', jurors).map((j) => j.code)).toEqual(['GK1', 'GK3']);
  });
  it('lists which jurors have not marked which clips, skipping conflicts', () => {
    const clips = [
      { clipId: 'HT-001', unit: 'Đoàn Phường 5' },
      { clipId: 'HT-002', unit: 'Đoàn Phường 6' },
    ];
    const marks = [
      { clipId: 'HT-001', jurorCode: 'GK1', marks: [80] },
      { clipId: 'HT-002', jurorCode: 'GK1', marks: [null] }, // blank: not marked
      { clipId: 'HT-002', jurorCode: 'GK2', marks: [0] }, // 0 is a mark
      { clipId: 'HT-001', jurorCode: 'GK3', marks: [70] },
    ];
    // GK1 misses HT-002 (blank); GK2 is not expected on HT-001 (own unit); GK3 misses HT-002
    expect(missingMarks(clips, jurors, marks)).toEqual([
      { jurorCode: 'GK1', clipIds: ['HT-002'] },
      { jurorCode: 'GK3', clipIds: ['HT-002'] },
    ]);
  });
});
