// "Lập danh sách khen thưởng": fills "Giải thưởng" from the engine, with tie notes and unawarded prizes.
import { formatScoreVi } from '../domain/parse';
import { AWARDS, AWARD_KEYS, awardRow } from '../sheets/awards';
import { ContestError } from '../sheets/errors';
import { readSheet, replaceColumns } from '../sheets/table';
import { assertCanWrite, problemMessages, type ActionContext, type Summary } from './context';
import { childLines } from './outline';
import { computeContest, unknownUnitWarnings, unscoredJuryClipLines } from './scores';
import type { MenuAction } from './action';
import { assertNotFinal } from './finalise';

export const AWARDS_TITLE = 'Lập danh sách khen thưởng';

/** Note on a row for a prize nobody could receive. */
export const UNAWARDED_NOTE = 'Không trao: không đủ đơn vị đủ điều kiện';

/**
 * First line of the summary (and so of its "Nhật ký" line) when passed clips are still unscored
 * because of the jury: the list is built anyway — the organizer may decide — but is not final.
 */
export function provisionalHeading(count: number): string {
  return (
    `⚠ Danh sách CHƯA CHỐT: ${count} bài đạt thẩm định chưa được tính điểm vì BGK chưa chấm đủ / điểm không hợp lệ; ` +
    'các bài này có thể đạt giải. Hãy bổ sung hoặc sửa điểm rồi chạy lại "Lập danh sách khen thưởng":'
  );
}

/**
 * Writes the award list: one row per award in prize order (a tie straddling a prize boundary lists
 * every tied unit with "Đồng điểm – BTC quyết định"), then one row per prize left unawarded. Clips of
 * units not in "Đơn vị" are not considered and are listed as a warning. Passed clips the jury has
 * not fully (or validly) marked come first in the summary, as a "not final" warning naming the clip
 * and the juror. Invalid settings or prize tiers stop it before writing.
 */
export function buildAwardList(ctx: ActionContext): Summary {
  assertNotFinal(ctx, AWARDS_TITLE);
  const { read, output } = computeContest(ctx);
  const prizeProblems = output.problems.filter((p) => p.code.startsWith('prize.'));
  if (prizeProblems.length > 0) throw new ContestError(prizeProblems);
  assertCanWrite(ctx, AWARDS_TITLE, [AWARDS.name], read.sheets);
  const rows = output.awards.awards.map(awardRow);
  for (const u of output.awards.unawarded) {
    for (let k = 0; k < u.count; k++) {
      rows.push(AWARD_KEYS.map((key) => (key === 'prize' ? u.prize : key === 'note' ? UNAWARDED_NOTE : '')));
    }
  }
  // An optional column ("Giấy khen (PDF)") missing from an older sheet is simply not written.
  const table = readSheet(read.sheets, AWARDS);
  const keys = AWARD_KEYS.filter((k) => table.col[k] >= 0);
  replaceColumns(
    table,
    keys,
    rows.map((r) => keys.map((k) => r[AWARD_KEYS.indexOf(k)])),
  );

  const lines = output.awards.awards.map((a) => `${a.prize}: ${a.unit} (${a.clipId}) – ${formatScoreVi(a.total)} điểm${a.tied ? ` – ${a.note}` : ''}`);
  if (lines.length === 0) lines.push('Chưa có bài nào được tính điểm nên chưa có giải nào.');
  const waiting = unscoredJuryClipLines(read, output.results);
  if (waiting.length > 0) lines.unshift(provisionalHeading(waiting.length), ...childLines(waiting));
  for (const u of output.awards.unawarded) lines.push(`${u.prize}: còn ${u.count} giải chưa trao (không đủ đơn vị đủ điều kiện).`);
  const tied = output.awards.awards.filter((a) => a.tied);
  const warnings = tied.length > 0 ? [`Có ${tied.length} đơn vị đồng điểm ở ranh giới giải: Ban tổ chức cần quyết định.`] : [];
  // Clips of units missing from the roster were ranked but not considered: the organizer must see why.
  warnings.push(...unknownUnitWarnings(output.results));
  warnings.push(...problemMessages([...read.markProblems, ...output.problems]));
  return { title: AWARDS_TITLE, lines, warnings };
}

export const awardsAction: MenuAction = { title: AWARDS_TITLE, finalNotice: false, run: buildAwardList };
