// Jury progress ("Tiến độ chấm"), worked by hand: to mark, marked, missing, conflicts, invalid marks.
import { juryProgress } from '../../src/domain/progress';
import type { JuryMarkRow, Juror } from '../../src/domain/types';

const jurors: Juror[] = [
  { code: 'GK1', name: 'Nguyễn Văn An', email: '', unit: '' },
  { code: 'GK2', name: 'Trần Thị Bình', email: '', unit: 'Đoàn phường 3' },
  { code: 'GK3', name: 'Lê Văn Cường', email: '', unit: '' },
];
// Four clips sent to the jury; HT-002 is of Đoàn phường 3, GK2's own unit.
const clips = [
  { clipId: 'HT-001', unit: 'Đoàn phường 1' },
  { clipId: 'HT-002', unit: 'Đoàn phường 3' },
  { clipId: 'HT-003', unit: 'Đoàn phường 5' },
  { clipId: 'HT-004', unit: 'Đoàn phường 7' },
];
const bad = (row: number) => [{ sheet: 'BGK - Lê Văn Cường', row, column: 'Điểm' }];

describe('juryProgress', () => {
  const marks: JuryMarkRow[] = [
    // GK1 marked all four.
    ...clips.map((c) => ({ clipId: c.clipId, jurorCode: 'GK1', marks: [80] })),
    // GK2 marked HT-001 and HT-003; HT-004 left blank; HT-002 is a conflict (a stray mark there is ignored).
    { clipId: 'HT-001', jurorCode: 'GK2', marks: [70] },
    { clipId: 'HT-002', jurorCode: 'GK2', marks: [null] },
    { clipId: 'HT-003', jurorCode: 'GK2', marks: [0] }, // 0 is a mark
    { clipId: 'HT-004', jurorCode: 'GK2', marks: [null] },
    // GK3: "9,5a" in HT-002 (row 3), nothing at all for HT-004 (no row), HT-001 and HT-003 marked.
    { clipId: 'HT-001', jurorCode: 'GK3', marks: [60] },
    { clipId: 'HT-002', jurorCode: 'GK3', marks: [null], invalid: bad(3) },
    { clipId: 'HT-003', jurorCode: 'GK3', marks: [65] },
  ];
  const p = juryProgress({ jurors, clips, marks, rubricLength: 1 });

  it('GK1: 4 to mark, 4 marked, nothing missing', () => {
    expect(p[0]).toEqual({ jurorCode: 'GK1', name: 'Nguyễn Văn An', toMark: 4, marked: 4, missing: [], conflicts: 0, invalid: [], notMarked: [] });
  });

  it('GK2: 4 clips − 1 conflict = 3 to mark; HT-001 and HT-003 (a 0) marked; HT-004 missing; the conflict clip is never missing', () => {
    expect(p[1]).toEqual({
      jurorCode: 'GK2',
      name: 'Trần Thị Bình',
      toMark: 3,
      marked: 2,
      missing: ['HT-004'],
      conflicts: 1,
      invalid: [],
      notMarked: ['HT-004'],
    });
  });

  it('GK3: 4 to mark, 2 marked; HT-004 missing (no row); HT-002 invalid with its cell, not counted as missing', () => {
    expect(p[2]).toEqual({
      jurorCode: 'GK3',
      name: 'Lê Văn Cường',
      toMark: 4,
      marked: 2,
      missing: ['HT-004'],
      conflicts: 0,
      invalid: [{ clipId: 'HT-002', sheet: 'BGK - Lê Văn Cường', row: 3, column: 'Điểm' }],
      notMarked: ['HT-002', 'HT-004'],
    });
  });

  it('every clip to mark is marked, missing or invalid: toMark = marked + missing + invalid clips; toMark + conflicts = clips', () => {
    for (const j of p) {
      expect(j.marked + j.notMarked.length).toBe(j.toMark);
      expect(j.toMark + j.conflicts).toBe(clips.length);
    }
  });

  it('a row with fewer marks than rubric criteria is not marked; a complete later copy of a row is', () => {
    const rows: JuryMarkRow[] = [
      { clipId: 'HT-001', jurorCode: 'GK1', marks: [8] }, // 1 of 2 criteria → missing
      { clipId: 'HT-002', jurorCode: 'GK1', marks: [8, null] },
      { clipId: 'HT-002', jurorCode: 'GK1', marks: [8, 9] }, // duplicate row, complete → marked
    ];
    const [gk1] = juryProgress({ jurors: [jurors[0]], clips: clips.slice(0, 2), marks: rows, rubricLength: 2 });
    expect(gk1).toMatchObject({ toMark: 2, marked: 1, missing: ['HT-001'] });
  });

  it('clip IDs and juror codes match trimmed and case-insensitively, as in scoring', () => {
    const [gk1] = juryProgress({ jurors: [jurors[0]], clips: [clips[0]], marks: [{ clipId: ' ht-001 ', jurorCode: 'gk1', marks: [50] }], rubricLength: 1 });
    expect(gk1).toMatchObject({ toMark: 1, marked: 1, missing: [] });
  });

  it('no clips sent to the jury yet: everyone has 0 to mark', () => {
    expect(juryProgress({ jurors, clips: [], marks: [], rubricLength: 1 }).map((j) => [j.jurorCode, j.toMark, j.marked])).toEqual([
      ['GK1', 0, 0],
      ['GK2', 0, 0],
      ['GK3', 0, 0],
    ]);
  });
});
