// Benchmark: service calls and in-process time per menu action for 50, 500 and 5,000 submissions with 10 jurors (and the form intake),
// then the scale check: 1,000 and 10,000 submissions with 20 jurors, time per submission compared.
// Usage: npm run bench [-- --json]
import { performance } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { contextOf, createContestEmulator } from '../test/sample/emulator';
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
import { PLEDGE_TEXT, questionSpec } from '../src/forms/questions';
import { createOrLinkForm } from '../src/flows/createForm';
import { syncSubmissions } from '../src/flows/syncSubmissions';
import { ensureRows, escapeCell } from '../src/sheets/table';
import { benchTriggerRuntime, describeTriggerRuntime } from './benchRuntime';

const OWNER = 'btc@quandoan11.vn';
const SIZES = [50, 500, 5000];
const JURORS = 10;
const UNITS = 40;

interface Row {
  action: string;
  rows: number;
  calls: number;
  ms: number;
  cpuMs?: number;
}

type Emu = ReturnType<typeof createContestEmulator>;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetOf(emu: Emu, name: string): Sheet {
  return emu.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName(name) as unknown as Sheet;
}

/** Writes records under row 1 by header text, one setValues (setup data, not measured). */
function append(emu: Emu, name: string, rows: Record<string, unknown>[]): void {
  const s = sheetOf(emu, name);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const block = rows.map((r) => headers.map((h) => escapeCell(r[h] ?? '')));
  const start = s.getLastRow() + 1;
  ensureRows(s, start + block.length - 1);
  s.getRange(start, 1, block.length, headers.length).setValues(block);
}

/** Fills a column block of every data row (ticks, marks, counts) with `fn(clipIndex)`. */
function fill(emu: Emu, name: string, firstHeader: string, width: number, fn: (i: number) => unknown[]): void {
  const s = sheetOf(emu, name);
  const values = s.getDataRange().getValues();
  const col = values[0].map(String).indexOf(firstHeader);
  const idCol = values[0].map(String).indexOf('Mã bài');
  const block = values.slice(1).map((r) => fn(Number(String(r[idCol]).slice(3))));
  if (block.length > 0) s.getRange(2, col + 1, block.length, width).setValues(block);
}

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
  const emu = createContestEmulator({ owner: OWNER, user: OWNER });
  const now = new Date('2023-06-20T09:00:00+07:00');
  emu.setNow(now);
  const ctx = contextOf(emu, { user: OWNER, now });
  measure(emu, ctx, 'Thiết lập hội thi (lần đầu)', n, setupContest, out);
  append(
    emu,
    'Đơn vị',
    Array.from({ length: UNITS }, (_, k) => ({ 'Mã đơn vị': `P${k + 1}`, 'Tên đơn vị': `Đoàn phường ${k + 1}` })),
  );
  append(
    emu,
    'Ban giám khảo',
    Array.from({ length: jurors }, (_, k) => ({ Mã: `GK${k + 1}`, 'Họ tên': `Giám khảo ${k + 1}`, Email: `gk${k + 1}@bgk.vn` })),
  );
  append(
    emu,
    'Bài dự thi',
    Array.from({ length: n }, (_, k) => ({
      'Mã bài': `HT-${String(k + 1).padStart(3, '0')}`,
      'Thời gian nộp': '01/06/2023 08:00',
      'Đơn vị': `Đoàn phường ${(k % UNITS) + 1}`,
      'Hình thức': 'Cá nhân',
      'Tác giả': `Tác giả ${k + 1}`,
      'Tên tác phẩm': `Clip ${k + 1}`,
      'Link video': `https://drive.google.com/file/d/${k + 1}`,
      'Trạng thái': 'Chờ thẩm định',
    })),
  );
  measure(emu, ctx, 'Cập nhật thẩm định (thêm dòng)', n, updateAppraisal, out);
  fill(emu, 'Thẩm định', 'TT1', 10, () => new Array(10).fill(true));
  measure(emu, ctx, 'Cập nhật thẩm định (chấm kết quả)', n, updateAppraisal, out);
  measure(emu, ctx, 'Chuẩn bị phiếu chấm BGK (lần đầu)', n, prepareJuryTabs, out);
  for (let j = 1; j <= jurors; j++) fill(emu, `BGK - Giám khảo ${j}`, 'Điểm', 1, (i) => [(i * 7 + j * 13) % 101]);
  fill(emu, 'Tương tác', 'Lượt cảm xúc', 2, (i) => [(i * 37) % 400, (i * 11) % 60]);
  measure(emu, ctx, 'Chuẩn bị phiếu chấm BGK (chạy lại)', n, prepareJuryTabs, out, reps);
  measure(emu, ctx, 'Tính điểm', n, computeScores, out, reps);
  measure(emu, ctx, 'Lập danh sách khen thưởng', n, buildAwardList, out, reps);
  if (reps > 1) return; // the scale check needs only the three actions above
  measure(emu, ctx, 'Báo cáo tham gia', n, participationReport, out);
  measure(emu, ctx, 'Thiết lập hội thi (chạy lại)', n, setupContest, out);
  measure(emu, ctx, 'Nhật ký thao tác', n, openAuditLog, out);
}

/** A contest with its roster and form, before the deadline. */
function formContest(): { emu: Emu; form: GoogleAppsScript.Forms.Form } {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER });
  emu.setNow(new Date('2023-06-01T09:00:00+07:00'));
  setupContest(contextOf(emu, { user: OWNER }));
  append(
    emu,
    'Đơn vị',
    Array.from({ length: UNITS }, (_, k) => ({ 'Mã đơn vị': `P${k + 1}`, 'Tên đơn vị': `Đoàn phường ${k + 1}` })),
  );
  return { emu, form: createOrLinkForm(contextOf(emu)).form };
}

/** Submission k's own unit, author, title and video (distinct, so no duplicate-link warnings). */
function clip(k: number): { unit: string; authors: string; title: string; video: string } {
  return { unit: `Đoàn phường ${(k % UNITS) + 1}`, authors: `Tác giả ${k}`, title: `Clip ${k}`, video: `https://youtu.be/clip${k}` };
}

/** The form answers of submission k. */
function formAnswers(k: number): Record<string, string | string[]> {
  const c = clip(k);
  const t = (key: Parameters<typeof questionSpec>[0]): string => questionSpec(key).title;
  return {
    [t('unit')]: c.unit,
    [t('entryType')]: 'Cá nhân',
    [t('authors')]: c.authors,
    [t('title')]: c.title,
    [t('videoLink')]: c.video,
    [t('length')]: '4:30',
    [t('contactName')]: `Người liên hệ ${k}`,
    [t('phone')]: '0901 234 567',
    [t('email')]: `dv${k}@example.com`,
    [t('pledge')]: [PLEDGE_TEXT],
  };
}

/** "Bài dự thi" rows as the intake writes them (response id included), one setValues. */
function submissionRows(emu: Emu, rows: { k: number; responseId: string }[]): void {
  append(
    emu,
    'Bài dự thi',
    rows.map(({ k, responseId }) => {
      const c = clip(k);
      return {
        'Mã bài': `HT-${String(k).padStart(3, '0')}`,
        'Thời gian nộp': '01/06/2023 08:00',
        'Đơn vị': c.unit,
        'Hình thức': 'Cá nhân',
        'Tác giả': c.authors,
        'Tên tác phẩm': c.title,
        'Link video': c.video,
        'Trạng thái': 'Chờ thẩm định',
        [RESPONSE_ID_HEADER]: responseId,
      };
    }),
  );
}

/**
 * One onFormSubmit execution when "Bài dự thi" already holds n rows written by earlier submissions
 * (so the response-id column exists), measured from the trigger's start: getDocumentLock included.
 */
function benchSubmit(n: number, out: Row[]): void {
  const { emu, form } = formContest();
  const s = sheetOf(emu, 'Bài dự thi');
  s.getRange(1, s.getLastColumn() + 1).setValue(RESPONSE_ID_HEADER);
  submissionRows(
    emu,
    Array.from({ length: n }, (_, i) => ({ k: i + 1, responseId: `earlier-${i + 1}` })),
  );
  const response = emu.submitForm(form, formAnswers(n + 1), undefined, { fireTriggers: false });
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
  const { emu, form } = formContest();
  const missing = new Set([1, 2, 3, 4, 5].map((i) => Math.ceil((i * n) / 6)));
  const present: { k: number; responseId: string }[] = [];
  for (let k = 1; k <= n; k++) {
    const r = emu.submitForm(form, formAnswers(k), undefined, { fireTriggers: false });
    // The key the intake gives a response: its response-sheet row's (the sheet has no response id).
    if (!missing.has(k)) present.push({ k, responseId: responseRowKey(emu.submitEvent(r).range.getValues()[0]) });
  }
  const s = sheetOf(emu, 'Bài dự thi');
  s.getRange(1, s.getLastColumn() + 1).setValue(RESPONSE_ID_HEADER);
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

function main(): void {
  const json = process.argv.includes('--json');
  const out: Row[] = [];
  for (const n of SIZES) benchSize(n, out);
  for (const n of SIZES) benchSubmit(n, out);
  for (const n of SIZES) benchSync(n, out);
  const scale = benchScale();
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        out.concat(
          scale.flatMap((r) => [
            { action: r.action, rows: SCALE_SMALL, jurors: SCALE_JURORS, calls: r.calls, ms: r.msSmall, cpuMs: r.cpuSmall },
            { action: r.action, rows: SCALE_LARGE, jurors: SCALE_JURORS, calls: r.calls, ms: r.msLarge, cpuMs: r.cpuLarge, ratio: r.ratio },
          ]) as Row[],
        ),
      )}\n`,
    );
    return;
  }
  const actions = [...new Set(out.map((r) => r.action))];
  const header = ['Thao tác', ...SIZES.map((n) => `${n} bài: lệnh gọi`), ...SIZES.map((n) => `${n} bài: ms`)];
  const lines = actions.map((a) => [
    a,
    ...SIZES.map((n) => String(out.find((r) => r.action === a && r.rows === n)!.calls)),
    ...SIZES.map((n) => out.find((r) => r.action === a && r.rows === n)!.ms.toFixed(1)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`${JURORS} giám khảo, ${UNITS} đơn vị; lệnh gọi = số lần gọi dịch vụ Apps Script (giả lập)`);
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));

  console.log('');
  console.log(
    `Quy mô: ${SCALE_JURORS} giám khảo; lần nhanh nhất trong ${SCALE_REPS_SMALL} (${SCALE_SMALL} bài) / ${SCALE_REPS} (${SCALE_LARGE} bài) lần chạy, sau một lượt khởi động, thu gom rác trước mỗi lần; ms = thời gian thực, CPU = thời gian CPU của tiến trình; ` +
      `tỉ lệ = (CPU/bài ở ${SCALE_LARGE}) / (CPU/bài ở ${SCALE_SMALL}), tối đa ${SCALE_LIMIT}`,
  );
  const sHeader = [
    'Thao tác',
    `${SCALE_LARGE} bài: lệnh gọi`,
    `${SCALE_SMALL} bài: ms`,
    `${SCALE_LARGE} bài: ms`,
    `${SCALE_SMALL} bài: CPU ms`,
    `${SCALE_LARGE} bài: CPU ms`,
    'tỉ lệ',
  ];
  const sLines = scale.map((r) => [
    r.action,
    String(r.calls),
    r.msSmall.toFixed(1),
    r.msLarge.toFixed(1),
    r.cpuSmall.toFixed(1),
    r.cpuLarge.toFixed(1),
    `${r.ratio.toFixed(2)}${r.ratio > SCALE_LIMIT ? ' (vượt)' : ''}`,
  ]);
  const sWidths = sHeader.map((h, i) => Math.max(h.length, ...sLines.map((l) => l[i].length)));
  const sFmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(sWidths[i]) : c.padStart(sWidths[i]))).join(' | ')} |`;
  console.log(sFmt(sHeader));
  console.log(`|${sWidths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of sLines) console.log(sFmt(l));
  console.log(describeTriggerRuntime(benchTriggerRuntime()));
}

main();
