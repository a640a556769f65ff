// "Lập danh sách khen thưởng": fills "Giải thưởng" from the engine, with tie notes and unawarded prizes.
import { formatScoreVi } from '../domain/parse';
import { AWARDS, AWARD_KEYS, awardRow } from '../sheets/awards';
import { ContestError } from '../sheets/errors';
import { readSheet, replaceColumns } from '../sheets/table';
import { assertCanWrite, problemMessages, type FlowContext, type Summary } from './context';
import { computeContest, unknownUnitWarnings } from './scores';

export const AWARDS_TITLE = 'Lập danh sách khen thưởng';

/** Note on a row for a prize nobody could receive. */
export const UNAWARDED_NOTE = 'Không trao: không đủ đơn vị đủ điều kiện';

/**
 * Writes the award list: one row per award in prize order (a tie straddling a prize boundary lists
 * every tied unit with "Đồng điểm – BTC quyết định"), then one row per prize left unawarded. Clips of
 * units not in "Đơn vị" are not considered and are listed as a warning. Invalid settings or prize
 * tiers stop it before writing.
 */
export function buildAwardList(ctx: FlowContext): Summary {
  const { read, output } = computeContest(ctx);
  const prizeProblems = output.problems.filter((p) => p.code.startsWith('prize.'));
  if (prizeProblems.length > 0) throw new ContestError(prizeProblems);
  assertCanWrite(ctx, AWARDS_TITLE, [AWARDS.name]);
  const rows = output.awards.awards.map(awardRow);
  for (const u of output.awards.unawarded) {
    for (let k = 0; k < u.count; k++) {
      rows.push(AWARD_KEYS.map((key) => (key === 'prize' ? u.prize : key === 'note' ? UNAWARDED_NOTE : '')));
    }
  }
  replaceColumns(readSheet(ctx.spreadsheet, AWARDS), AWARD_KEYS, rows);

  const lines = output.awards.awards.map(
    (a) => `${a.prize}: ${a.unit} (${a.clipId}) – ${formatScoreVi(a.total)} điểm${a.tied ? ` – ${a.note}` : ''}`,
  );
  if (lines.length === 0) lines.push('Chưa có bài nào được tính điểm nên chưa có giải nào.');
  for (const u of output.awards.unawarded) lines.push(`${u.prize}: còn ${u.count} giải chưa trao (không đủ đơn vị đủ điều kiện).`);
  const tied = output.awards.awards.filter((a) => a.tied);
  const warnings = tied.length > 0 ? [`Có ${tied.length} đơn vị đồng điểm ở ranh giới giải: Ban tổ chức cần quyết định.`] : [];
  // Clips of units missing from the roster were ranked but not considered: the organizer must see why.
  warnings.push(...unknownUnitWarnings(output.results));
  warnings.push(...problemMessages([...read.markProblems, ...output.problems]));
  return { title: AWARDS_TITLE, lines, warnings };
}
