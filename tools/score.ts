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
import { existsSync, readFileSync } from 'fs';
import { contextOf, createContestEmulator } from '../test/sample/emulator';
import type { Problem } from '../src/domain/types';
import { awardsAction } from '../src/flows/awards';

import { computeContest, scoresAction } from '../src/flows/scores';
import { isContestError } from '../src/sheets/errors';
import { SHEET_ORDER } from '../src/sheets/workbook';
import { RESULTS } from '../src/sheets/results';
import { AWARDS } from '../src/sheets/awards';
import { PARTICIPATION } from '../src/sheets/participation';
import { AUDIT_LOG } from '../src/sheets/auditLog';
import { columnToLetters } from '../packages/gas-emulator/src/a1';
import { MSG } from '../src/ui/messages';
import { runMenuAction } from '../src/ui/runner';
import { outputFileProblem, resolveFromCaller, workbookFileProblem } from './inputFile';
import { createProgress } from './progress';
import { awardTable, resultTable, scoreJson } from './report';
import { loadWorkbookIntoEmulator, saveEmulatorToXlsx, type LoadReport } from './xlsx';

/** Who "Nhật ký" says ran the actions, and the emulator's account: plainly not a Google user. */
const OFFLINE_USER = 'hoithi (ngoại tuyến)';
const OFFLINE_EMAIL = 'hoithi-ngoai-tuyen@localhost';

const USAGE = 'Cách dùng: npm run score -- <bảng-tính.xlsx> [--out <tệp-kết-quả.xlsx>] [--json]';

interface ScoreOptions {
  input: string;
  out?: string;
  json: boolean;
}

/** A problem the user must fix: exit code 2 with these Vietnamese lines on stderr. */
class UserError extends Error {
  constructor(
    readonly heading: string,
    readonly lines: string[],
  ) {
    super(heading);
  }
}

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
 * "Trang …, dòng …, cột …: …". Most messages already name their place; the sheet is added only when
 * the message does not name it (e.g. 'Không tìm thấy trang "X"' stays as is), the row only when missing.
 */
function describe(p: Problem): string {
  if (!p.sheet) return p.message;
  const namesSheet = p.message.includes(`"${p.sheet}"`);
  const namesRow = !p.row || new RegExp(`dòng ${p.row}\\b`, 'i').test(p.message);
  if (namesSheet && namesRow) return p.message;
  const place = [p.row ? `dòng ${p.row}` : '', p.column && !p.message.includes(`"${p.column}"`) ? `cột "${p.column}"` : ''].filter(Boolean);
  if (namesSheet) return `${p.message} (${place.join(', ')})`;
  return `${[`Trang "${p.sheet}"`, ...place].join(', ')}: ${p.message}`;
}

async function score(options: ScoreOptions): Promise<void> {
  const progress = createProgress(process.stderr);
  // Relative paths are the caller's: `npm run score -- ../x.xlsx` typed in a subdirectory.
  const input = resolveFromCaller(options.input);
  if (!existsSync(input)) throw new UserError(`Không tìm thấy tệp "${options.input}" (đã tìm ở "${input}").`, [USAGE]);
  const fileProblem = await workbookFileProblem(input);
  if (fileProblem) throw new UserError(`Tệp "${options.input}" ${fileProblem}.`, [USAGE]);
  const out = options.out ? resolveFromCaller(options.out) : undefined;
  const outProblem = out ? outputFileProblem(out, input) : null;
  if (options.out && outProblem) throw new UserError(`Tệp kết quả (--out) "${options.out}" ${outProblem}.`, []);
  const before = sha256(input);

  const em = createContestEmulator({ owner: OFFLINE_EMAIL });
  em.installGlobals();
  let loaded: LoadReport;
  try {
    const report = await loadWorkbookIntoEmulator(input, em);
    loaded = report;
    progress.step('Đã đọc tệp', `${report.sheets.length} trang, ngày giờ theo múi giờ ${report.timeZone}`);
  } catch {
    // The file passed the checks above, so what is left is damage exceljs alone notices.
    throw new UserError(`Không đọc được "${options.input}" như một bảng tính .xlsx: tệp bị hỏng hoặc không đúng định dạng Excel.`, [
      'Hãy mở tệp trong Google Trang tính hoặc Excel, rồi tải xuống lại dưới dạng Microsoft Excel (.xlsx).',
    ]);
  }

  // A workbook with none of the contest's sheets is some other file, not a contest with sheets missing.
  const names = new Set(loaded.sheets.map((s) => s.name));
  if (!SHEET_ORDER.some((name) => names.has(name))) {
    const list = loaded.sheets.length > 0 ? `các trang trong tệp: ${loaded.sheets.map((s) => `"${s.name}"`).join(', ')}` : 'tệp không có trang nào';
    throw new UserError(
      `Tệp "${options.input}" không phải bảng tính hội thi: không có trang nào trong số ${SHEET_ORDER.map((n) => `"${n}"`).join(', ')} (${list}).`,
      [USAGE],
    );
  }

  // A formula saved without its value (a tool that does not calculate wrote the file) would read as a
  // blank mark, tick or count. The sheets the add-on rewrites from scratch do not matter.
  const rewritten = new Set([RESULTS.name, AWARDS.name, PARTICIPATION.name, AUDIT_LOG.name]);
  const unevaluated = loaded.unevaluated.filter((u) => !rewritten.has(u.sheet));
  if (unevaluated.length > 0) {
    throw new UserError(
      `Không tính được điểm: ${unevaluated.length} ô công thức trong "${options.input}" không có giá trị đã tính (tệp được lưu bởi một chương trình không tính công thức), nên không đọc được:`,
      [
        ...unevaluated
          .slice(0, 40)
          .map((u) => `Trang "${u.sheet}", dòng ${u.row}, cột "${u.header || columnToLetters(u.column)}": công thức "=${u.formula}" chưa được tính.`),
        ...(unevaluated.length > 40 ? [`… và ${unevaluated.length - 40} ô khác.`] : []),
        'Hãy mở tệp trong Google Trang tính hoặc Excel (để công thức được tính) rồi lưu lại, hoặc thay công thức bằng giá trị.',
      ],
    );
  }

  const ss = em.spreadsheet;
  const now = new Date();
  const ctx = contextOf(em, { spreadsheet: ss, user: OFFLINE_USER, now });
  // Everything is read and checked before any sheet is written: a bad mark or setting stops here.
  let computed: ReturnType<typeof computeContest>;
  try {
    computed = computeContest(ctx);
  } catch (e) {
    if (isContestError(e)) throw new UserError('Không tính được điểm vì bảng tính có lỗi:', e.problems.map(describe));
    throw e;
  }
  // Each problem's creator says whether its fallback changes a score ('changes-score'); those and
  // anything that would stop the action block here, 'info' is only shown.
  const all = [...computed.read.markProblems, ...computed.output.problems, ...computed.read.warnings];
  const blocking = all.filter((p) => p.severity !== 'info');
  if (blocking.length > 0) throw new UserError('Không tính được điểm vì bảng tính có lỗi:', blocking.map(describe));
  // Warnings are shown once, even when both actions' summaries repeat them.
  const shown = new Set<string>();
  const warn = (message: string): void => {
    if (shown.has(message)) return;
    shown.add(message);
    progress.warn(message);
  };
  for (const w of computed.read.warnings) {
    warn(describe(w));
    shown.add(w.message);
  }

  // The two menu actions, exactly as the menu runs them (summary dialog and "Nhật ký" line included).
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

  const output = computed.output;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(scoreJson(output))}\n`);
  } else {
    process.stdout.write(`DANH SÁCH KHEN THƯỞNG\n${awardTable(output)}\n\nXẾP HẠNG (10 bài đầu)\n${resultTable(output, 10)}\n`);
  }
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
