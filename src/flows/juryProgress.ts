// "Tiến độ chấm": one row per juror in the sheet of that name (refreshed by "Tính điểm" too), and a summary of each juror's missing clips.
import type { ContestOutput } from '../domain/contest';
import { runContest } from '../domain/contest';
import type { JurorProgress } from '../domain/progress';
import { JURY_PROGRESS, JURY_PROGRESS_KEYS, invalidClips, juryProgressRow, lastReminders, type JuryProgressKey } from '../sheets/juryProgress';
import { ensureSheet } from '../sheets/layout';
import { SheetIndex } from '../sheets/sheetIndex';
import { readTable, replaceColumns, type Table } from '../sheets/table';
import { readContest } from '../sheets/workbook';
import type { MenuAction } from './action';
import { assertCanWrite, problemMessages, type ActionContext, type Summary } from './context';
import { childLines } from './outline';
import { layoutContext } from './setup';

export const JURY_PROGRESS_TITLE = 'Tiến độ chấm';

/** What writeJuryProgress wrote: the last reminder of every juror code (upper case), and the table it rewrote (null when it created the sheet). */
export interface JuryProgressWrite {
  last: Map<string, Date>;
  table: Table<JuryProgressKey> | null;
}

/**
 * Rewrites "Tiến độ chấm" from the domain's progress (creating the sheet, protected to organizers, the
 * first time). "Nhắc lần cuối" is kept from the sheet by juror code; `reminded` overrides it for the
 * jurors just reminded. Returns the last reminder of every juror code (upper case) after the write.
 * `sheets`: the action's index, when it has one.
 */
export function writeJuryProgress(
  ctx: ActionContext,
  progress: JurorProgress[],
  reminded: Map<string, Date> = new Map(),
  sheets: SheetIndex = new SheetIndex(ctx.spreadsheet),
): JuryProgressWrite {
  const existing = sheets.getSheetByName(JURY_PROGRESS.name);
  const table = existing ? readTable(existing, JURY_PROGRESS) : null;
  const last = table ? lastReminders(table) : new Map<string, Date>();
  for (const [code, at] of reminded) last.set(code.toUpperCase(), at);
  const rows = progress.map((p) => juryProgressRow(p, last.get(p.jurorCode.toUpperCase()) ?? ''));
  if (table) replaceColumns(table, JURY_PROGRESS_KEYS, rows);
  else {
    // A new sheet takes the rows as its seed, written under the headers once its formats are set: no read, no second write.
    const seed = rows.map((r) => Object.fromEntries(JURY_PROGRESS_KEYS.map((k, i) => [k, r[i]])) as Record<JuryProgressKey, unknown>);
    ensureSheet(layoutContext(ctx, sheets), JURY_PROGRESS, { seed });
  }
  return { last, table };
}

/**
 * After `written` (the same `progress`, earlier in the action): records `reminded` in "Nhắc lần cuối"
 * with one write of that column alone, the sheet neither read nor rewritten again. A sheet `written`
 * created is rewritten whole instead (once per contest).
 */
export function writeReminders(
  ctx: ActionContext,
  progress: JurorProgress[],
  written: JuryProgressWrite,
  reminded: Map<string, Date>,
  sheets: SheetIndex,
): void {
  if (!written.table) {
    writeJuryProgress(ctx, progress, reminded, sheets);
    return;
  }
  const last = new Map(written.last);
  for (const [code, at] of reminded) last.set(code.toUpperCase(), at);
  replaceColumns(
    written.table,
    ['reminded'],
    progress.map((p) => [last.get(p.jurorCode.toUpperCase()) ?? '']),
  );
}

/** "Đoàn phường 3 – HT-003 (Trang "BGK - An", dòng 4, cột "Điểm")" style list of a juror's unreadable cells. */
function invalidText(p: JurorProgress): string {
  return invalidClips(p)
    .map((id) => {
      const cells = p.invalid.filter((m) => m.clipId === id).map((m) => `trang "${m.sheet}", dòng ${m.row}, cột "${m.column}"`);
      return `${id} (${cells.join('; ')})`;
    })
    .join(', ');
}

/**
 * One line per juror: "Nguyễn Văn An (GK1): đã chấm 10/12 bài; còn thiếu 2 bài: HT-001, HT-007" (plus
 * the clips with unreadable marks, and the conflict-of-interest count), or "… đã chấm đủ 12/12 bài".
 */
export function progressLine(p: JurorProgress): string {
  const who = `${p.name || p.jurorCode} (${p.jurorCode})`;
  const conflicts = p.conflicts > 0 ? ` (${p.conflicts} bài cùng đơn vị không chấm)` : '';
  if (p.notMarked.length === 0) return `${who}: đã chấm đủ ${p.marked}/${p.toMark} bài${conflicts}`;
  const parts = [`${who}: đã chấm ${p.marked}/${p.toMark} bài${conflicts}`];
  if (p.missing.length > 0) parts.push(`còn thiếu ${p.missing.length} bài: ${p.missing.join(', ')}`);
  if (p.invalid.length > 0) parts.push(`điểm không hợp lệ ${invalidClips(p).length} bài: ${invalidText(p)}`);
  return parts.join('; ');
}

/** The menu action: refreshes "Tiến độ chấm" and lists, per juror, the clips still to mark. */
export function juryProgressReport(ctx: ActionContext): Summary {
  const read = readContest(ctx.spreadsheet);
  const output: ContestOutput = runContest(read.input);
  assertCanWrite(ctx, JURY_PROGRESS_TITLE, [JURY_PROGRESS.name], read.sheets);
  writeJuryProgress(ctx, output.jurorProgress, new Map(), read.sheets);
  const behind = output.jurorProgress.filter((p) => p.notMarked.length > 0);
  const lines = [
    behind.length === 0
      ? `Cả ${output.jurorProgress.length} giám khảo đã chấm đủ; trang "${JURY_PROGRESS.name}" đã cập nhật.`
      : `${behind.length}/${output.jurorProgress.length} giám khảo còn bài chưa chấm; chi tiết ở trang "${JURY_PROGRESS.name}":`,
    ...childLines(output.jurorProgress.map(progressLine), 50),
  ];
  if (output.jurorProgress.length === 0) lines.push('Trang "Ban giám khảo" chưa có giám khảo nào.');
  return { title: JURY_PROGRESS_TITLE, lines, warnings: problemMessages(read.markProblems) };
}

export const juryProgressAction: MenuAction = { title: JURY_PROGRESS_TITLE, run: juryProgressReport };
