// The demo contest's steps (setup, form, submissions, appraisal, jury, engagement, results), each driving the add-on's menu in the emulator.
//
// Every step moves the faked clock forward only, so "Nhật ký" (the audit log) reads in time order.
import type FakeTimers from '@sinonjs/fake-timers';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { ContestOutput } from '../src/domain/contest';
import { columnToLetters, FakeGraphApi, type Emulator, type FakePost } from '../packages/gas-emulator/src';
import { computeContest } from '../src/flows/scores';
import { QR_SHEET } from '../src/flows/qrCodes';
import { recordedFormId } from '../src/sheets/formConfig';
import { APPRAISAL_SHEET, appraisalSchema } from '../src/sheets/appraisal';
import { APPRAISAL_CRITERIA } from '../src/sheets/appraisalCriteria';
import { ENGAGEMENT } from '../src/sheets/engagement';
import { JURORS } from '../src/sheets/jurors';
import { CONFLICT_NOTE, juryTabName, juryTabSchema } from '../src/sheets/juryTab';
import { RUBRIC } from '../src/sheets/rubric';
import { SHARE_LOG } from '../src/sheets/shareLog';
import { SUBMISSIONS } from '../src/sheets/submissions';
import { UNITS } from '../src/sheets/units';
import { MSG } from '../src/ui/messages';
import { vn, type SampleContest, type SampleUnit } from '../test/sample/contest';
import { appendByHeader, headersOf, readRecords, writeByHeader, type CellEdit } from '../test/sample/workbook';
import { contextOf } from '../test/sample/emulator';
import { formAnswers } from '../test/sample/form';
import type { Progress } from './progress';

type Form = GoogleAppsScript.Forms.Form;

/** The fake Page's token (made up; the demo shows it masked only). */
const DEMO_PAGE_TOKEN = 'EAAGdemoPageToken0000QuanDoan11';

// The headers the demo types under, from the add-on's own sheet schemas.
const U = headersOf(UNITS);
const S = headersOf(SUBMISSIONS);
const E = headersOf(ENGAGEMENT);
const L = headersOf(SHARE_LOG);
/** Fixed columns of "Thẩm định" and of a jury tab (the criteria columns are found by their own headers). */
const A = headersOf(appraisalSchema([]));
const T = headersOf(juryTabSchema({ name: '' }, []));

/** What a menu action showed: its dialog title, lines and warnings (read back from the dialog HTML). */
export interface Shown {
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
export function parseDialog(title: string, html: string): Shown {
  const warnStart = html.indexOf('<ul class="warn">');
  const main = warnStart >= 0 ? html.slice(0, warnStart) : html;
  const warn = warnStart >= 0 ? html.slice(warnStart) : '';
  return { title, lines: listItems(main), warnings: listItems(warn) };
}

/** A menu action that showed an error dialog: the demo cannot go on. */
export class DemoStop extends Error {}

/** The demo's hands and eyes: the emulator, its faked clock, and the add-on's menu entry points. */
export class Driver {
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
    if (shown.title.endsWith(MSG.errorTitle)) {
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

/** Everything the steps share: the sample data, the emulator driven through `d`, where files go. */
export interface DemoRun {
  sample: SampleContest;
  em: Emulator;
  d: Driver;
  progress: Progress;
  outDir: string;
}

function sheet(em: Emulator, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Không thấy trang "${name}" trong bảng tính mô phỏng.`);
  return s;
}

function rosterRecord(u: SampleUnit, name: string, aliases: string[]): Record<string, unknown> {
  return { [U.code]: u.code, [U.name]: name, [U.aliases]: aliases.join('; '), [U.email]: u.email };
}

/** 15/05: the organizer opens the sheet, runs "Thiết lập hội thi", types the first roster and the jurors. */
export function setupStep({ sample, em, d, progress }: DemoRun): void {
  progress.step('Bảng tính mô phỏng', `chủ sở hữu ${sample.organizerEmail}, múi giờ ${em.spreadsheet.getSpreadsheetTimeZone()}`);
  em.run('onOpen');
  progress.step('Mở bảng tính', `menu "${em.ui.menus[0]?.title ?? ''}" có ${em.ui.menus[0]?.items.length ?? 0} mục`);
  d.menu('menuSetupContest', 'Thiết lập hội thi');
  const firstRoster = sample.units.map((u) =>
    rosterRecord(
      u,
      u.firstName ?? u.name,
      u.aliases.filter((a) => a !== u.firstName),
    ),
  );
  firstRoster.push(rosterRecord(sample.extraUnit, sample.extraUnit.name, []));
  appendByHeader(sheet(em, UNITS.name), firstRoster);
  const J = headersOf(JURORS);
  appendByHeader(
    sheet(em, JURORS.name),
    sample.jurors.map((j) => ({ [J.code]: j.code, [J.name]: j.name, [J.email]: j.email, [J.unit]: j.unit })),
  );
  progress.step('BTC nhập danh sách', `${firstRoster.length} đơn vị, ${sample.jurors.length} giám khảo`);
}

/** 16/05: the form and the QR codes (their print page is written next to the workbook). */
export function formStep({ em, d, progress, outDir }: DemoRun): Form {
  d.at(vn(2023, 5, 16, 9, 0));
  d.menu('menuCreateForm', 'Tạo / liên kết biểu mẫu');
  const dialogsBefore = em.ui.dialogs.length;
  em.run('menuQrCodes');
  const qrPage = em.ui.dialogs.slice(dialogsBefore).pop();
  const qrCount = em.spreadsheet.getSheetByName(QR_SHEET) ? em.images(QR_SHEET).length : 0;
  if (qrPage?.html && qrCount > 0) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'hoithi-demo-ma-qr.html'), qrPage.html);
    progress.step('Mã QR', `${qrCount} mã (1 link chung + mỗi đơn vị một link) trên trang "${QR_SHEET}"; trang in: ${join(outDir, 'hoithi-demo-ma-qr.html')}`);
  } else {
    progress.warn(`Mã QR: ${qrPage ? parseDialog(qrPage.title, qrPage.html ?? '').warnings.join(' ') : 'không có hộp thoại'}`);
  }
  return em.FormApp.openById(recordedFormId(em.spreadsheet));
}

/** The organizers rename units to their official names (old names kept as aliases) and delete the extra unit. */
function tidyRoster({ sample, em, d, progress }: DemoRun): void {
  d.at(sample.rosterFixedAt);
  const roster = sheet(em, UNITS.name);
  const records = readRecords(roster);
  const edits: CellEdit[] = [];
  for (const u of sample.units.filter((x) => x.firstName)) {
    const r = records.rows.find((x) => x.values[U.name] === u.firstName)!;
    edits.push({ row: r.row, header: U.name, value: u.name }, { row: r.row, header: U.aliases, value: u.aliases.join('; ') });
  }
  writeByHeader(roster, edits);
  const extra = records.rows.find((x) => x.values[U.name] === sample.extraUnit.name)!;
  roster.deleteRow(extra.row);
  progress.step(
    'BTC chỉnh danh sách đơn vị',
    `đổi ${edits.length / 2} tên sang tên chính thức (tên cũ giữ ở "${U.aliases}"), xóa "${sample.extraUnit.name}"; biểu mẫu chưa đồng bộ`,
  );
}

/**
 * 22/05–12/06: submissions through the form in time order, the roster tidied and the dropdown synced on
 * the way, the deadline trigger closing the form; then "Đồng bộ bài dự thi" on 12/06 13:00.
 * @returns clip ID by title, as "Bài dự thi" assigned them.
 */
export function submissionsStep(run: DemoRun, form: Form): Map<string, string> {
  const { sample, em, d, progress } = run;
  const deadline = vn(2023, 6, 10, 23, 59);
  let rosterFixed = false;
  let dropdownSynced = false;
  let closed = false;
  let sent = 0;
  for (const s of sample.submissions) {
    if (!rosterFixed && s.at.getTime() >= sample.rosterFixedAt.getTime()) {
      tidyRoster(run);
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
  const rows = readRecords(sheet(em, SUBMISSIONS.name)).rows;
  progress.step(
    'Nhận bài qua biểu mẫu',
    `${sent} lần gửi; trigger ghi ${rows.length} bài vào "${SUBMISSIONS.name}" (${sample.missedByTrigger.length} trigger không chạy)`,
  );

  d.at(vn(2023, 6, 12, 13, 0));
  d.menu('menuSyncSubmissions', 'Đồng bộ bài dự thi');

  const submissions = readRecords(sheet(em, SUBMISSIONS.name)).rows;
  const flags = (word: string): number => submissions.filter((r) => String(r.values[S.flags] ?? '').includes(word)).length;
  progress.note(`Cảnh báo khi nhận bài: ${flags('Nộp trễ')} nộp trễ, ${flags('Không rõ đơn vị')} không rõ đơn vị, ${flags('Trùng link')} trùng link`);
  return new Map(submissions.map((r) => [String(r.values[S.title]), String(r.values[S.id])]));
}

/**
 * 12/06 afternoon: each appraiser ticks the boxes of their half of the clips; the last tick of a row
 * is a click (onEdit fills Kết quả as that appraiser). 13/06 08:00: the organizers run "Cập nhật thẩm định".
 */
export function appraisalStep({ sample, em, d, progress }: DemoRun, idOf: Map<string, string>): void {
  const appraisalSheet = sheet(em, APPRAISAL_SHEET);
  const criteria = readRecords(sheet(em, APPRAISAL_CRITERIA.name)).rows.map((r) => String(r.values[headersOf(APPRAISAL_CRITERIA).code]));
  for (const appraiser of sample.appraisers) {
    em.setUser(appraiser.email);
    const table = readRecords(appraisalSheet);
    const edits: CellEdit[] = [];
    const clicks: { row: number; value: boolean }[] = [];
    for (const a of sample.appraisals.filter((x) => x.appraiserEmail === appraiser.email)) {
      const id = idOf.get(a.title);
      const r = table.rows.find((x) => x.values[A.id] === id);
      if (!r) continue;
      d.at(a.at);
      criteria.slice(0, -1).forEach((code) => edits.push({ row: r.row, header: code, value: !a.unticked.includes(code) }));
      if (a.postLink) edits.push({ row: r.row, header: A.post, value: a.postLink });
      clicks.push({ row: r.row, value: !a.unticked.includes(criteria[criteria.length - 1]) });
    }
    writeByHeader(appraisalSheet, edits);
    const lastCol = table.headers.indexOf(criteria[criteria.length - 1]) + 1;
    for (const c of clicks) em.editCell(APPRAISAL_SHEET, `${columnToLetters(lastCol)}${c.row}`, c.value);
    progress.step(`Tổ thẩm định (${appraiser.name})`, `đánh dấu ${clicks.length} bài`);
  }
  em.setUser(sample.organizerEmail);
  d.at(vn(2023, 6, 13, 8, 0));
  d.menu('menuUpdateAppraisal', 'Cập nhật thẩm định');
}

/**
 * 13/06 09:00: jury tabs; 13/06–17/06 evenings: each juror marks in their own tab; then a juror tries
 * another juror's tab and the protection refuses, as in Google.
 * @returns how many clips were left off a juror's tab for a conflict of interest.
 */
export function juryStep({ sample, em, d, progress }: DemoRun): number {
  d.at(vn(2023, 6, 13, 9, 0));
  d.menu('menuPrepareJuryTabs', 'Chuẩn bị phiếu chấm BGK');
  const rubric = readRecords(sheet(em, RUBRIC.name)).rows.map((r) => String(r.values[headersOf(RUBRIC).name]));
  let conflicts = 0;
  sample.jurors.forEach((juror, j) => {
    d.at(vn(2023, 6, 13 + j, 20, 0));
    em.setUser(juror.email);
    const tab = sheet(em, juryTabName(juror));
    const table = readRecords(tab);
    const edits: CellEdit[] = [];
    let marked = 0;
    for (const r of table.rows) {
      if (r.values[T.total] === CONFLICT_NOTE) {
        conflicts++;
        continue;
      }
      const title = String(r.values[T.title]);
      const m = sample.marks.find((x) => x.title === title && x.jurorCode === juror.code);
      if (!m) continue;
      for (const criterion of rubric) edits.push({ row: r.row, header: criterion, value: m.mark });
      if (m.comment) edits.push({ row: r.row, header: T.comment, value: m.comment });
      marked++;
    }
    writeByHeader(tab, edits);
    progress.step(
      `Giám khảo ${juror.name} chấm`,
      `${marked} bài${table.rows.length > marked ? `, ${table.rows.length - marked} bài cùng đơn vị không chấm` : ''}`,
    );
  });
  const [first, second] = sample.jurors;
  em.setUser(second.email);
  try {
    sheet(em, juryTabName(first)).getRange(2, 6).setValue(100);
    progress.warn(`Giám khảo ${second.name} sửa được phiếu của ${first.name}: bảo vệ trang chưa hoạt động!`);
  } catch (e) {
    progress.note(`Bảo vệ phiếu chấm: ${second.name} không sửa được trang "${juryTabName(first)}" (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
  em.setUser(sample.organizerEmail);
  return conflicts;
}

/**
 * 19/06: the organizers connect the Fanpage (a fake Page whose posts carry the sample's counts), read it
 * once in the afternoon, and the freeze runs at "Kết thúc bình chọn" (16:00) as the scheduler's job; the
 * share log is pasted from the Page's "shares" view.
 */
export function engagementStep({ sample, em, d, progress }: DemoRun, idOf: Map<string, string>): void {
  d.at(vn(2023, 6, 19, 15, 0));
  const engagementRows = readRecords(sheet(em, ENGAGEMENT.name)).rows;
  const titleOf = new Map([...idOf].map(([title, id]) => [id, title]));
  const posts: FakePost[] = [];
  engagementRows.forEach((r, k) => {
    const e = sample.engagement.find((x) => x.title === titleOf.get(String(r.values[E.id])));
    if (!e) return;
    const link = String(r.values[E.post] ?? '');
    posts.push({
      postId: String(7100000 + k),
      permalink: link || undefined,
      createdTime: vn(2023, 6, 13, 10, k % 60),
      reactions: e.reactions,
      shares: e.shares,
      message: `${e.title} – ${String(r.values[E.id])}`,
    });
  });
  const page = new FakeGraphApi({
    pageId: '100064000000011',
    pageName: 'Quận Đoàn 11',
    username: 'quandoan11',
    token: DEMO_PAGE_TOKEN,
    posts,
    now: () => em.now(),
  });
  em.setUrlHandler(page.handler);
  em.ui.queueAnswer({ button: 'OK', text: 'https://www.facebook.com/quandoan11' });
  em.ui.queueAnswer({ button: 'OK', text: DEMO_PAGE_TOKEN });
  d.menu('menuConnectFanpage', 'Kết nối Fanpage');
  d.at(vn(2023, 6, 19, 15, 30));
  d.menu('menuUpdateEngagement', 'Cập nhật tương tác từ Fanpage');
  d.at(vn(2023, 6, 19, 16, 0));
  // The document's scheduler fires at "Kết thúc bình chọn" and runs its due job: the last read, frozen.
  em.runTimeTriggers(vn(2023, 6, 19, 16, 0));
  const log = readRecords(sheet(em, 'Nhật ký')).rows;
  progress.step('Chốt tương tác lúc 16:00', String(log[log.length - 1]?.values['Chi tiết'] ?? ''));
  const shares = sample.shareLog.filter((s) => idOf.has(s.title)).map((s) => ({ [L.id]: idOf.get(s.title), [L.account]: s.account, [L.time]: s.time }));
  d.at(vn(2023, 6, 19, 16, 30));
  appendByHeader(sheet(em, SHARE_LOG.name), shares);
  progress.step('Nhật ký chia sẻ', `${shares.length} lượt của ${new Set(shares.map((s) => s[L.id])).size} bài (dán từ danh sách chia sẻ của Fanpage)`);
}

/** 19/06 17:00: "Tính điểm", "Lập danh sách khen thưởng", "Báo cáo tham gia"; the engine's output for printing. */
export function resultsStep({ sample, em, d }: DemoRun): ContestOutput {
  d.at(vn(2023, 6, 19, 17, 0));
  d.menu('menuComputeScores', 'Tính điểm');
  d.menu('menuBuildAwards', 'Lập danh sách khen thưởng');
  d.menu('menuParticipation', 'Báo cáo tham gia');
  return computeContest(contextOf(em, { user: sample.organizerEmail, now: new Date() })).output;
}
