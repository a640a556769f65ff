// "Tương tác" counts typed as text: Vietnamese thousands grouping ("1.000") is one thousand, not 1.
import { problemText } from '../../src/flows/context';
import { parseCountCell, parseNumberCell } from '../../src/domain/parse';
import { ENGAGEMENT, readEngagement } from '../../src/sheets/engagement';
import { FREEZE_PROPERTY, loadFrozen, saveFrozen, type FrozenCounts } from '../../src/sheets/engagementSource';
import { escapeCell, readTable } from '../../src/sheets/table';
import { newEmulator } from '../flows/fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

describe('parseCountCell', () => {
  test('reads "." or "," followed by groups of three digits as thousands', () => {
    expect(parseCountCell('1.000')).toBe(1000);
    expect(parseCountCell('2.500')).toBe(2500);
    expect(parseCountCell('1,000')).toBe(1000);
    expect(parseCountCell(' 12.345.678 ')).toBe(12345678);
    expect(parseCountCell('250')).toBe(250);
    expect(parseCountCell(40)).toBe(40);
    expect(parseCountCell('')).toBeNull();
  });
  test('anything else is read as parseNumberCell reads it (a fraction is then rejected by the caller)', () => {
    expect(parseCountCell('1,5')).toBe(1.5);
    expect(parseCountCell('1.000,5')).toBe('invalid');
    expect(parseCountCell('1.00')).toBe(1);
    expect(parseCountCell('abc')).toBe('invalid');
  });
  test('marks keep the decimal comma: "8,500" is still 8.5 for parseNumberCell', () => {
    expect(parseNumberCell('8,500')).toBe(8.5);
  });
});

describe('readEngagement', () => {
  test('counts typed as text "1.000", "2.500", "1,000" are a thousand and more, not 1 or 2', () => {
    const emu = newEmulator();
    const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
    const sheet = ss.insertSheet('Tương tác') as unknown as Sheet;
    const headers = ENGAGEMENT.columns.map((c) => c.header);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    // Text cells (as a US-locale sheet or a paste leaves them); escapeCell keeps them as typed.
    const rows = [
      ['HT-001', '', '1.000', '2.500', '', ''],
      ['HT-002', '', '1,000', '12', '', ''],
      ['HT-003', '', '1,5', '0', '', ''],
    ];
    sheet.getRange(2, 1, rows.length, headers.length).setValues(rows.map((r) => r.map((v) => escapeCell(v))));
    const read = readEngagement(readTable(sheet, ENGAGEMENT));
    expect(read.counts).toEqual([
      { clipId: 'HT-001', reactions: 1000, shares: 2500 },
      { clipId: 'HT-002', reactions: 1000, shares: 12 },
      // "1,5" is a fraction, not a count: reported and taken as 0 until fixed.
      { clipId: 'HT-003', reactions: 0, shares: 0 },
    ]);
    expect(read.problems.map(problemText)).toEqual([
      'Trang "Tương tác", dòng 4, cột "Lượt cảm xúc": "1,5" không phải số nguyên không âm; tạm tính là 0 cho đến khi sửa.',
    ]);
  });
});

describe('the frozen Fanpage snapshot in the document properties', () => {
  test("a contest of 1,000 clips is stored in parts under Google's 9 KB per value, and read back whole", () => {
    const emu = newEmulator();
    const props = emu.PropertiesService.getDocumentProperties();
    const counts: FrozenCounts['counts'] = {};
    for (let i = 1; i <= 1000; i++) counts[`HT-${String(i).padStart(4, '0')}`] = [1000 + i, i];
    const frozen: FrozenCounts = { readAt: '2023-06-19T09:00:00.000Z', windowEnd: '2023-06-19T09:00:00.000Z', lateMinutes: 0, counts };
    // Clip i's entry '"HT-0001":[1001,1],' is 18 bytes plus the digits of i: 18 × 1,000 + (9 × 1 + 90 × 2 + 900 × 3 + 4)
    // = 20,893 bytes of counts, far over one 9 KB value.
    expect(JSON.stringify(frozen).length).toBeGreaterThan(20_893);
    expect(() => props.setProperty('one value', JSON.stringify(frozen))).toThrow();

    saveFrozen(props, frozen);

    const stored = props.getProperties();
    for (const value of Object.values(stored)) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    // 20,893 bytes in parts of at most 8,000: 3 parts, and the snapshot naming them.
    expect(Object.keys(stored).filter((k) => k.startsWith(`${FREEZE_PROPERTY}.`))).toHaveLength(3);
    expect(loadFrozen(props)).toEqual(frozen);
  });

  test('a small snapshot stays one value, as before', () => {
    const emu = newEmulator();
    const props = emu.PropertiesService.getDocumentProperties();
    const frozen: FrozenCounts = { readAt: 'a', windowEnd: 'b', lateMinutes: 3, counts: { 'HT-001': [100, 10] } };
    saveFrozen(props, frozen);
    expect(props.getKeys()).toEqual([FREEZE_PROPERTY]);
    expect(loadFrozen(props)).toEqual(frozen);
  });
});
