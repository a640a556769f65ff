// `npm start`: runs a whole sample District 11 contest through the add-on's own code inside the emulator.
//
// Usage: npm start [-- --out-dir <dir>] [--json] [--seed <n>]
//   --out-dir  where hoithi-demo.xlsx goes (default out/, or $HOITHI_OUT_DIR)
//   --json     stdout gets exactly one JSON object (same shape as `npm run score -- --json`); the
//              award list and tables then go to stderr with the progress lines
//
// The clock is faked (only Date) so that every `new Date()` in the add-on reads the contest's own
// days, from setup in May 2023 to the awards on 19/06/2023; nothing waits.
import FakeTimers from '@sinonjs/fake-timers';
import { certificatesStep } from './demoCertificates';
import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import type { ContestOutput } from '../src/domain/contest';
import { parseA1, type Emulator } from '../packages/gas-emulator/src';
import { createContestEmulator } from '../test/sample/emulator';
import '../src/main';
import { appraisalStep, DemoStop, Driver, engagementStep, formStep, juryStep, resultsStep, setupStep, submissionsStep, type DemoRun } from './demoSteps';
import { chartImageStep, finaliseStep, juryProgressStep } from './demoJury';
import { buildSampleContest, vn } from '../test/sample/contest';
import { createProgress, renderTable } from './progress';
import { awardTable, resultTable, scoreJson } from './report';
import { saveEmulatorToXlsx } from './xlsx';

interface DemoOptions {
  outDir: string;
  json: boolean;
  seed: number;
}

function parseArgs(argv: string[]): DemoOptions {
  const options: DemoOptions = { outDir: process.env.HOITHI_OUT_DIR || 'out', json: false, seed: 11 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') options.json = true;
    else if (a === '--out-dir' && argv[i + 1]) options.outDir = argv[++i];
    else if (a === '--seed' && argv[i + 1] && /^\d+$/.test(argv[i + 1])) options.seed = Number(argv[++i]);
    else {
      process.stderr.write(`Không hiểu tham số "${a}". Cách dùng: npm start [-- --out-dir <thư mục>] [--json] [--seed <số>]\n`);
      process.exit(2);
    }
  }
  return options;
}

/** Builds the sample contest, runs every step in the emulator under the faked clock, writes the workbook and prints. */
async function runDemo(options: DemoOptions): Promise<void> {
  const sample = buildSampleContest(options.seed);
  const out = options.json ? process.stderr : process.stdout;
  const progress = createProgress(process.stderr);
  const clock = FakeTimers.install({ now: vn(2023, 5, 15, 8, 0), toFake: ['Date'] });
  const em = createContestEmulator({
    owner: sample.organizerEmail,
    spreadsheetName: 'Hội thi video clip Quận 11 – 2023',
    collaborators: [...sample.appraisers.map((a) => a.email), ...sample.jurors.map((j) => j.email)],
    seed: options.seed,
  });
  em.installGlobals();
  const run: DemoRun = { sample, em, d: new Driver(em, clock, progress), progress, outDir: options.outDir };
  let output: ContestOutput;
  try {
    setupStep(run);
    const form = formStep(run);
    const idOf = submissionsStep(run, form);
    appraisalStep(run, idOf);
    const conflicts = juryStep(run);
    juryProgressStep(run);
    engagementStep(run, idOf);
    output = resultsStep(run);
    finaliseStep(run);
    certificatesStep(run);
    progress.note(`Xung đột lợi ích: ${conflicts} bài được loại khỏi phiếu của giám khảo cùng đơn vị`);
  } finally {
    clock.uninstall();
  }

  // The workbook first: it is the main result, and a closed pipe on stdout must not cost it.
  const file = await writeWorkbook(em, options.outDir);
  progress.step('Đã ghi bảng tính', file);
  chartImageStep(run, output);
  printResults(out, output);
  if (options.json) process.stdout.write(`${JSON.stringify(scoreJson(output))}\n`);
}

/** out/hoithi-demo.xlsx with every sheet and the QR pictures; returns its absolute path. */
async function writeWorkbook(em: Emulator, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const file = resolve(join(outDir, 'hoithi-demo.xlsx'));
  await saveEmulatorToXlsx(em.spreadsheet, file, {
    images: (name) => {
      if (!em.spreadsheet.getSheetByName(name)) return [];
      return em.images(name).map((img) => {
        const anchor = parseA1(img.a1);
        return { row: anchor.startRow!, column: anchor.startCol!, bytes: img.bytes, contentType: img.contentType };
      });
    },
  });
  return file;
}

/** The award list, the top ten, a summary table and the unscored clips with their reasons. */
function printResults(out: NodeJS.WritableStream, output: ContestOutput): void {
  const scored = output.results.filter((r) => r.scored).length;
  const quotaMissed = output.participation.filter((p) => !p.quotaMet);
  out.write(`\nDANH SÁCH KHEN THƯỞNG\n${awardTable(output)}\n`);
  out.write(`\nXẾP HẠNG (10 bài đầu)\n${resultTable(output, 10)}\n`);
  const summary: [string, string][] = [
    ['Đơn vị trong danh sách', String(output.participation.filter((p) => p.inRoster).length)],
    ['Bài dự thi', String(output.results.length)],
    ['Bài đạt thẩm định và hợp lệ', String(output.participation.reduce((n, p) => n + p.passed, 0))],
    ['Bài bị loại (không đạt thẩm định / nộp trễ)', String(output.participation.reduce((n, p) => n + p.disqualified, 0))],
    ['Bài được tính điểm', String(scored)],
    ['Bài không được tính điểm', String(output.results.length - scored)],
    ['Đơn vị chưa đạt chỉ tiêu', `${quotaMissed.length}: ${quotaMissed.map((p) => p.unit).join(', ')}`],
  ];
  out.write(`\nTÓM TẮT\n${renderTable(['Mục', 'Số liệu'], summary)}\n`);
  const unscored = output.results.filter((r) => !r.scored);
  if (unscored.length > 0) {
    out.write(
      `\nBÀI KHÔNG ĐƯỢC TÍNH ĐIỂM\n${renderTable(
        ['Mã bài', 'Đơn vị', 'Lý do'],
        unscored.map((r) => [r.clipId, r.unit, r.note]),
      )}\n`,
    );
  }
}

// `npm start | head` closes stdout early: that is the reader's choice, not an error. The demo goes
// on (stdout writes are dropped) so the workbook is still written whole.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

runDemo(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
  if (e instanceof DemoStop) {
    process.stderr.write(`Demo dừng ở bước "${e.message}".\n`);
    process.exit(1);
  }
  process.stderr.write(`Lỗi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
