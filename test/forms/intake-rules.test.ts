// Intake rules without any sheet: next ID, warnings (late, unknown unit, duplicate link, missing info), recognising a response.
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Unit } from '../../src/domain/types';
import { alreadyPresent, buildSubmission, nextSubmissionId, type ExistingSubmissions } from '../../src/forms/intake';
import type { ResponseAnswers } from '../../src/forms/response';

const units: Unit[] = [
  { code: 'P1', name: 'Đoàn Phường 1', aliases: ['P1', 'Phường Một'], email: '' },
  { code: 'P2', name: 'Đoàn Phường 2', aliases: [], email: '' },
];

function response(over: Partial<ResponseAnswers['answers']>, at: string, id = 'r1'): ResponseAnswers {
  return {
    responseId: id,
    timestamp: new Date(at),
    uploads: [],
    answers: {
      unit: 'Đoàn Phường 1',
      entryType: 'Cá nhân',
      authors: 'Nguyễn Văn A',
      title: 'Tuổi trẻ',
      videoLink: 'https://youtu.be/abc',
      length: '4:00',
      contactName: 'A',
      phone: '0901234567',
      email: 'a@example.com',
      pledge: 'x',
      ...over,
    },
  };
}

const empty = (): ExistingSubmissions => ({ ids: [], responseIds: new Set(), fingerprints: new Set(), idByVideo: new Map() });

describe('nextSubmissionId', () => {
  test('continues after the highest HT number, never reusing one', () => {
    expect(nextSubmissionId([])).toBe('HT-001');
    // HT-002 was deleted by hand: the next is HT-004 (max 3 + 1), not the gap.
    expect(nextSubmissionId(['HT-001', 'HT-003', 'khác'])).toBe('HT-004');
    expect(nextSubmissionId(['HT-999'])).toBe('HT-1000');
  });
});

describe('buildSubmission', () => {
  test('on time, known unit by alias without diacritics: roster name and no warning', () => {
    const s = buildSubmission(response({ unit: 'phuong mot' }, '2023-06-10T16:59:59Z'), units, DEFAULT_SETTINGS, empty());
    expect(s).toMatchObject({ id: 'HT-001', unit: 'Đoàn Phường 1', unitKnown: true, warnings: [] });
  });

  test('the deadline minute 23:59 (+07:00) is on time; 00:00 the next day is late', () => {
    // 10/06/2023 23:59:30 in Hồ Chí Minh = 16:59:30Z: inside the deadline minute.
    expect(buildSubmission(response({}, '2023-06-10T16:59:30Z'), units, DEFAULT_SETTINGS, empty()).warnings).toEqual([]);
    expect(buildSubmission(response({}, '2023-06-10T17:00:00Z'), units, DEFAULT_SETTINGS, empty()).warnings).toEqual(['Nộp trễ']);
  });

  test('unknown unit keeps the typed text and is flagged', () => {
    const s = buildSubmission(response({ unit: 'Đoàn Phường 99' }, '2023-06-01T00:00:00Z'), units, DEFAULT_SETTINGS, empty());
    expect(s.unit).toBe('Đoàn Phường 99');
    expect(s.warnings).toEqual(['Không rõ đơn vị']);
  });

  test('the same video in another spelling is flagged with the earlier ID; the first is not', () => {
    const existing = empty();
    const a = buildSubmission(response({ videoLink: 'https://youtu.be/abc' }, '2023-06-01T00:00:00Z', 'r1'), units, DEFAULT_SETTINGS, existing);
    const b = buildSubmission(response({ videoLink: 'https://www.youtube.com/watch?v=abc' }, '2023-06-01T01:00:00Z', 'r2'), units, DEFAULT_SETTINGS, existing);
    expect(a.warnings).toEqual([]);
    expect(b.id).toBe('HT-002');
    expect(b.warnings).toEqual(['Trùng link (HT-001)']);
  });

  test('blank required answers are listed under "Thiếu thông tin"', () => {
    const s = buildSubmission(response({ authors: '', videoLink: '' }, '2023-06-01T00:00:00Z'), units, DEFAULT_SETTINGS, empty());
    expect(s.warnings).toEqual(['Thiếu thông tin: Tác giả, Link video']);
  });

  test('a response is recognised by its id; rows without an id by minute + title + video', () => {
    const existing = empty();
    buildSubmission(response({}, '2023-06-01T00:00:10Z', 'r1'), units, DEFAULT_SETTINGS, existing);
    expect(alreadyPresent(response({}, '2023-06-01T00:00:10Z', 'r1'), existing)).toBe(true);
    // Same content from another response id: a second, separate submission.
    expect(alreadyPresent(response({}, '2023-06-01T00:00:10Z', 'r2'), existing)).toBe(false);
    // A row typed by hand (no response id) at 07:00:xx local = 00:00Z with this title and video.
    existing.fingerprints.add(`${Date.parse('2023-06-01T00:00:00Z')}|tuoi tre|youtube:abc`);
    expect(alreadyPresent(response({}, '2023-06-01T00:00:50Z', 'r3'), existing)).toBe(true);
    expect(alreadyPresent(response({ title: 'Khác' }, '2023-06-01T00:00:50Z', 'r4'), existing)).toBe(false);
  });
});
