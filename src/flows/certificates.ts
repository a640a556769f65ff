// "Giấy khen (PDF)": one PDF per row of "Giải thưởng" from the template, one combined PDF for printing, links in the sheet; unchanged ones are kept.
import {
  COMBINED_FILE_NAME,
  PLACEHOLDERS,
  TAG_ALL,
  TAG_ONE,
  TIE_NOTE_PREFIX,
  certificateFileName,
  certificateValues,
  fingerprintSource,
  hex,
  nfc,
  parseDayText,
  token,
  vietnameseDateText,
  type CertificateAward,
  type Placeholder,
} from '../domain/certificates';
import { normalizeName, parseNumberCell } from '../domain/parse';
import type { Settings } from '../domain/types';
import { wallClock } from '../domain/zone';
import { AWARDS, type AwardKey } from '../sheets/awards';
import { ContestError, cellProblem } from '../sheets/errors';
import { readSheet, text, updateRows, type Table } from '../sheets/table';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction } from './action';
import {
  OLD_FOLDER,
  contestFolder,
  createPresentation,
  labelOf,
  openTemplate,
  recordSettings,
  settingProblem,
  subfolder,
  templateWarnings,
  type TemplateInfo,
} from './certificateFiles';
import { assertCanWrite, withLock, type ActionContext, type Summary } from './context';

export const CERTIFICATES_TITLE = 'Giấy khen (PDF)';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** An award row of "Giải thưởng" with its filled values and fingerprint. */
export interface CertificatePlan {
  award: CertificateAward;
  values: Record<Placeholder, string>;
  fingerprint: string;
  fileName: string;
}

/**
 * The awards to certify, from "Giải thưởng" as the organizers left it: rows with a unit (unawarded
 * prizes have none). A row still noted "Đồng điểm – BTC quyết định" stops the action: the organizers
 * decide first (delete the rows of the units that do not get the prize and clear the note).
 */
export function readCertificateAwards(table: Table<AwardKey>): CertificateAward[] {
  const sheet = AWARDS.name;
  const ties = table.rows.filter((r) => text(table, r, 'unit') !== '' && normalizeName(text(table, r, 'note')).startsWith(normalizeName(TIE_NOTE_PREFIX)));
  if (ties.length > 0) {
    throw new ContestError(
      ties.map((r) =>
        cellProblem(
          'certificate.tie',
          'stops-action',
          { sheet, row: r.row, column: 'Ghi chú' },
          `${text(table, r, 'prize')} – ${text(table, r, 'unit')}: "${text(table, r, 'note')}". Chưa lập giấy khen khi Ban tổ chức chưa quyết định: hãy xoá dòng của đơn vị không nhận giải này và xoá ghi chú "Đồng điểm" ở dòng được giữ lại, rồi chạy lại "${CERTIFICATES_TITLE}".`,
        ),
      ),
    );
  }
  const out: CertificateAward[] = [];
  for (const r of table.rows) {
    const unit = text(table, r, 'unit');
    if (unit === '') continue;
    const total = parseNumberCell(r.cells[table.col.total]);
    out.push({
      row: r.row,
      prize: text(table, r, 'prize'),
      unit,
      clipId: text(table, r, 'id'),
      title: text(table, r, 'title'),
      authors: text(table, r, 'authors'),
      total: typeof total === 'number' ? total : null,
      reward: text(table, r, 'reward'),
    });
  }
  return out;
}

/** The signing date text; a blank setting becomes today's date (recorded, so a later re-run prints the same day). */
function signingDate(ctx: ActionContext, settings: Settings): { text: string; recorded: string | null } {
  if (settings.certificateDate !== '') {
    const d = parseDayText(settings.certificateDate);
    if (!d)
      throw new ContestError([
        settingProblem(ctx, 'certificateDate', 'certificate.date', `"${settings.certificateDate}" không phải ngày dạng dd/MM/yyyy, ví dụ 20/06/2023.`),
      ]);
    return { text: vietnameseDateText(d.day, d.month, d.year), recorded: null };
  }
  const w = wallClock(ctx.now.getTime(), settings.timeZone);
  const typed = `${String(w.day).padStart(2, '0')}/${String(w.month).padStart(2, '0')}/${w.year}`;
  return { text: vietnameseDateText(w.day, w.month, w.year), recorded: typed };
}

function digest(ctx: ActionContext, source: string): string {
  const u = ctx.services.utilities;
  return hex(u.computeDigest(u.DigestAlgorithm.SHA_256, source, u.Charset.UTF_8)).slice(0, 24);
}

export function planCertificates(
  ctx: ActionContext,
  awards: CertificateAward[],
  settings: Settings,
  template: TemplateInfo,
  dateText: string,
): CertificatePlan[] {
  return awards.map((award) => {
    const values = certificateValues(award, settings, dateText);
    return { award, values, fingerprint: digest(ctx, fingerprintSource(template.id, template.signature, values)), fileName: certificateFileName(award) };
  });
}

/** PDFs the add-on made in `folder` (not trashed), by the fingerprint in their description. */
function madeFiles(folder: Folder): { one: Map<string, File>; all: Map<string, File> } {
  const one = new Map<string, File>();
  const all = new Map<string, File>();
  const it = folder.getFiles();
  while (it.hasNext()) {
    const f = it.next();
    // DriveApp lists trashed files too.
    if (f.isTrashed()) continue;
    const d = f.getDescription() ?? '';
    if (d.startsWith(TAG_ALL)) all.set(d.slice(TAG_ALL.length), f);
    else if (d.startsWith(TAG_ONE)) one.set(d.slice(TAG_ONE.length), f);
  }
  return { one, all };
}

/** Fills `slide` with `values` (every known placeholder; unknown ones stay as typed). */
function fill(slide: GoogleAppsScript.Slides.Slide, values: Record<Placeholder, string>): void {
  for (const p of PLACEHOLDERS) slide.replaceAllText(token(p), values[p], true);
}

/**
 * The working presentation (trashed at the end): for each PDF it holds copies of the template slide,
 * filled, then saved and exported, since Drive exports a whole presentation and exports only what was saved.
 */
class Workbench {
  private readonly id: string;
  constructor(
    private readonly ctx: ActionContext,
    private readonly template: TemplateInfo,
  ) {
    const { presentation } = createPresentation(ctx, 'Giấy khen (tệp tạm của add-on Hội thi)', { width: template.width, height: template.height });
    this.id = presentation.getId();
    presentation.saveAndClose();
  }
  /** One PDF of the given certificates, one slide each, named `name`. */
  pdf(plans: CertificatePlan[], name: string): GoogleAppsScript.Base.Blob {
    const p = this.ctx.services.slidesApp.openById(this.id);
    const old = p.getSlides();
    for (const plan of plans) fill(p.appendSlide(this.template.slide), plan.values);
    for (const s of old) s.remove();
    p.saveAndClose();
    return this.ctx.services.driveApp.getFileById(this.id).getAs('application/pdf').setName(name);
  }
  discard(): void {
    this.ctx.services.driveApp.getFileById(this.id).setTrashed(true);
  }
}

export function makeCertificates(ctx: ActionContext): Summary {
  return withLock(ctx, () => run(ctx));
}

/** The awards of "Giải thưởng" to certify; stops when none has been awarded yet. */
function requireAwards(table: Table<AwardKey>): CertificateAward[] {
  const awards = readCertificateAwards(table);
  if (awards.length === 0) {
    throw new ContestError([
      {
        code: 'certificate.none',
        severity: 'stops-action',
        message: `Trang "${AWARDS.name}" chưa có giải nào đã trao. Hãy chạy "Lập danh sách khen thưởng" trước.`,
        sheet: AWARDS.name,
      },
    ]);
  }
  return awards;
}

type MadeFiles = ReturnType<typeof madeFiles>;

/** One PDF per plan: kept when a file of the same fingerprint exists, made otherwise (and added to `made.one`). The links are by award row. */
function certificateFiles(
  ctx: ActionContext,
  plans: CertificatePlan[],
  folder: Folder,
  made: MadeFiles,
  workbench: () => Workbench,
): { links: Map<number, unknown[]>; created: number; kept: number } {
  const links = new Map<number, unknown[]>();
  let created = 0;
  let kept = 0;
  for (const plan of plans) {
    let file = made.one.get(plan.fingerprint);
    if (file) kept++;
    else {
      file = folder.createFile(workbench().pdf([plan], nfc(plan.fileName)));
      file.setDescription(`${TAG_ONE}${plan.fingerprint}`);
      made.one.set(plan.fingerprint, file);
      created++;
    }
    ctx.progress?.(`${created + kept}/${plans.length}: ${plan.award.prize} – ${plan.award.unit}`);
    links.set(plan.award.row, [file.getUrl()]);
  }
  return { links, created, kept };
}

/** The combined PDF of all plans: the existing one when nothing changed, made otherwise. */
function combinedFile(
  ctx: ActionContext,
  plans: CertificatePlan[],
  folder: Folder,
  made: MadeFiles,
  workbench: () => Workbench,
): { file: File; fingerprint: string; created: boolean } {
  const fingerprint = digest(ctx, JSON.stringify(plans.map((p) => p.fingerprint)));
  const existing = made.all.get(fingerprint);
  if (existing) return { file: existing, fingerprint, created: false };
  const file = folder.createFile(workbench().pdf(plans, nfc(COMBINED_FILE_NAME)));
  file.setDescription(`${TAG_ALL}${fingerprint}`);
  return { file, fingerprint, created: true };
}

/** Certificates of awards that changed or no longer exist, and older combined files: moved to "cũ", never deleted. Returns how many. */
function moveStale(folder: Folder, made: MadeFiles, plans: CertificatePlan[], combinedFingerprint: string): number {
  const current = new Set(plans.map((p) => p.fingerprint));
  const stale = [...[...made.one].filter(([fp]) => !current.has(fp)), ...[...made.all].filter(([fp]) => fp !== combinedFingerprint)].map(([, f]) => f);
  if (stale.length > 0) {
    const old = subfolder(folder, OLD_FOLDER);
    for (const f of stale) f.moveTo(old);
  }
  return stale.length;
}

interface MadeCounts {
  plans: number;
  created: number;
  kept: number;
  stale: number;
}

function summaryLines(
  counts: MadeCounts,
  combined: { file: File; created: boolean },
  folder: Folder,
  date: { text: string; recorded: string | null },
): string[] {
  const lines = [
    `${counts.plans} giấy khen: ${counts.created} tạo mới, ${counts.kept} giữ nguyên (không đổi từ lần trước).`,
    `Tệp in chung: "${COMBINED_FILE_NAME}" (${counts.plans} trang)${combined.created ? '' : ', không đổi'}: ${combined.file.getUrl()}`,
    `Thư mục: "${folder.getName()}" ${folder.getUrl()}`,
    `Link từng giấy khen ở cột "Giấy khen (PDF)" của trang "${AWARDS.name}".`,
  ];
  if (counts.stale > 0) lines.push(`${counts.stale} tệp cũ (giải đã đổi hoặc không còn) được chuyển vào thư mục con "${OLD_FOLDER}", không xoá.`);
  if (date.recorded) lines.push(`Ngày ký: ${date.text} (đã ghi ${date.recorded} vào thiết lập "${labelOf('certificateDate')}").`);
  return lines;
}

function run(ctx: ActionContext): Summary {
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const table = readSheet(ctx.spreadsheet, AWARDS);
  const awards = requireAwards(table);
  const template = openTemplate(ctx, settings);
  assertCanWrite(ctx, CERTIFICATES_TITLE, [AWARDS.name]);
  const warnings = templateWarnings(template);
  const date = signingDate(ctx, settings);
  if (settings.certificateSigner === '')
    warnings.push(`Chưa ghi "${labelOf('certificateSigner')}" ở trang "Cấu hình": dòng tên người ký trên giấy khen để trống.`);
  const plans = planCertificates(ctx, awards, settings, template, date.text);

  const { folder } = contestFolder(ctx, settings);
  const made = madeFiles(folder);
  let bench: Workbench | null = null;
  const workbench = () => (bench ??= new Workbench(ctx, template));
  try {
    const { links, created, kept } = certificateFiles(ctx, plans, folder, made, workbench);
    const combined = combinedFile(ctx, plans, folder, made, workbench);
    const stale = moveStale(folder, made, plans, combined.fingerprint);
    writeLinks(table, links);
    if (date.recorded) recordSettings(ctx, { certificateDate: date.recorded });
    return { title: CERTIFICATES_TITLE, lines: summaryLines({ plans: plans.length, created, kept, stale }, combined, folder, date), warnings };
  } finally {
    if (bench) (bench as Workbench).discard();
  }
}

/** Links in "Giấy khen (PDF)", adding the column header at the right when an older sheet lacks it. */
function writeLinks(table: Table<AwardKey>, links: Map<number, unknown[]>): void {
  if (table.col.certificate < 0) {
    const col = table.width + 1;
    const max = table.sheet.getMaxColumns();
    if (max < col) table.sheet.insertColumnsAfter(max, col - max);
    table.sheet.getRange(1, col).setValue('Giấy khen (PDF)');
    (table.col as Record<AwardKey, number>).certificate = col - 1;
  }
  // Rows without a certificate (unawarded prizes) are blanked so no stale link stays next to them.
  const all = new Map<number, unknown[]>(table.rows.map((r) => [r.row, links.get(r.row) ?? ['']]));
  updateRows(table, ['certificate'], all);
}

export const certificatesAction: MenuAction = { title: CERTIFICATES_TITLE, run: makeCertificates };
