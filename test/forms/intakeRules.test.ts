// Intake rules without any sheet: next ID, warnings (late, unknown unit, duplicate link, missing info), recognising a response.
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Unit } from '../../src/domain/types';
import {
  alreadyPresent,
  buildSubmission,
  nextSubmissionId,
  settleDuplicateLinks,
  withDuplicateFlag,
  type ExistingSubmissions,
} from '../../src/forms/intakeRules';
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

const empty = (): ExistingSubmissions => ({ ids: [], responseIds: new Set(), fingerprints: new Set(), byVideo: new Map() });

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

describe('duplicate links go on the later-sent entry', () => {
  /** Existing rows of one link (youtube:abc): id, time, sheet row, Cảnh báo. */
  const withRows = (rows: [string, string | null, number, string][]): ExistingSubmissions => {
    const e = empty();
    e.ids.push(...rows.map((r) => r[0]));
    e.byVideo.set(
      'youtube:abc',
      rows.map(([id, at, row, flags]) => ({ id, time: at === null ? null : Date.parse(at), row, flags })),
    );
    return e;
  };

  test('a response sent before the existing row: it is not flagged, the existing rows now name it', () => {
    // HT-001 sent 10:00Z, HT-002 sent 11:00Z (flagged as HT-001's duplicate, and late-free but missing info).
    const existing = withRows([
      ['HT-001', '2023-06-01T10:00:00Z', 2, ''],
      ['HT-002', '2023-06-01T11:00:00Z', 3, 'Trùng link (HT-001); Thiếu thông tin: Thời lượng'],
    ]);
    // The trigger missed a response sent at 09:00Z: the sync adds it as HT-003, the earliest of the three.
    const s = buildSubmission(response({}, '2023-06-01T09:00:00Z', 'r9'), units, DEFAULT_SETTINGS, existing);
    expect(s.id).toBe('HT-003');
    expect(s.warnings).toEqual([]);
    expect(settleDuplicateLinks(existing, [s])).toEqual([
      { id: 'HT-001', row: 2, flags: 'Trùng link (HT-003)' },
      { id: 'HT-002', row: 3, flags: 'Trùng link (HT-003); Thiếu thông tin: Thời lượng' },
    ]);
    expect(s.warnings).toEqual([]);
  });

  test('a response sent after the existing row (the usual case) is flagged and nothing else changes', () => {
    const existing = withRows([['HT-001', '2023-06-01T10:00:00Z', 2, '']]);
    const s = buildSubmission(response({ unit: 'Đoàn Phường 99', authors: '' }, '2023-06-01T10:30:00Z', 'r2'), units, DEFAULT_SETTINGS, existing);
    expect(settleDuplicateLinks(existing, [s])).toEqual([]);
    expect(s.warnings).toEqual(['Không rõ đơn vị', 'Trùng link (HT-001)', 'Thiếu thông tin: Tác giả']);
  });

  test('same second: the row already there stays first; a hand-typed row without a time counts as first', () => {
    // 10:00:00.000 vs 10:00:00.700: the same second → the existing row wins, the response is flagged.
    const same = withRows([['HT-001', '2023-06-01T10:00:00Z', 2, '']]);
    const a = buildSubmission(response({}, '2023-06-01T10:00:00.700Z', 'r2'), units, DEFAULT_SETTINGS, same);
    expect(a.warnings).toEqual(['Trùng link (HT-001)']);
    expect(settleDuplicateLinks(same, [a])).toEqual([]);
    const typed = withRows([['HT-001', null, 2, '']]);
    const b = buildSubmission(response({}, '2023-05-01T00:00:00Z', 'r2'), units, DEFAULT_SETTINGS, typed);
    expect(b.warnings).toEqual(['Trùng link (HT-001)']);
    expect(settleDuplicateLinks(typed, [b])).toEqual([]);
  });

  test("withDuplicateFlag replaces, adds or removes only the intake's own segment", () => {
    expect(withDuplicateFlag('', 'HT-004')).toBe('Trùng link (HT-004)');
    expect(withDuplicateFlag('Nộp trễ', 'HT-004')).toBe('Nộp trễ; Trùng link (HT-004)');
    expect(withDuplicateFlag('Nộp trễ; Trùng link (HT-001); Thiếu thông tin: Tác giả', 'HT-004')).toBe(
      'Nộp trễ; Trùng link (HT-004); Thiếu thông tin: Tác giả',
    );
    expect(withDuplicateFlag('Trùng link (HT-001); Nộp trễ', null)).toBe('Nộp trễ');
    expect(withDuplicateFlag('Nộp trễ; Trùng link (HT-001)', null)).toBe('Nộp trễ');
    // An organizer's own remark that merely starts with the words is not the flag.
    expect(withDuplicateFlag('Trùng link với bài năm 2022', null)).toBe('Trùng link với bài năm 2022');
    expect(withDuplicateFlag('Trùng link với bài năm 2022', 'HT-002')).toBe('Trùng link với bài năm 2022; Trùng link (HT-002)');
  });
});
