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
import { mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { createEmulator, type Emulator } from '../src/emulator';
import { computeContest } from '../src/flows/scores';
import { PLEDGE_TEXT, questionSpec } from '../src/forms/questions';
import { QR_SHEET } from '../src/forms/qr-sheet';
import { recordedFormId } from '../src/forms/setup';
import { CONFLICT_NOTE, juryTabName } from '../src/sheets/juryTab';
import { MSG } from '../src/ui/messages';
import '../src/main';
import { buildSampleContest, vn, type SampleContest, type SampleUnit } from './sample/contest';
import { appendByHeader, readRecords, writeByHeader, type CellEdit } from './sample/workbook';
import { createProgress, renderTable, type Progress } from './progress';
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

/** What a menu action showed: its dialog title, lines and warnings (read back from the dialog HTML). */
interface Shown {
  title: string;
  lines: string[];
  warnings: string[];
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function listItems(html: string): string[] {
  return [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => unescapeHtml(m[1]));
}

/** Splits the summary dialog (src/ui/dialog.ts) into its plain list and its warning list. */
function parseDialog(title: string, html: string): Shown {
  const warnStart = html.indexOf('<ul class="warn">');
  const main = warnStart >= 0 ? html.slice(0, warnStart) : html;
  const warn = warnStart >= 0 ? html.slice(warnStart) : '';
  return { title, lines: listItems(main), warnings: listItems(warn) };
}

class DemoStop extends Error {}

/** The demo's hands and eyes: the emulator, its faked clock, and the add-on's menu entry points. */
class Driver {
  constructor(
    readonly em: Emulator,
    private readonly clock: ReturnType<typeof FakeTimers.install>,
    private readonly progress: Progress,
  ) {}

  /** Moves both the process clock (what `new Date()` says in the add-on) and the emulator's clock. */
  at(d: Date): void {
    this.clock.setSystemTime(d);
    this.em.setNow(d);
  }

  /** Runs a menu item as the current user, through the global main.ts defines, and reads its dialog. */
  menu(functionName: string, label: string): Shown {
    const before = this.em.ui.dialogs.length;
    this.em.run(functionName);
    const dialog = this.em.ui.dialogs.length > before ? this.em.ui.dialogs[this.em.ui.dialogs.length - 1] : undefined;
    const shown: Shown = dialog ? parseDialog(dialog.title, dialog.html ?? dialog.body ?? '') : { title: label, lines: [], warnings: [] };
    if (shown.title.endsWith(MSG.errorTitle) || shown.title === MSG.notSupportedTitle) {
      this.progress.warn(`${label}: ${[...shown.lines, ...shown.warnings].join(' ')}`);
      throw new DemoStop(label);
    }
    this.progress.step(label, shown.lines[0] ?? '');
    for (const line of shown.lines.slice(1, 4)) this.progress.note(line);
    for (const w of shown.warnings.slice(0, 4)) this.progress.warn(w);
    if (shown.warnings.length > 4) this.progress.warn(`… và ${shown.warnings.length - 4} cảnh báo khác`);
    return shown;
  }
}

function rosterRecord(u: SampleUnit, name: string, aliases: string[]): Record<string, unknown> {
  return { 'Mã đơn vị': u.code, 'Tên đơn vị': name, 'Tên gọi khác': aliases.join('; '), Email: u.email };
}

/** Answers keyed by the form's question titles (src/forms/questions.ts). */
function formAnswers(s: SampleContest['submissions'][number]): Record<string, string | string[]> {
  const t = (key: Parameters<typeof questionSpec>[0]): string => questionSpec(key).title;
  return {
    [t('unit')]: s.unit,
    [t('entryType')]: s.entryType,
    [t('authors')]: s.authors,
    [t('title')]: s.title,
    [t('videoLink')]: s.videoLink,
    [t('length')]: s.length,
    [t('contactName')]: s.contactName,
    [t('phone')]: s.phone,
    [t('email')]: s.email,
    [t('pledge')]: [PLEDGE_TEXT],
  };
}

function sheet(em: Emulator, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Không thấy trang "${name}" trong bảng tính mô phỏng.`);
  return s;
}

async function runDemo(options: DemoOptions): Promise<void> {
  const sample = buildSampleContest(options.seed);
  const out = options.json ? process.stderr : process.stdout;
  const progress = createProgress(process.stderr);
  const clock = FakeTimers.install({ now: vn(2023, 5, 15, 8, 0), toFake: ['Date'] });
  const em = createEmulator({
    owner: sample.organizerEmail,
    spreadsheetName: 'Hội thi video clip Quận 11 – 2023',
    collaborators: [...sample.appraisers.map((a) => a.email), ...sample.jurors.map((j) => j.email)],
    seed: options.seed,
  });
  em.installGlobals();
  const d = new Driver(em, clock, progress);
  const organizer = sample.organizerEmail;
  let output: ReturnType<typeof computeContest>['output'];

  try {
    progress.step('Bảng tính mô phỏng', `chủ sở hữu ${organizer}, múi giờ ${em.spreadsheet.getSpreadsheetTimeZone()}`);
    em.run('onOpen');
    progress.step('Mở bảng tính', `menu "${em.ui.menus[0]?.title ?? ''}" có ${em.ui.menus[0]?.items.length ?? 0} mục`);

    // 1. Setup, roster, jurors.
    d.menu('menuSetupContest', 'Thiết lập hội thi');
    const firstRoster = sample.units.map((u) =>
      rosterRecord(u, u.firstName ?? u.name, u.aliases.filter((a) => a !== u.firstName)),
    );
    firstRoster.push(rosterRecord(sample.extraUnit, sample.extraUnit.name, []));
    appendByHeader(sheet(em, 'Đơn vị'), firstRoster);
    appendByHeader(
      sheet(em, 'Ban giám khảo'),
      sample.jurors.map((j) => ({ Mã: j.code, 'Họ tên': j.name, Email: j.email, 'Đơn vị': j.unit })),
    );
    progress.step('BTC nhập danh sách', `${firstRoster.length} đơn vị, ${sample.jurors.length} giám khảo`);

    // 2. The form.
    d.at(vn(2023, 5, 16, 9, 0));
    d.menu('menuCreateForm', 'Tạo / liên kết biểu mẫu');
    const dialogsBefore = em.ui.dialogs.length;
    em.run('menuQrCodes');
    const qrPage = em.ui.dialogs.slice(dialogsBefore).pop();
    const qrCount = em.spreadsheet.getSheetByName(QR_SHEET) ? em.images(QR_SHEET).length : 0;
    if (qrPage?.html && qrCount > 0) {
      mkdirSync(options.outDir, { recursive: true });
      writeFileSync(join(options.outDir, 'hoithi-demo-ma-qr.html'), qrPage.html);
      progress.step('Mã QR', `${qrCount} mã (1 link chung + mỗi đơn vị một link) trên trang "${QR_SHEET}"; trang in: ${join(options.outDir, 'hoithi-demo-ma-qr.html')}`);
    } else {
      progress.warn(`Mã QR: ${qrPage ? parseDialog(qrPage.title, qrPage.html ?? '').warnings.join(' ') : 'không có hộp thoại'}`);
    }
    const form = em.FormApp.openById(recordedFormId(em.spreadsheet));

    // 3. Submissions through the form, in time order, with the roster tidied on the way.
    const deadline = vn(2023, 6, 10, 23, 59);
    let rosterFixed = false;
    let dropdownSynced = false;
    let closed = false;
    let sent = 0;
    for (const s of sample.submissions) {
      if (!rosterFixed && s.at.getTime() >= sample.rosterFixedAt.getTime()) {
        d.at(sample.rosterFixedAt);
        const roster = sheet(em, 'Đơn vị');
        const records = readRecords(roster);
        const edits: CellEdit[] = [];
        for (const u of sample.units.filter((x) => x.firstName)) {
          const r = records.rows.find((x) => x.values['Tên đơn vị'] === u.firstName)!;
          edits.push({ row: r.row, header: 'Tên đơn vị', value: u.name }, { row: r.row, header: 'Tên gọi khác', value: u.aliases.join('; ') });
        }
        writeByHeader(roster, edits);
        const extra = records.rows.find((x) => x.values['Tên đơn vị'] === sample.extraUnit.name)!;
        roster.deleteRow(extra.row);
        progress.step(
          'BTC chỉnh danh sách đơn vị',
          `đổi ${edits.length / 2} tên sang tên chính thức (tên cũ giữ ở "Tên gọi khác"), xóa "${sample.extraUnit.name}"; biểu mẫu chưa đồng bộ`,
        );
        rosterFixed = true;
      }
      if (!dropdownSynced && s.at.getTime() >= sample.dropdownSyncedAt.getTime()) {
        d.at(sample.dropdownSyncedAt);
        d.menu('menuSyncUnits', 'Đồng bộ danh sách đơn vị');
        dropdownSynced = true;
      }
      if (!closed && s.at.getTime() > deadline.getTime()) {
        // The deadline trigger closes the form; units that missed it call, and the organizers reopen
        // the form for a day so late clips are on record (flagged "Nộp trễ", not scored).
        // Both clocks move first: the handler reads `new Date()`, and one that still thinks it is before
        // the closing minute re-schedules itself instead of closing.
        const closesAt = new Date(deadline.getTime() + 60_000);
        d.at(closesAt);
        em.runTimeTriggers(closesAt);
        progress.step('Hết hạn nộp bài', `biểu mẫu ${form.isAcceptingResponses() ? 'vẫn mở' : 'đã tự đóng'} lúc 10/06/2023 23:59`);
        form.setAcceptingResponses(true);
        progress.note('BTC mở lại biểu mẫu để ghi nhận bài nộp trễ (sẽ bị đánh dấu "Nộp trễ")');
        closed = true;
      }
      d.at(s.at);
      em.submitForm(form, formAnswers(s), s.at, { fireTriggers: !sample.missedByTrigger.includes(s.title), email: s.email });
      sent++;
    }
    d.at(vn(2023, 6, 12, 12, 0));
    form.setAcceptingResponses(false);
    const rows = readRecords(sheet(em, 'Bài dự thi')).rows;
    progress.step('Nhận bài qua biểu mẫu', `${sent} lần gửi; trigger ghi ${rows.length} bài vào "Bài dự thi" (${sample.missedByTrigger.length} trigger không chạy)`);

    d.at(vn(2023, 6, 12, 13, 0));
    d.menu('menuSyncSubmissions', 'Đồng bộ bài dự thi');

    const submissions = readRecords(sheet(em, 'Bài dự thi')).rows;
    const idOf = new Map(submissions.map((r) => [String(r.values['Tên tác phẩm']), String(r.values['Mã bài'])]));
    const flags = (word: string): number => submissions.filter((r) => String(r.values['Cảnh báo'] ?? '').includes(word)).length;
    progress.note(`Cảnh báo khi nhận bài: ${flags('Nộp trễ')} nộp trễ, ${flags('Không rõ đơn vị')} không rõ đơn vị, ${flags('Trùng link')} trùng link`);

    // 4. Appraisal: each appraiser ticks the boxes of their half of the clips; the last tick of a row is
    // a click (onEdit fills Kết quả as that appraiser); then the organizers run "Cập nhật thẩm định".
    const appraisalSheet = sheet(em, 'Thẩm định');
    const criteria = readRecords(sheet(em, 'Tiêu chí thẩm định')).rows.map((r) => String(r.values['Mã']));
    for (const appraiser of sample.appraisers) {
      em.setUser(appraiser.email);
      const table = readRecords(appraisalSheet);
      const edits: CellEdit[] = [];
      const clicks: { row: number; value: boolean }[] = [];
      for (const a of sample.appraisals.filter((x) => x.appraiserEmail === appraiser.email)) {
        const id = idOf.get(a.title);
        const r = table.rows.find((x) => x.values['Mã bài'] === id);
        if (!r) continue;
        d.at(a.at);
        criteria.slice(0, -1).forEach((code) => edits.push({ row: r.row, header: code, value: !a.unticked.includes(code) }));
        if (a.postLink) edits.push({ row: r.row, header: 'Link bài đăng', value: a.postLink });
        clicks.push({ row: r.row, value: !a.unticked.includes(criteria[criteria.length - 1]) });
      }
      writeByHeader(appraisalSheet, edits);
      const lastCol = table.headers.indexOf(criteria[criteria.length - 1]) + 1;
      for (const c of clicks) em.editCell('Thẩm định', `${columnLetter(lastCol)}${c.row}`, c.value);
      progress.step(`Tổ thẩm định (${appraiser.name})`, `đánh dấu ${clicks.length} bài`);
    }
    em.setUser(organizer);
    d.at(vn(2023, 6, 11, 18, 0));
    d.menu('menuUpdateAppraisal', 'Cập nhật thẩm định');

    // 5. Jury tabs and marks, each juror in their own tab.
    d.at(vn(2023, 6, 12, 8, 0));
    d.menu('menuPrepareJuryTabs', 'Chuẩn bị phiếu chấm BGK');
    const rubric = readRecords(sheet(em, 'Tiêu chí chấm')).rows.map((r) => String(r.values['Tiêu chí']));
    let conflicts = 0;
    sample.jurors.forEach((juror, j) => {
      d.at(vn(2023, 6, 13 + j, 20, 0));
      em.setUser(juror.email);
      const tab = sheet(em, juryTabName(juror));
      const table = readRecords(tab);
      const edits: CellEdit[] = [];
      let marked = 0;
      for (const r of table.rows) {
        if (r.values['Tổng'] === CONFLICT_NOTE) {
          conflicts++;
          continue;
        }
        const title = String(r.values['Tên tác phẩm']);
        const m = sample.marks.find((x) => x.title === title && x.jurorCode === juror.code);
        if (!m) continue;
        for (const criterion of rubric) edits.push({ row: r.row, header: criterion, value: m.mark });
        if (m.comment) edits.push({ row: r.row, header: 'Nhận xét', value: m.comment });
        marked++;
      }
      writeByHeader(tab, edits);
      progress.step(`Giám khảo ${juror.name} chấm`, `${marked} bài${table.rows.length > marked ? `, ${table.rows.length - marked} bài cùng đơn vị không chấm` : ''}`);
    });
    // A juror cannot touch another juror's marks: the sheet protection refuses, as in Google.
    const [first, second] = sample.jurors;
    em.setUser(second.email);
    try {
      sheet(em, juryTabName(first)).getRange(2, 6).setValue(100);
      progress.warn(`Giám khảo ${second.name} sửa được phiếu của ${first.name}: bảo vệ trang chưa hoạt động!`);
    } catch (e) {
      progress.note(`Bảo vệ phiếu chấm: ${second.name} không sửa được trang "${juryTabName(first)}" (${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
    em.setUser(organizer);

    // 6. Fanpage counts and the share log, typed by the organizers after voting closes.
    d.at(vn(2023, 6, 19, 16, 30));
    const engagementSheet = sheet(em, 'Tương tác');
    const engagementRows = readRecords(engagementSheet).rows;
    const titleOf = new Map([...idOf].map(([title, id]) => [id, title]));
    const counts: CellEdit[] = [];
    for (const r of engagementRows) {
      const e = sample.engagement.find((x) => x.title === titleOf.get(String(r.values['Mã bài'])));
      if (!e) continue;
      counts.push(
        { row: r.row, header: 'Lượt cảm xúc', value: e.reactions },
        { row: r.row, header: 'Lượt chia sẻ', value: e.shares },
        { row: r.row, header: 'Cập nhật lúc', value: e.updatedAt },
        { row: r.row, header: 'Nguồn', value: 'Fanpage Quận Đoàn 11 (nhập tay)' },
      );
    }
    writeByHeader(engagementSheet, counts);
    const shares = sample.shareLog
      .filter((s) => idOf.has(s.title))
      .map((s) => ({ 'Mã bài': idOf.get(s.title), 'Tài khoản': s.account, 'Thời gian': s.time }));
    appendByHeader(sheet(em, 'Nhật ký chia sẻ'), shares);
    progress.step('Nhập lượt tương tác', `${counts.length / 4} bài; nhật ký chia sẻ ${shares.length} lượt của ${new Set(shares.map((s) => s['Mã bài'])).size} bài`);

    // 7. Scores, awards, participation.
    d.at(vn(2023, 6, 19, 17, 0));
    d.menu('menuComputeScores', 'Tính điểm');
    d.menu('menuBuildAwards', 'Lập danh sách khen thưởng');
    d.menu('menuParticipation', 'Báo cáo tham gia');
    output = computeContest({ spreadsheet: em.spreadsheet, app: em.SpreadsheetApp, user: organizer, now: new Date() }).output;

    progress.note(`Xung đột lợi ích: ${conflicts} bài được loại khỏi phiếu của giám khảo cùng đơn vị`);
  } finally {
    clock.uninstall();
  }

  // The workbook first: it is the main result, and a closed pipe on stdout must not cost it.
  mkdirSync(options.outDir, { recursive: true });
  const file = resolve(join(options.outDir, 'hoithi-demo.xlsx'));
  await saveEmulatorToXlsx(em.spreadsheet, file, {
    images: (name) => {
      if (!em.spreadsheet.getSheetByName(name)) return [];
      return em.images(name).map((img) => {
        const m = /^([A-Z]+)(\d+)$/.exec(img.a1)!;
        return { row: Number(m[2]), column: columnNumber(m[1]), bytes: img.bytes, contentType: img.contentType };
      });
    },
  });
  progress.step('Đã ghi bảng tính', file);

  // Results.
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
    out.write(`\nBÀI KHÔNG ĐƯỢC TÍNH ĐIỂM\n${renderTable(['Mã bài', 'Đơn vị', 'Lý do'], unscored.map((r) => [r.clipId, r.unit, r.note]))}\n`);
  }

  if (options.json) process.stdout.write(`${JSON.stringify(scoreJson(output))}\n`);
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// `npm start | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runDemo(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
  if (e instanceof DemoStop) {
    process.stderr.write(`Demo dừng ở bước "${e.message}".\n`);
    process.exit(1);
  }
  process.stderr.write(`Lỗi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
