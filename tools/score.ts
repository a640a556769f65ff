// `npm run score -- <workbook.xlsx> [--out <file.xlsx>] [--json]`: re-scores a downloaded contest workbook offline.
//
// The workbook is loaded into the emulator and the add-on's own "Tính điểm" and "Lập danh sách khen
// thưởng" run on it. Exit codes: 0 done; 2 the workbook (or the command line) has a problem the
// organizer must fix — missing sheet or header, a bad mark, invalid settings — listed on stderr in
// Vietnamese with sheet, row and column; 1 anything unexpected. The input file is only ever read.
// Problems the add-on only warns about in Google but that would change a clip's score here (a count
// read as 0, a share-log row left out, a submission time that decides lateness) also exit 2: a
// re-check must not print totals that differ from what the organizer typed.
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { contextOf, createContestEmulator } from '../test/sample/emulator';
import type { ActionContext } from '../src/flows/context';
import type { ContestOutput } from '../src/domain/contest';
import { awardsAction } from '../src/flows/awards';
import { computeContest, scoresAction } from '../src/flows/scores';
import { isContestError } from '../src/sheets/errors';
import { MSG } from '../src/ui/messages';
import { runMenuAction } from '../src/ui/runner';
import { createProgress, type Progress } from './progress';
import { awardTable, resultTable, scoreJson } from './report';
import { USAGE, UserError, describe } from './scoreErrors';
import { checkContestWorkbook, checkedPaths, readWorkbook } from './scoreWorkbook';
import { saveEmulatorToXlsx } from './xlsx';

/** Who "Nhật ký" says ran the actions, and the emulator's account: plainly not a Google user. */
const OFFLINE_USER = 'hoithi (ngoại tuyến)';
const OFFLINE_EMAIL = 'hoithi-ngoai-tuyen@localhost';

interface ScoreOptions {
  input: string;
  out?: string;
  json: boolean;
}

/** Shows a warning once, even when both actions' summaries repeat it; `alias` (the raw message) is then shown no more either. */
type Warn = (message: string, alias?: string) => void;

function parseArgs(argv: string[]): ScoreOptions {
  let input: string | undefined;
  let out: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--out') {
      out = argv[++i];
      if (!out) throw new UserError('Thiếu tên tệp sau "--out".', [USAGE]);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) throw new UserError(`Không hiểu tùy chọn "${a}".`, [USAGE]);
    else if (input === undefined) input = a;
    else throw new UserError(`Chỉ nhận một tệp đầu vào (thừa "${a}").`, [USAGE]);
  }
  if (!input) throw new UserError('Chưa chọn tệp bảng tính (.xlsx) để tính điểm.', [USAGE]);
  return { input, out, json };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The contest computed from the sheets, everything read and checked before any sheet is written: a bad
 * mark or setting stops here. Each problem's creator says whether its fallback changes a score
 * ('changes-score'); those and anything that would stop the action block here, 'info' is only shown.
 */
function computeOrStop(ctx: ActionContext): ReturnType<typeof computeContest> {
  let computed: ReturnType<typeof computeContest>;
  try {
    computed = computeContest(ctx);
  } catch (e) {
    if (isContestError(e)) throw new UserError('Không tính được điểm vì bảng tính có lỗi:', e.problems.map(describe));
    throw e;
  }
  const all = [...computed.read.markProblems, ...computed.output.problems, ...computed.read.warnings];
  const blocking = all.filter((p) => p.severity !== 'info');
  if (blocking.length > 0) throw new UserError('Không tính được điểm vì bảng tính có lỗi:', blocking.map(describe));
  return computed;
}

function warnOnce(progress: Progress): Warn {
  const shown = new Set<string>();
  return (message, alias) => {
    if (!shown.has(message)) {
      shown.add(message);
      progress.warn(message);
    }
    if (alias !== undefined) shown.add(alias);
  };
}

/** The two menu actions, exactly as the menu runs them (summary dialog and "Nhật ký" line included). */
function runActions(ctx: ActionContext, progress: Progress, warn: Warn): void {
  for (const action of [scoresAction, awardsAction]) {
    const { title } = action;
    const summary = runMenuAction(ctx, action, undefined);
    if (summary.title.endsWith(MSG.errorTitle)) {
      throw new UserError(
        `"${title}" không thực hiện được:`,
        [...summary.lines.slice(1), ...summary.warnings].filter((l) => l !== MSG.errorOutro),
      );
    }
    // The whole summary, as the dialog shows it: unscored clips by reason, missing marks per juror, warnings.
    progress.step(title, summary.lines[0] ?? '');
    for (const line of summary.lines.slice(1)) progress.note(line);
    for (const w of summary.warnings) warn(w);
  }
}

function printResults(output: ContestOutput, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(scoreJson(output))}\n`);
  } else {
    process.stdout.write(`DANH SÁCH KHEN THƯỞNG\n${awardTable(output)}\n\nXẾP HẠNG (10 bài đầu)\n${resultTable(output, 10)}\n`);
  }
}

async function score(options: ScoreOptions): Promise<void> {
  const progress = createProgress(process.stderr);
  const { input, out } = await checkedPaths(options);
  const before = sha256(input);

  const em = createContestEmulator({ owner: OFFLINE_EMAIL });
  em.installGlobals();
  const loaded = await readWorkbook(input, options.input, em);
  progress.step('Đã đọc tệp', `${loaded.sheets.length} trang, ngày giờ theo múi giờ ${loaded.timeZone}`);
  checkContestWorkbook(loaded, options.input);

  const ss = em.spreadsheet;
  const ctx = contextOf(em, { spreadsheet: ss, user: OFFLINE_USER, now: new Date() });
  const computed = computeOrStop(ctx);
  const warn = warnOnce(progress);
  for (const w of computed.read.warnings) warn(describe(w), w.message);
  runActions(ctx, progress, warn);

  printResults(computed.output, options.json);
  if (out) {
    await saveEmulatorToXlsx(ss, out);
    progress.step('Đã ghi bảng tính kết quả', out);
  }
  if (sha256(input) !== before) throw new Error(`Tệp đầu vào "${options.input}" đã bị thay đổi trong khi tính điểm.`);
}

async function main(): Promise<void> {
  try {
    await score(parseArgs(process.argv.slice(2)));
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`${e.heading}\n${e.lines.map((l) => `  - ${l}`).join('\n')}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`Lỗi ngoài dự kiến: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}

void main();
