// Tests for the time-zone module: zone-name checks are answered once per name, then from the cache.
import { isValidTimeZone, wallClock } from '../../src/domain/zone';

describe('isValidTimeZone', () => {
  afterEach(() => jest.restoreAllMocks());

  it('knows real IANA names and rejects others, blank and non-strings', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Sao Hỏa/Thủ đô')).toBe(false);
    expect(isValidTimeZone('  ')).toBe(false);
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });

  it('builds one Intl.DateTimeFormat per zone name however often a name is checked (a sheet checks it for every date)', () => {
    const spy = jest.spyOn(Intl, 'DateTimeFormat');
    // Names not checked earlier in this file: 1,000 checks of each → 1 construction each = 2 in all.
    for (let i = 0; i < 1000; i++) {
      expect(isValidTimeZone('America/Lima')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('the cached answers do not disturb the formatter: 12/06/2023 00:00 in Hồ Chí Minh is 11/06 17:00Z', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(wallClock(Date.parse('2023-06-11T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ year: 2023, month: 6, day: 12, hour: 0, minute: 0, second: 0 });
  });
});
