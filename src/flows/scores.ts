// "Tính điểm": reads the whole contest, runs the engine, fills "Kết quả", "Tham gia" and each juror's Tổng.
import { runContest, type ContestOutput } from '../domain/contest';
import { formatScoreVi } from '../domain/parse';
import { UNSCORED_LABELS } from '../domain/scoring';
import type { ClipResult, JurorMark, UnscoredReason } from '../domain/types';
import { PARTICIPATION, PARTICIPATION_KEYS, participationRow } from '../sheets/participation';
import { RESULTS, RESULT_KEYS, resultRow } from '../sheets/results';
import { juryTotalCell } from '../sheets/juryTab';
import { readSheet, replaceColumns, updateRows } from '../sheets/table';
import { readContest, type ContestRead } from '../sheets/workbook';
import type { SheetLookup } from '../sheets/sheetIndex';
import { childLines } from './outline';
import { assertCanWrite, problemMessages, type ActionContext, type Summary } from './context';
import type { MenuAction } from './action';
import { assertNotFinal } from './finalise';
import { writeJuryProgress } from './juryProgress';
import { JURY_PROGRESS } from '../sheets/juryProgress';
import { CHART_SHEET, writeResultsChart } from './resultsChart';

export const SCORES_TITLE = 'Tính điểm';

/** Reads and computes; throws a ContestError (before any write) when the rules are invalid. */
export function computeContest(ctx: ActionContext): { read: ContestRead; output: ContestOutput } {
  ctx.progress?.('Đang đọc dữ liệu hội thi…');
  const read = readContest(ctx.spreadsheet);
  ctx.progress?.('Đang tính điểm…');
  return { read, output: runContest(read.input) };
}

/** "Tham gia" rewritten from the engine's participation rows (`sheets`: the read's index). */
export function writeParticipation(sheets: SheetLookup, output: ContestOutput): void {
  const table = readSheet(sheets, PARTICIPATION);
  replaceColumns(table, PARTICIPATION_KEYS, output.participation.map(participationRow));
}

/** "Missing marks per juror" lines, from the domain's progress: "Nguyễn Văn An (GK1) chưa chấm 2 bài: HT-001, HT-007". */
export function missingMarkLines(output: ContestOutput): string[] {
  // Only clips that reached the jury count (late, failed or pending clips are not the jury's to
  // mark); an unreadable mark counts as not marked, its cell named among the warnings.
  return output.jurorProgress
    .filter((p) => p.notMarked.length > 0)
    .map((p) => `${p.name || p.jurorCode} (${p.jurorCode}) chưa chấm ${p.notMarked.length} bài: ${p.notMarked.join(', ')}`);
}

/**
 * Clips that passed appraisal (and were accepted) but have no total because the jury has not marked
 * them fully or a mark is unreadable, from each clip's juror marks as the domain found them:
 * "HT-040 – Đoàn phường 15 (thiếu điểm của Trần Thị Bình – GK2)". Such a clip might deserve a prize,
 * so an award list built without it is not final.
 */
export function unscoredJuryClipLines(read: ContestRead, results: ClipResult[]): string[] {
  const label = (m: JurorMark) => `${m.name || m.jurorCode} – ${m.jurorCode}`;
  return results
    .filter((r) => r.reachedEngagement && !r.scored)
    .map((r) => {
      const marks = r.jurorMarks ?? [];
      const absent = marks.filter((m) => m.status === 'missing');
      // A juror whose row holds an unreadable mark has marked: "điểm không hợp lệ", not "thiếu điểm".
      const bad = marks.filter((m) => m.status === 'invalid');
      const details = [
        absent.length > 0 ? `thiếu điểm của ${absent.map(label).join(', ')}` : '',
        bad.length > 0 ? `điểm không hợp lệ của ${bad.map(label).join(', ')}` : '',
      ].filter((d) => d !== '');
      if (details.length === 0) {
        details.push(
          read.people.jurors.length === 0 ? 'chưa có giám khảo trong trang "Ban giám khảo"' : 'không có giám khảo nào được chấm (tất cả cùng đơn vị với bài)',
        );
      }
      return `${r.clipId}${r.unit ? ` – ${r.unit}` : ''} (${details.join('; ')})`;
    });
}

/**
 * Computes every clip's score and writes "Kết quả" (scored clips by rank, then unscored with the
 * reason), "Tham gia", and Tổng in each juror's tab. Invalid settings (e.g. weights 50/60) stop it
 * before any sheet is written. The summary lists unscored clips, missing marks per juror and bad marks by cell.
 */
export function computeScores(ctx: ActionContext): Summary {
  assertNotFinal(ctx, SCORES_TITLE);
  const { read, output } = computeContest(ctx);
  const tabs = read.juryTabs.filter((t) => t.table).map((t) => t.table!.schema.name);
  assertCanWrite(ctx, SCORES_TITLE, [RESULTS.name, PARTICIPATION.name, ...tabs, JURY_PROGRESS.name, CHART_SHEET], read.sheets);
  ctx.progress?.('Đang ghi kết quả…');
  const results = readSheet(read.sheets, RESULTS);
  replaceColumns(results, RESULT_KEYS, output.results.map(resultRow));
  writeParticipation(read.sheets, output);
  // Tổng from the totals the domain computed (never a second parse of the marks), row by row.
  const rowTotals = new Map(output.markTotals.filter((m) => m.row !== undefined).map((m) => [`${m.jurorCode}\u0000${m.row}`, m]));
  for (const t of read.juryTabs) {
    if (!t.table) continue;
    const table = t.table;
    const updates = new Map<number, unknown[]>();
    for (const r of table.rows) {
      const m = rowTotals.get(`${t.juror.code}\u0000${r.row}`);
      // A row without a clip ID is no mark row: its cell is left as it is.
      if (!m) continue;
      const shown = r.cells[table.col.total] ?? '';
      const total = juryTotalCell(shown, m.total, m.invalid);
      if (total !== shown) updates.set(r.row, [total]);
    }
    updateRows(table, ['total'], updates);
  }
  writeJuryProgress(ctx, output.jurorProgress, new Map(), read.sheets);
  writeResultsChart(ctx, output, read.sheets);

  const scored = output.results.filter((r) => r.scored);
  const unscored = output.results.filter((r) => !r.scored);
  const lines = [`Đã tính điểm ${scored.length}/${output.results.length} bài; kết quả ở trang "${RESULTS.name}".`];
  if (scored.length > 0) {
    const top = scored
      .slice(0, 3)
      .map((r) => `${r.rank}. ${r.clipId} – ${r.unit}: ${formatScoreVi(r.total!)}${r.unitKnown ? '' : ' (đơn vị không có trong danh sách – chưa xét giải)'}`);
    lines.push(...top);
  }
  // Nested (src/ui/outline.ts): one heading, one child line per reason / per juror.
  const byReason = new Map<UnscoredReason, string[]>();
  for (const r of unscored) {
    const reason = r.unscoredReasons[0];
    byReason.set(reason, [...(byReason.get(reason) ?? []), r.clipId]);
  }
  if (unscored.length > 0) {
    lines.push(
      `Chưa tính điểm ${unscored.length} bài:`,
      ...childLines([...byReason].map(([reason, ids]) => `${UNSCORED_LABELS[reason]} (${ids.length}): ${ids.join(', ')}`)),
    );
  }
  const missing = missingMarkLines(output);
  if (missing.length > 0) lines.push('Điểm BGK còn thiếu:', ...childLines(missing));

  const warnings = [...unknownUnitWarnings(output.results), ...problemMessages(read.markProblems), ...problemMessages([...output.problems, ...read.warnings])];
  return { title: SCORES_TITLE, lines, warnings };
}

/**
 * Warnings for clips whose unit is not in "Đơn vị": they keep their rank in "Kết quả" but are left out
 * of the awards until the organizer corrects "Đơn vị" in "Bài dự thi" (a roster name or alias). [] when none.
 * @example ['Chưa xét giải 1 bài vì đơn vị không có trong danh sách "Đơn vị": HT-027 – Đoàn phường 99 (hạng 1, 90,80 điểm). BTC …']
 */
export function unknownUnitWarnings(results: ClipResult[]): string[] {
  const outside = results.filter((r) => !r.unitKnown);
  if (outside.length === 0) return [];
  const items = outside.map((r) => {
    const unit = r.unit === '' ? '(chưa ghi đơn vị)' : r.unit;
    const standing = r.scored && r.total !== null ? `hạng ${r.rank}, ${formatScoreVi(r.total)} điểm` : 'chưa tính điểm';
    return `${r.clipId} – ${unit} (${standing})`;
  });
  return [
    `Chưa xét giải ${outside.length} bài vì đơn vị không có trong danh sách "Đơn vị": ${items.join('; ')}. ` +
      'BTC sửa cột "Đơn vị" ở trang "Bài dự thi" cho đúng tên hoặc tên gọi khác trong trang "Đơn vị" rồi tính lại.',
  ];
}

export const scoresAction: MenuAction = { title: SCORES_TITLE, finalNotice: false, run: computeScores };
