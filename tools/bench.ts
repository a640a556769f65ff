// Benchmark: service calls and in-process time per menu action for 50, 500 and 5,000 submissions with 10 jurors (and the form intake),
// then the scale check: 1,000 and 10,000 submissions with 20 jurors, time per submission compared.
// Every contest is the sample contest scaled (test/sample/scaledContest.ts), written by the sample's seeding writer.
// Usage: npm run bench [-- --json]
import { performance } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { contextOf, createContestEmulator } from '../test/sample/emulator';
import { formAnswers } from '../test/sample/form';
import { sampleUnits, withoutJurorUnits } from '../test/sample/contest';
import { scaleSampleContest, type ScaledContest } from '../test/sample/scaledContest';
import { writeAppraisal, writeEngagement, writeMarks, writeRoster, writeSubmissions, type SeedSubmission } from '../test/sample/seedWorkbook';
import { updateAppraisal } from '../src/flows/appraisal';
import { openAuditLog } from '../src/flows/auditLog';
import { buildAwardList } from '../src/flows/awards';
import type { ActionContext, Summary } from '../src/flows/context';
import { prepareJuryTabs } from '../src/flows/juryTabs';
import { participationReport } from '../src/flows/participation';
import { computeScores } from '../src/flows/scores';
import { setupContest } from '../src/flows/setup';
import { handleFormSubmit } from '../src/flows/intake';
import { responseRowKey } from '../src/forms/response';
import { RESPONSE_ID_HEADER } from '../src/sheets/submissions';
import { createOrLinkForm } from '../src/flows/createForm';
import { syncSubmissions } from '../src/flows/syncSubmissions';
import { benchTriggerRuntime, describeTriggerRuntime } from './benchRuntime';

const SIZES = [50, 500, 5000];
const JURORS = 10;

interface Row {
  action: string;
  rows: number;
  calls: number;
  ms: number;
  cpuMs?: number;
}

type Emu = ReturnType<typeof createContestEmulator>;

/**
 * Runs `flow` `reps` times (an action that can run again on the same sheets) and keeps the best
 * time: a garbage collection or JIT tier-up landing in one run does not decide the figure. `ms` is
 * wall time; `cpuMs` is this process's CPU time (user + system), which other programs on a busy
 * machine do not inflate, so the scale ratio is computed from it.
 */
function measure(emu: Emu, ctx: ActionContext, action: string, rows: number, flow: (c: ActionContext) => Summary, out: Row[], reps = 1): void {
  let ms = Infinity;
  let cpuMs = Infinity;
  let calls = 0;
  for (let i = 0; i < reps; i++) {
    emu.calls.reset();
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    flow(ctx);
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
    calls = emu.calls.total();
  }
  out.push({ action, rows, calls, ms: Math.round(ms * 10) / 10, cpuMs: Math.round(cpuMs * 10) / 10 });
}

// A full collection before each timed run, so garbage left by the previous run (or the previous,
// smaller contest) is not charged to this one. `gc` is exposed at run time: no node flag needed.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The actions the scale check compares (each can run again on the same sheets). */
const SCALE_ACTIONS = ['Chuẩn bị phiếu chấm BGK (chạy lại)', 'Tính điểm', 'Lập danh sách khen thưởng'];

function benchSize(n: number, out: Row[], jurors = JURORS, reps = 1): void {
  // GK4's own school's clips would add conflict rows to paint: the workload stays every juror × every clip.
  const contest = withoutJurorUnits(scaleSampleContest({ entries: n, jurors }));
  const owner = contest.organizerEmail;
  const emu = createContestEmulator({ owner, user: owner });
  const now = new Date('2023-06-20T09:00:00+07:00');
  emu.setNow(now);
  const ctx = contextOf(emu, { user: owner, now });
  measure(emu, ctx, 'Thiết lập hội thi (lần đầu)', n, setupContest, out);
  writeRoster(emu, contest);
  writeSubmissions(emu, contest);
  measure(emu, ctx, 'Cập nhật thẩm định (thêm dòng)', n, updateAppraisal, out);
  writeAppraisal(emu, contest);
  measure(emu, ctx, 'Cập nhật thẩm định (chấm kết quả)', n, updateAppraisal, out);
  measure(emu, ctx, 'Chuẩn bị phiếu chấm BGK (lần đầu)', n, prepareJuryTabs, out);
  writeMarks(emu, contest);
  writeEngagement(emu, contest);
  measure(emu, ctx, 'Chuẩn bị phiếu chấm BGK (chạy lại)', n, prepareJuryTabs, out, reps);
  measure(emu, ctx, 'Tính điểm', n, computeScores, out, reps);
  measure(emu, ctx, 'Lập danh sách khen thưởng', n, buildAwardList, out, reps);
  if (reps > 1) return; // the scale check needs only the three actions above
  measure(emu, ctx, 'Báo cáo tham gia', n, participationReport, out);
  measure(emu, ctx, 'Thiết lập hội thi (chạy lại)', n, setupContest, out);
  measure(emu, ctx, 'Nhật ký thao tác', n, openAuditLog, out);
}

/** A contest with the sample's roster and the form, before the deadline. */
function formContest(contest: ScaledContest): { emu: Emu; form: GoogleAppsScript.Forms.Form } {
  const emu = createContestEmulator({ owner: contest.organizerEmail, user: contest.organizerEmail });
  emu.setNow(new Date('2023-06-01T09:00:00+07:00'));
  setupContest(contextOf(emu));
  writeRoster(emu, { units: contest.units, jurors: [] });
  return { emu, form: createOrLinkForm(contextOf(emu)).form };
}

/** "Bài dự thi" rows as the intake writes them, with Google's response id (the column is added first), one setValues. */
function submissionRows(emu: Emu, rows: SeedSubmission[]): void {
  const s = emu.spreadsheet.getSheetByName('Bài dự thi')!;
  s.getRange(1, s.getLastColumn() + 1).setValue(RESPONSE_ID_HEADER);
  writeSubmissions(emu, { submissions: rows });
}

/**
 * One onFormSubmit execution when "Bài dự thi" already holds n rows written by earlier submissions
 * (so the response-id column exists), measured from the trigger's start: getDocumentLock included.
 */
function benchSubmit(n: number, out: Row[]): void {
  const contest = scaleSampleContest({ entries: n + 1, jurors: 0 });
  const { emu, form } = formContest(contest);
  submissionRows(
    emu,
    contest.submissions.slice(0, n).map((s, i) => ({ ...s, responseId: `earlier-${i + 1}` })),
  );
  const response = emu.submitForm(form, formAnswers(contest.submissions[n]), undefined, { fireTriggers: false });
  const event = emu.submitEvent(response);
  emu.calls.reset();
  const t0 = performance.now();
  const { outcome } = handleFormSubmit(contextOf(emu), event);
  const ms = performance.now() - t0;
  if (outcome.kind !== 'added') throw new Error(`bench: submission not added (${outcome.kind})`);
  out.push({ action: 'Nhận bài (onFormSubmit, 1 bài)', rows: n, calls: emu.calls.total(), ms: Math.round(ms * 10) / 10 });
}

/** "Đồng bộ bài dự thi" with n responses of which 5 (spread out) never reached "Bài dự thi". */
function benchSync(n: number, out: Row[]): void {
  const contest = scaleSampleContest({ entries: n, jurors: 0 });
  const { emu, form } = formContest(contest);
  const missing = new Set([1, 2, 3, 4, 5].map((i) => Math.ceil((i * n) / 6) - 1));
  const present: SeedSubmission[] = [];
  contest.submissions.forEach((s, k) => {
    const r = emu.submitForm(form, formAnswers(s), undefined, { fireTriggers: false });
    // The key the intake gives a response: its response-sheet row's (the sheet has no response id).
    if (!missing.has(k)) present.push({ ...s, responseId: responseRowKey(emu.submitEvent(r).range.getValues()[0]) });
  });
  submissionRows(emu, present);
  emu.calls.reset();
  const t0 = performance.now();
  const result = syncSubmissions(contextOf(emu));
  const ms = performance.now() - t0;
  if (result.added !== missing.size) throw new Error(`bench: sync added ${result.added}, expected ${missing.size}`);
  out.push({ action: 'Đồng bộ bài dự thi (thiếu 5 bài)', rows: n, calls: emu.calls.total(), ms: Math.round(ms * 10) / 10 });
}

const SCALE_SMALL = 1000;
const SCALE_LARGE = 10000;
const SCALE_JURORS = 20;
const SCALE_REPS = 3;
/** More runs of the small size: its times are short, so one hiccup weighs more. */
const SCALE_REPS_SMALL = 5;
/** Time per submission at 10,000 may be at most this multiple of the time per submission at 1,000. */
const SCALE_LIMIT = 1.2;

interface ScaleRow {
  action: string;
  calls: number;
  msSmall: number;
  msLarge: number;
  cpuSmall: number;
  cpuLarge: number;
  /** (ms per submission at 10,000) / (ms per submission at 1,000): 1.0 is linear. */
  ratio: number;
}

/** 1,000 then 10,000 submissions × 20 jurors in one process, after a discarded 1,000 run that warms the JIT up. */
function benchScale(): ScaleRow[] {
  benchSize(SCALE_SMALL, [], SCALE_JURORS, SCALE_REPS);
  const small: Row[] = [];
  const large: Row[] = [];
  benchSize(SCALE_SMALL, small, SCALE_JURORS, SCALE_REPS_SMALL);
  benchSize(SCALE_LARGE, large, SCALE_JURORS, SCALE_REPS);
  return SCALE_ACTIONS.map((action) => {
    const a = small.find((r) => r.action === action)!;
    const b = large.find((r) => r.action === action)!;
    const ratio = b.cpuMs! / SCALE_LARGE / (a.cpuMs! / SCALE_SMALL);
    return { action, calls: b.calls, msSmall: a.ms, msLarge: b.ms, cpuSmall: a.cpuMs!, cpuLarge: b.cpuMs!, ratio: Math.round(ratio * 100) / 100 };
  });
}

/** The JSON array of `--json`: the per-size rows, then each scale action at 1,000 and 10,000. */
function printJson(out: Row[], scale: ScaleRow[]): void {
  const scaleRows = scale.flatMap((r) => [
    { action: r.action, rows: SCALE_SMALL, jurors: SCALE_JURORS, calls: r.calls, ms: r.msSmall, cpuMs: r.cpuSmall },
    { action: r.action, rows: SCALE_LARGE, jurors: SCALE_JURORS, calls: r.calls, ms: r.msLarge, cpuMs: r.cpuLarge, ratio: r.ratio },
  ]);
  process.stdout.write(`${JSON.stringify(out.concat(scaleRows as Row[]))}\n`);
}

/** A Markdown table, columns padded (the first to the left, the others to the right). */
function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

/** Calls and ms of every action at each size. */
function printSizes(out: Row[]): void {
  const actions = [...new Set(out.map((r) => r.action))];
  const header = ['Thao tác', ...SIZES.map((n) => `${n} bài: lệnh gọi`), ...SIZES.map((n) => `${n} bài: ms`)];
  const lines = actions.map((a) => [
    a,
    ...SIZES.map((n) => String(out.find((r) => r.action === a && r.rows === n)!.calls)),
    ...SIZES.map((n) => out.find((r) => r.action === a && r.rows === n)!.ms.toFixed(1)),
  ]);
  console.log(`${JURORS} giám khảo, ${sampleUnits().length} đơn vị; lệnh gọi = số lần gọi dịch vụ Apps Script (giả lập)`);
  printTable(header, lines);
}

function printScale(scale: ScaleRow[]): void {
  console.log(
    `Quy mô: ${SCALE_JURORS} giám khảo; lần nhanh nhất trong ${SCALE_REPS_SMALL} (${SCALE_SMALL} bài) / ${SCALE_REPS} (${SCALE_LARGE} bài) lần chạy, sau một lượt khởi động, thu gom rác trước mỗi lần; ms = thời gian thực, CPU = thời gian CPU của tiến trình; ` +
      `tỉ lệ = (CPU/bài ở ${SCALE_LARGE}) / (CPU/bài ở ${SCALE_SMALL}), tối đa ${SCALE_LIMIT}`,
  );
  const header = [
    'Thao tác',
    `${SCALE_LARGE} bài: lệnh gọi`,
    `${SCALE_SMALL} bài: ms`,
    `${SCALE_LARGE} bài: ms`,
    `${SCALE_SMALL} bài: CPU ms`,
    `${SCALE_LARGE} bài: CPU ms`,
    'tỉ lệ',
  ];
  const lines = scale.map((r) => [
    r.action,
    String(r.calls),
    r.msSmall.toFixed(1),
    r.msLarge.toFixed(1),
    r.cpuSmall.toFixed(1),
    r.cpuLarge.toFixed(1),
    `${r.ratio.toFixed(2)}${r.ratio > SCALE_LIMIT ? ' (vượt)' : ''}`,
  ]);
  printTable(header, lines);
}

function main(): void {
  const out: Row[] = [];
  for (const n of SIZES) benchSize(n, out);
  for (const n of SIZES) benchSubmit(n, out);
  for (const n of SIZES) benchSync(n, out);
  const scale = benchScale();
  if (process.argv.includes('--json')) return printJson(out, scale);
  printSizes(out);
  console.log('');
  printScale(scale);
  console.log(describeTriggerRuntime(benchTriggerRuntime()));
}

main();
