// "Tính điểm": reads the whole contest, runs the engine, fills "Kết quả", "Tham gia" and each juror's Tổng.
import { runContest, type ContestOutput } from '../domain/contest';
import { missingMarks } from '../domain/jury';
import { formatScoreVi } from '../domain/parse';
import { UNSCORED_LABELS } from '../domain/scoring';
import type { ClipResult, UnscoredReason } from '../domain/types';
import { PARTICIPATION, PARTICIPATION_KEYS, participationRow } from '../sheets/participation';
import { RESULTS, RESULT_KEYS, resultRow } from '../sheets/results';
import { readSheet, replaceColumns, updateRows } from '../sheets/table';
import { readContest, type ContestRead } from '../sheets/workbook';
import { juryRowTotal } from './appraisal';
import { assertCanWrite, problemMessages, type FlowContext, type Summary } from './context';

export const SCORES_TITLE = 'Tính điểm';

/** Reads and computes; throws a ContestError (before any write) when the rules are invalid. */
export function computeContest(ctx: FlowContext): { read: ContestRead; output: ContestOutput } {
  ctx.progress?.('Đang đọc dữ liệu hội thi…');
  const read = readContest(ctx.spreadsheet);
  ctx.progress?.('Đang tính điểm…');
  return { read, output: runContest(read.input) };
}

/** "Tham gia" rewritten from the engine's participation rows. */
export function writeParticipation(ctx: FlowContext, output: ContestOutput): void {
  const table = readSheet(ctx.spreadsheet, PARTICIPATION);
  replaceColumns(table, PARTICIPATION_KEYS, output.participation.map(participationRow));
}

/** "Missing marks per juror" lines: "Nguyễn Văn An (GK1) chưa chấm 2 bài: HT-001, HT-007". */
export function missingMarkLines(read: ContestRead, results: ClipResult[]): string[] {
  // Only clips that could be scored count: late, failed or pending clips are not the jury's to mark.
  const blocked: UnscoredReason[] = ['late', 'appraisalFailed', 'appraisalPending'];
  const clips = results
    .filter((r) => !r.unscoredReasons.some((x) => blocked.includes(x)))
    .map((r) => ({ clipId: r.clipId, unit: r.unit }));
  const byCode = new Map(read.people.jurors.map((j) => [j.code, j]));
  return missingMarks(clips, read.people.jurors, read.input.juryMarks).map(({ jurorCode, clipIds }) => {
    const name = byCode.get(jurorCode)?.name ?? jurorCode;
    return `${name} (${jurorCode}) chưa chấm ${clipIds.length} bài: ${clipIds.join(', ')}`;
  });
}

/**
 * Computes every clip's score and writes "Kết quả" (scored clips by rank, then unscored with the
 * reason), "Tham gia", and Tổng in each juror's tab. Invalid settings (e.g. weights 50/60) stop it
 * before any sheet is written. The summary lists unscored clips, missing marks per juror and bad marks by cell.
 */
export function computeScores(ctx: FlowContext): Summary {
  const { read, output } = computeContest(ctx);
  const tabs = read.juryTabs.filter((t) => t.table).map((t) => t.table!.schema.name);
  assertCanWrite(ctx, SCORES_TITLE, [RESULTS.name, PARTICIPATION.name, ...tabs]);
  ctx.progress?.('Đang ghi kết quả…');
  const results = readSheet(ctx.spreadsheet, RESULTS);
  replaceColumns(results, RESULT_KEYS, output.results.map(resultRow));
  writeParticipation(ctx, output);
  for (const t of read.juryTabs) {
    if (!t.table) continue;
    const table = t.table;
    const updates = new Map<number, unknown[]>();
    for (const r of table.rows) {
      const total = juryRowTotal(table, r, read.rules.rubric);
      if (total !== (r.cells[table.col.total] ?? '')) updates.set(r.row, [total]);
    }
    updateRows(table, ['total'], updates);
  }

  const scored = output.results.filter((r) => r.scored);
  const unscored = output.results.filter((r) => !r.scored);
  const lines = [`Đã tính điểm ${scored.length}/${output.results.length} bài; kết quả ở trang "${RESULTS.name}".`];
  if (scored.length > 0) {
    const top = scored
      .slice(0, 3)
      .map((r) => `${r.rank}. ${r.clipId} – ${r.unit}: ${formatScoreVi(r.total!)}${r.unitKnown ? '' : ' (đơn vị không có trong danh sách – chưa xét giải)'}`);
    lines.push(...top);
  }
  const byReason = new Map<UnscoredReason, string[]>();
  for (const r of unscored) {
    const reason = r.unscoredReasons[0];
    byReason.set(reason, [...(byReason.get(reason) ?? []), r.clipId]);
  }
  for (const [reason, ids] of byReason) lines.push(`Chưa tính điểm – ${UNSCORED_LABELS[reason]} (${ids.length}): ${ids.join(', ')}`);
  const missing = missingMarkLines(read, output.results);
  if (missing.length > 0) lines.push('Điểm BGK còn thiếu:', ...missing);

  const warnings = [
    ...unknownUnitWarnings(output.results),
    ...problemMessages(read.markProblems),
    ...problemMessages([...output.problems, ...read.warnings]),
  ];
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
