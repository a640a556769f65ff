// What the CLIs print about a computed contest: the JSON contract of `score --json` and the award/result tables.
import type { ContestOutput } from '../src/domain/contest';
import type { ClipResult } from '../src/domain/types';
import { AWARDS } from '../src/sheets/awards';
import { clip, renderTable, vnNumber } from './progress';

/**
 * One clip in `score --json`: the add-on's own numbers (same names, meanings and scales as
 * ClipResult, so the JSON cannot drift from what "Kết quả" shows), its id and the result note.
 */
export type ResultJson = Pick<
  ClipResult,
  'unit' | 'title' | 'juryAggregate' | 'juryPart' | 'engagementPoints' | 'countedPoints' | 'engagementPart' | 'total' | 'rank'
> & {
  id: string;
  note: string;
};

export interface AwardJson {
  prize: string;
  unit: string;
  id: string;
  title: string;
  total: number;
  reward: string;
  note: string;
}

export interface ParticipationJson {
  unit: string;
  submitted: number;
  passed: number;
  disqualified: number;
  quotaMet: boolean;
}

/** The one object `npm run score -- file.xlsx --json` prints. */
export interface ScoreJson {
  results: ResultJson[];
  awards: AwardJson[];
  participation: ParticipationJson[];
}

/** Builds the JSON from the engine's own output (numbers unrounded, exactly as the flows computed them). */
export function scoreJson(output: ContestOutput): ScoreJson {
  return {
    results: output.results.map((r) => ({
      id: r.clipId,
      unit: r.unit,
      title: r.title,
      juryAggregate: r.juryAggregate,
      juryPart: r.juryPart,
      engagementPoints: r.engagementPoints,
      countedPoints: r.countedPoints,
      engagementPart: r.engagementPart,
      total: r.total,
      rank: r.rank,
      note: r.note,
    })),
    awards: output.awards.awards.map((a) => ({
      prize: a.prize,
      unit: a.unit,
      id: a.clipId,
      title: a.title,
      total: a.total,
      reward: a.reward,
      note: a.note,
    })),
    participation: output.participation.map((p) => ({
      unit: p.unit,
      submitted: p.submitted,
      passed: p.passed,
      disqualified: p.disqualified,
      quotaMet: p.quotaMet,
    })),
  };
}

/** The award list as a table, then any prize left unawarded. */
export function awardTable(output: ContestOutput): string {
  const rows = output.awards.awards.map((a) => [a.prize, clip(a.unit, 42), a.clipId, clip(a.title, 44), vnNumber(a.total), a.reward, a.note]);
  // The columns of "Giải thưởng" except the authors, which would make the table too wide for a terminal.
  const headers = AWARDS.columns.filter((c) => c.key !== 'authors').map((c) => c.header);
  let text = renderTable(headers, rows, [false, false, false, false, true]);
  for (const u of output.awards.unawarded) text += `\n${u.prize}: còn ${u.count} giải chưa trao (không đủ đơn vị đủ điều kiện).`;
  if (output.awards.awards.length === 0) text += '\n(Chưa có bài nào được tính điểm nên chưa có giải nào.)';
  return text;
}

/** The best `limit` scored clips with their score breakdown. */
export function resultTable(output: ContestOutput, limit = 10): string {
  const rows = output.results
    .filter((r) => r.scored)
    .slice(0, limit)
    .map((r) => [
      String(r.rank ?? ''),
      r.clipId,
      clip(r.unit, 40),
      vnNumber(r.juryAggregate),
      vnNumber(r.juryPart),
      `${r.engagementPoints}`,
      `${r.countedPoints}`,
      vnNumber(r.engagementPart),
      vnNumber(r.total),
    ]);
  return renderTable(['Hạng', 'Mã bài', 'Đơn vị', 'Điểm BGK', 'BGK quy đổi', 'Điểm TT', 'TT tính', 'TT quy đổi', 'Tổng'], rows, [
    true,
    false,
    false,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
}
