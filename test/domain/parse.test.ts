// Tests for parsing what people type into cells: names, numbers, marks, booleans and contest-zone dates.
import { formatDateTime, formatScoreVi, idKey, isBlank, normalizeName, parseBoolean, parseDateTime, parseMark, parseNumberCell } from '../../src/domain/parse';

const VN = 'Asia/Ho_Chi_Minh';
const place = { sheet: 'BGK - Nguyễn Văn A', row: 5, column: 'Điểm' };

describe('normalizeName', () => {
  it('ignores case, extra spaces and diacritics, including đ → d', () => {
    expect(normalizeName('  Đoàn   Phường  5 ')).toBe('doan phuong 5');
    expect(normalizeName('ĐOÀN PHƯỜNG 5')).toBe(normalizeName('doan phuong 5'));
    expect(normalizeName('Chi đoàn Bệnh viện Quận 11')).toBe('chi doan benh vien quan 11');
  });
  it('treats precomposed and decomposed Unicode the same', () => {
    // "ờ" typed as one code point vs "o" + horn + grave
    expect(normalizeName('Phường')).toBe(normalizeName('Phu\u031b\u0300o\u031bng'));
  });
  it('works out each distinct name once: matching 5,000 clips against a roster repeats the same names', () => {
    const spy = jest.spyOn(String.prototype, 'normalize');
    try {
      // 1,000 calls with 2 names not seen before in this file → 2 Unicode normalizations, same answers.
      for (let i = 0; i < 500; i++) {
        expect(normalizeName('Chi đoàn Khu phố 7')).toBe('chi doan khu pho 7');
        expect(normalizeName(' CHI ĐOÀN  KHU PHỐ 7')).toBe('chi doan khu pho 7');
      }
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('parseNumberCell', () => {
  it('reads decimal comma, dot and surrounding spaces', () => {
    expect(parseNumberCell('8,5')).toBe(8.5);
    expect(parseNumberCell('8.5')).toBe(8.5);
    expect(parseNumberCell(' 9 ')).toBe(9);
    expect(parseNumberCell(7)).toBe(7);
    expect(parseNumberCell(0)).toBe(0);
  });
  it('blank is null, not 0', () => {
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('   ')).toBeNull();
    expect(parseNumberCell(null)).toBeNull();
    expect(parseNumberCell(undefined)).toBeNull();
  });
  it('anything else is invalid', () => {
    expect(parseNumberCell('abc')).toBe('invalid');
    expect(parseNumberCell('8,5,1')).toBe('invalid');
    expect(parseNumberCell('1.234.567')).toBe('invalid');
    expect(parseNumberCell(true)).toBe('invalid');
    expect(parseNumberCell(NaN)).toBe('invalid');
    expect(parseNumberCell(new Date(0))).toBe('invalid');
  });
});

describe('parseMark', () => {
  it('accepts marks inside 0..max; 0 is a mark, blank is "not marked"', () => {
    expect(parseMark('8,5', 10, place)).toEqual({ ok: true, value: 8.5 });
    expect(parseMark(0, 10, place)).toEqual({ ok: true, value: 0 });
    expect(parseMark(10, 10, place)).toEqual({ ok: true, value: 10 });
    expect(parseMark('', 10, place)).toEqual({ ok: true, value: null });
  });
  it('reports non-numeric marks with sheet, row, column and value, never as 0', () => {
    const r = parseMark('tám', 100, place);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: 'mark.not_number', sheet: place.sheet, row: 5, column: 'Điểm' });
    expect(r.problem.message).toContain('BGK - Nguyễn Văn A');
    expect(r.problem.message).toContain('dòng 5');
    expect(r.problem.message).toContain('"Điểm"');
    expect(r.problem.message).toContain('"tám"');
  });
  it('reports out-of-range marks', () => {
    const over = parseMark('101', 100, place);
    const under = parseMark(-1, 100, place);
    expect(over.ok || over.problem.code).toBe('mark.out_of_range');
    expect(under.ok || under.problem.code).toBe('mark.out_of_range');
    if (!over.ok) expect(over.problem.message).toContain('0–100');
  });
});

describe('parseBoolean', () => {
  it('reads checkboxes, Có/Không, TRUE/FALSE and x in any case or accent', () => {
    expect(parseBoolean(true)).toBe(true);
    expect(parseBoolean(false)).toBe(false);
    expect(parseBoolean('Có')).toBe(true);
    expect(parseBoolean('co')).toBe(true);
    expect(parseBoolean(' KHÔNG ')).toBe(false);
    expect(parseBoolean('khong')).toBe(false);
    expect(parseBoolean('TRUE')).toBe(true);
    expect(parseBoolean('false')).toBe(false);
    expect(parseBoolean('x')).toBe(true);
    expect(parseBoolean('X')).toBe(true);
  });
  it('blank or unknown is null', () => {
    expect(parseBoolean('')).toBeNull();
    expect(parseBoolean(null)).toBeNull();
    expect(parseBoolean('có lẽ')).toBeNull();
  });
});

describe('parseDateTime / formatDateTime', () => {
  it('reads dd/MM/yyyy HH:mm in the contest zone, whatever the machine zone', () => {
    // 19/06/2023 16:00 at +07:00 = 09:00 UTC
    expect((parseDateTime('19/06/2023 16:00', VN) as Date).toISOString()).toBe('2023-06-19T09:00:00.000Z');
    // the same wall time in UTC is 7 hours later as an instant
    expect((parseDateTime('19/06/2023 16:00', 'UTC') as Date).toISOString()).toBe('2023-06-19T16:00:00.000Z');
  });
  it('reads d/M/yyyy H:mm, optional seconds, date only = midnight, and "16g00"', () => {
    expect((parseDateTime('9/6/2023 7:05', VN) as Date).toISOString()).toBe('2023-06-09T00:05:00.000Z');
    expect((parseDateTime('10/06/2023 23:59:30', VN) as Date).toISOString()).toBe('2023-06-10T16:59:30.000Z');
    // 12/06/2023 00:00 +07:00 = 11/06 17:00 UTC
    expect((parseDateTime('12/06/2023', VN) as Date).toISOString()).toBe('2023-06-11T17:00:00.000Z');
    expect((parseDateTime('19/6/2023 16g00', VN) as Date).toISOString()).toBe('2023-06-19T09:00:00.000Z');
  });
  it('keeps Date cells as they are and reads spreadsheet serial numbers as wall time', () => {
    const d = new Date('2023-06-10T16:59:00Z');
    expect(parseDateTime(d, VN)).toBe(d);
    // serial 45097 = 20/06/2023 (44927 is 01/01/2023, +170 days); .5 = 12:00 → 05:00 UTC
    expect((parseDateTime(45097.5, VN) as Date).toISOString()).toBe('2023-06-20T05:00:00.000Z');
  });
  it('handles a zone with daylight saving', () => {
    // New York: January is UTC−5, July is UTC−4
    expect((parseDateTime('15/01/2024 12:00', 'America/New_York') as Date).toISOString()).toBe('2024-01-15T17:00:00.000Z');
    expect((parseDateTime('15/07/2024 12:00', 'America/New_York') as Date).toISOString()).toBe('2024-07-15T16:00:00.000Z');
  });
  it('blank is null; impossible dates and junk are invalid', () => {
    expect(parseDateTime('', VN)).toBeNull();
    expect(parseDateTime(null, VN)).toBeNull();
    expect(parseDateTime('31/02/2023', VN)).toBe('invalid');
    expect(parseDateTime('19/06/2023 24:00', VN)).toBe('invalid');
    expect(parseDateTime('hôm qua', VN)).toBe('invalid');
    expect(parseDateTime(new Date(NaN), VN)).toBe('invalid');
    expect(parseDateTime(true, VN)).toBe('invalid');
  });
  it('formats as dd/MM/yyyy HH:mm in the given zone and round-trips', () => {
    const d = new Date('2023-06-19T09:00:00Z');
    expect(formatDateTime(d, VN)).toBe('19/06/2023 16:00');
    expect(formatDateTime(d, 'UTC')).toBe('19/06/2023 09:00');
    // midnight in VN is 17:00 UTC the day before
    expect(formatDateTime(new Date('2023-06-11T17:00:00Z'), VN)).toBe('12/06/2023 00:00');
    expect(formatDateTime(parseDateTime('01/01/2024 08:07', VN) as Date, VN)).toBe('01/01/2024 08:07');
  });
});

describe('small shared helpers', () => {
  test('formatScoreVi: two fixed decimals, decimal comma, half up', () => {
    expect(formatScoreVi(78.4)).toBe('78,40');
    // 92.80000000000001 × 100 = 9280.000000000002 → 9280 → "92,80"
    expect(formatScoreVi(92.80000000000001)).toBe('92,80');
    expect(formatScoreVi(0.125)).toBe('0,13'); // 12.5 → 13
    expect(formatScoreVi(7, 0)).toBe('7');
  });
  test('isBlank: empty and space-only text, null and undefined are blank; 0 and false are values', () => {
    for (const v of ['', '   ', '\u00a0', null, undefined]) expect(isBlank(v)).toBe(true);
    for (const v of [0, false, 'x', ' 0 ']) expect(isBlank(v)).toBe(false);
  });
  test('idKey: clip IDs and juror codes match ignoring case and outer spaces', () => {
    expect(idKey(' ht-001 ')).toBe('HT-001');
    expect(idKey('gk2')).toBe(idKey('GK2'));
  });
});
