// "Tham gia" rows as the organizer reads them: units outside the roster are marked, a blank unit is named.
import { participationRow, PARTICIPATION_KEYS } from '../../src/sheets/participation';

const cells = (row: unknown[]) => Object.fromEntries(PARTICIPATION_KEYS.map((k, i) => [k, row[i]]));

describe('participationRow', () => {
  test('a roster unit shows its name and Có/Không', () => {
    expect(cells(participationRow({ unit: 'Đoàn phường 1', submitted: 2, passed: 1, disqualified: 1, quotaMet: true, inRoster: true }))).toEqual({
      unit: 'Đoàn phường 1',
      submitted: 2,
      passed: 1,
      disqualified: 1,
      quotaMet: 'Có',
    });
  });
  test('a unit outside the roster is marked; a blank unit reads "(chưa ghi đơn vị)", not an empty name', () => {
    expect(cells(participationRow({ unit: 'Đội Lạ', submitted: 1, passed: 1, disqualified: 0, quotaMet: false, inRoster: false })).unit).toBe(
      'Đội Lạ (không có trong danh sách đơn vị)',
    );
    const blank = cells(participationRow({ unit: '', submitted: 1, passed: 1, disqualified: 0, quotaMet: false, inRoster: false }));
    expect([blank.unit, blank.quotaMet]).toEqual(['(chưa ghi đơn vị)', 'Không']);
  });
});
