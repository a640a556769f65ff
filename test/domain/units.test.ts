// Tests for matching typed unit names against the roster's names and aliases.
import { canonicalUnitName, matchUnit, splitAliases } from '../../src/domain/units';
import type { Unit } from '../../src/domain/types';

const units: Unit[] = [
  { code: 'P5', name: 'Đoàn Phường 5', aliases: ['P5', 'Phường Năm'], email: '' },
  { code: 'BV', name: 'Chi đoàn Bệnh viện Quận 11', aliases: ['BV Q11'], email: '' },
];

describe('matchUnit', () => {
  it('matches names ignoring case, spaces and diacritics (đ → d)', () => {
    expect(matchUnit('doan phuong 5', units)?.code).toBe('P5');
    expect(matchUnit('  ĐOÀN   PHƯỜNG 5 ', units)?.code).toBe('P5');
    expect(matchUnit('chi doan benh vien quan 11', units)?.code).toBe('BV');
  });
  it('matches aliases the same way', () => {
    expect(matchUnit('p5', units)?.code).toBe('P5');
    expect(matchUnit('phuong nam', units)?.code).toBe('P5');
    expect(matchUnit('bv  q11', units)?.code).toBe('BV');
  });
  it('returns null for unknown or blank names', () => {
    expect(matchUnit('Phường 6', units)).toBeNull();
    expect(matchUnit('   ', units)).toBeNull();
  });
  it('a name beats another unit’s alias', () => {
    const tricky: Unit[] = [
      { code: 'A', name: 'Đoàn A', aliases: ['Đoàn B'], email: '' },
      { code: 'B', name: 'Đoàn B', aliases: [], email: '' },
    ];
    expect(matchUnit('doan b', tricky)?.code).toBe('B');
  });
  it('canonicalUnitName reports the roster spelling', () => {
    expect(canonicalUnitName('bv q11', units)).toBe('Chi đoàn Bệnh viện Quận 11');
    expect(canonicalUnitName(' Đội lạ ', units)).toBe('Đội lạ');
  });
  it('splitAliases splits on ";"', () => {
    expect(splitAliases('P5; Phường Năm ;')).toEqual(['P5', 'Phường Năm']);
  });
});
