// Participation report (Tham gia): per unit, clips submitted, passed, disqualified and whether the quota is met.
import { idKey, normalizeName } from './parse';
import { isAccepted } from './scoring';
import { matchUnit } from './units';
import type { AppraisalOutcome, ParticipationRow, Settings, Submission, Unit } from './types';

/**
 * One row per roster unit, in roster order and including units that submitted nothing, then one
 * row per unknown unit name (as first typed, ordered by name) with inRoster=false.
 * passed = passed appraisal and accepted (on time, or late entries allowed); disqualified = failed
 * appraisal, or late when late entries are not accepted; clips still waiting for appraisal are
 * neither. quotaMet = passed ≥ the minimum of valid clips per unit, for roster units only: the quota
 * is the roster's, so a name outside it (or a blank unit, row unit '') never shows as meeting it.
 */
export function buildParticipation(units: Unit[], submissions: Submission[], appraisals: AppraisalOutcome[], settings: Settings): ParticipationRow[] {
  const status = new Map<string, AppraisalOutcome['status']>();
  for (const a of appraisals) {
    const key = idKey(a.clipId);
    if (!status.has(key)) status.set(key, a.status);
  }
  const rows = new Map<string, ParticipationRow>();
  for (const u of units) {
    const key = normalizeName(u.name);
    if (!rows.has(key)) rows.set(key, { unit: u.name, submitted: 0, passed: 0, disqualified: 0, quotaMet: false, inRoster: true });
  }
  const unknown = new Map<string, ParticipationRow>();
  for (const s of submissions) {
    const matched = matchUnit(s.unit, units);
    const key = normalizeName(matched ? matched.name : s.unit);
    let row = matched ? rows.get(key) : unknown.get(key);
    if (!row) {
      row = { unit: String(s.unit ?? '').trim(), submitted: 0, passed: 0, disqualified: 0, quotaMet: false, inRoster: false };
      unknown.set(key, row);
    }
    row.submitted++;
    const st = status.get(idKey(s.id)) ?? 'pending';
    const accepted = isAccepted(s, settings);
    if (st === 'failed' || !accepted) row.disqualified++;
    else if (st === 'passed') row.passed++;
  }
  const extra = [...unknown.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  const all = [...rows.values(), ...extra];
  for (const r of all) r.quotaMet = r.inRoster && r.passed >= settings.minValidClipsPerUnit;
  return all;
}
