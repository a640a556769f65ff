// Matching what people type as a unit name against the roster's names and aliases.
import { normalizeName } from './parse';
import type { Unit } from './types';

/**
 * The roster unit whose name or one of whose aliases equals `text`, ignoring case, extra spaces
 * and Vietnamese diacritics (đ → d included). Names win over aliases so that an alias that happens
 * to equal another unit's name cannot steal its submissions. Null when nothing matches.
 * @example matchUnit('doan  phuong 5', [{ name: 'Đoàn Phường 5', ... }]) → that unit
 */
export function matchUnit(text: string, units: Unit[]): Unit | null {
  const key = normalizeName(text ?? '');
  if (key === '') return null;
  for (const u of units) if (normalizeName(u.name) === key) return u;
  for (const u of units) {
    for (const alias of u.aliases) if (normalizeName(alias) === key) return u;
  }
  return null;
}

/** The roster spelling of a unit name when it matches, otherwise the text as typed (trimmed). */
export function canonicalUnitName(text: string, units: Unit[]): string {
  const u = matchUnit(text, units);
  return u ? u.name : String(text ?? '').trim();
}

/** Aliases cell ("A; B ;C") → ["A", "B", "C"]. */
export function splitAliases(cell: string): string[] {
  return String(cell ?? '')
    .split(/[;\n]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}
