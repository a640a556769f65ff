// Tests for the participation report per unit.
import { appraise, DEFAULT_APPRAISAL_CRITERIA } from '../../src/domain/appraisal';
import { buildParticipation } from '../../src/domain/participation';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { passed, submission, unit, vn } from './fixtures';

const units = [unit('A', 'Đoàn Phường 1', ['P1']), unit('B', 'Đoàn Phường 2'), unit('C', 'Đoàn Phường 3')];
const failed = (clipId: string) => appraise({ clipId, ticks: { ...passed(clipId).ticks, TT1: false } }, DEFAULT_APPRAISAL_CRITERIA);
const ok = (clipId: string) => appraise(passed(clipId), DEFAULT_APPRAISAL_CRITERIA);

describe('buildParticipation', () => {
  it('counts per roster unit, lists units with no submissions, and unknown units at the end', () => {
    const submissions = [
      submission('HT-001', 'Đoàn Phường 1'),
      submission('HT-002', 'p1'), // alias
      submission('HT-003', 'doan phuong 1', vn('2023-06-11T09:00:00')), // late, not accepted
      submission('HT-004', 'Đoàn Phường 2'),
      submission('HT-005', 'Đoàn Phường 2'), // still pending
      submission('HT-006', 'Đội Lạ'),
    ];
    const appraisals = [ok('HT-001'), failed('HT-002'), ok('HT-003'), failed('HT-004'), ok('HT-006')];
    const rows = buildParticipation(units, submissions, appraisals, DEFAULT_SETTINGS);
    expect(rows).toEqual([
      // 3 submitted: HT-001 passed; HT-002 failed; HT-003 late → disqualified; 1 ≥ quota 1
      { unit: 'Đoàn Phường 1', submitted: 3, passed: 1, disqualified: 2, quotaMet: true, inRoster: true },
      // 2 submitted: HT-004 failed, HT-005 pending → 0 passed, quota not met
      { unit: 'Đoàn Phường 2', submitted: 2, passed: 0, disqualified: 1, quotaMet: false, inRoster: true },
      { unit: 'Đoàn Phường 3', submitted: 0, passed: 0, disqualified: 0, quotaMet: false, inRoster: true },
      // Not in the roster: counted, but the quota is the roster's, so never met.
      { unit: 'Đội Lạ', submitted: 1, passed: 1, disqualified: 0, quotaMet: false, inRoster: false },
    ]);
  });
  it('a clip with a blank unit is listed under a blank unit outside the roster, never meeting the quota', () => {
    const rows = buildParticipation(
      units.slice(0, 1),
      [submission('HT-001', '  '), submission('HT-002', 'P1')],
      [ok('HT-001'), ok('HT-002')],
      DEFAULT_SETTINGS,
    );
    // HT-002 (alias P1) → Đoàn Phường 1: 1 passed ≥ 1; HT-001 has no unit: its own row, unit '', quota not met
    expect(rows).toEqual([
      { unit: 'Đoàn Phường 1', submitted: 1, passed: 1, disqualified: 0, quotaMet: true, inRoster: true },
      { unit: '', submitted: 1, passed: 1, disqualified: 0, quotaMet: false, inRoster: false },
    ]);
  });
  it('late clips count as passed when late entries are accepted; quota follows the setting', () => {
    const rows = buildParticipation(
      units.slice(0, 1),
      [submission('HT-001', 'P1', vn('2023-06-11T09:00:00')), submission('HT-002', 'P1')],
      [ok('HT-001'), ok('HT-002')],
      { ...DEFAULT_SETTINGS, acceptLateEntries: true, minValidClipsPerUnit: 3 },
    );
    // 2 passed < 3 → quota not met
    expect(rows).toEqual([{ unit: 'Đoàn Phường 1', submitted: 2, passed: 2, disqualified: 0, quotaMet: false, inRoster: true }]);
  });
});
