// Drive and Slides steps shared by the certificate actions: the contest folder, the template, the working presentation.
import { driveIdOf, nfc, scanPlaceholders, type Placeholder } from '../domain/certificates';
import { describePlace, normalizeName } from '../domain/parse';
import { SETTING_DEFINITIONS, SETTINGS_HEADERS } from '../domain/settings';
import type { Problem, Settings } from '../domain/types';
import { CONFIG, configRows, upsertConfigValues } from '../sheets/config';
import { ContestError } from '../sheets/errors';
import { readSheet } from '../sheets/table';
import type { ActionContext } from './context';

type Folder = GoogleAppsScript.Drive.Folder;
type Presentation = GoogleAppsScript.Slides.Presentation;

/** A4 landscape in points (297 × 210 mm). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
/** The subfolder certificates of awards that no longer exist (or changed) are moved to: never deleted. */
export const OLD_FOLDER = 'cũ';

export function labelOf(key: keyof Settings): string {
  return SETTING_DEFINITIONS.find((d) => d.key === key)!.label;
}

/** 'Trang "Cấu hình", dòng 22, cột "Giá trị"' of a setting (its row when it has one). */
export function settingPlace(ctx: ActionContext, key: keyof Settings): { sheet: string; row?: number; column: string } {
  const label = normalizeName(labelOf(key));
  const row = configRows(readSheet(ctx.spreadsheet, CONFIG)).find((r) => normalizeName(r.label) === label)?.row;
  return { sheet: CONFIG.name, row, column: SETTINGS_HEADERS[1] };
}

export function settingProblem(ctx: ActionContext, key: keyof Settings, code: string, text: string): Problem {
  const place = settingPlace(ctx, key);
  const where = place.row === undefined ? `Trang "${place.sheet}"` : describePlace({ ...place, row: place.row });
  return { code, severity: 'stops-action', message: `${where} (thiết lập "${labelOf(key)}"): ${text}`, ...place };
}

/** Writes settings rows by their labels (the rows exist after setup; an older sheet gets them appended). */
export function recordSettings(ctx: ActionContext, values: Partial<Record<keyof Settings, string>>): void {
  upsertConfigValues(
    ctx.spreadsheet,
    (Object.keys(values) as (keyof Settings)[]).map((key) => ({
      label: labelOf(key),
      value: values[key],
      note: SETTING_DEFINITIONS.find((d) => d.key === key)!.note,
    })),
  );
}

/**
 * The contest's output folder: the one in "Thư mục giấy khen", or a new one in the organizer's Drive
 * (recorded there). Under drive.file a folder made by hand cannot be opened: the message says so.
 */
export function contestFolder(ctx: ActionContext, settings: Settings): { folder: Folder; created: boolean } {
  const link = settings.certificateFolder;
  if (link !== '') {
    const id = driveIdOf(link);
    if (id === '') throw new ContestError([settingProblem(ctx, 'certificateFolder', 'folder.link', `"${link}" không phải link thư mục Google Drive.`)]);
    try {
      return { folder: ctx.services.driveApp.getFolderById(id), created: false };
    } catch {
      throw new ContestError([
        settingProblem(
          ctx,
          'certificateFolder',
          'folder.access',
          'add-on không mở được thư mục này. Add-on chỉ được dùng thư mục do chính nó tạo (quyền "drive.file"): hãy xoá ô này để add-on tự tạo thư mục mới, rồi chạy lại.',
        ),
      ]);
    }
  }
  const folder = ctx.services.driveApp.createFolder(nfc(`Giấy khen - ${settings.contestName}`).slice(0, 200));
  recordSettings(ctx, { certificateFolder: folder.getUrl() });
  return { folder, created: true };
}

/** The subfolder `name` of `folder` (created when missing; a trashed one does not count). */
export function subfolder(folder: Folder, name: string): Folder {
  const it = folder.getFoldersByName(name);
  while (it.hasNext()) {
    const f = it.next();
    if (!f.isTrashed()) return f;
  }
  return folder.createFolder(name);
}

/** A new presentation of `size` (points) owned by the add-on; without the Slides advanced service it is 16:9. */
export function createPresentation(
  ctx: ActionContext,
  title: string,
  size: { width: number; height: number },
): { presentation: Presentation; exactSize: boolean } {
  const api = ctx.services.slides;
  if (api?.Presentations) {
    const created = api.Presentations.create({
      title,
      pageSize: { width: { magnitude: size.width, unit: 'PT' }, height: { magnitude: size.height, unit: 'PT' } },
    });
    return { presentation: ctx.services.slidesApp.openById(created.presentationId!), exactSize: true };
  }
  return { presentation: ctx.services.slidesApp.create(title), exactSize: false };
}

/** The template as the certificate actions read it. */
export interface TemplateInfo {
  id: string;
  presentation: Presentation;
  slide: GoogleAppsScript.Slides.Slide;
  known: Placeholder[];
  unknown: string[];
  /** Text and geometry of every shape: part of each fingerprint, so editing the template remakes the certificates. */
  signature: string;
  slideCount: number;
  width: number;
  height: number;
}

/** The presentation "Mẫu giấy khen" links to; stops when the setting is blank or the link does not open. */
function openTemplatePresentation(ctx: ActionContext, link: string): { id: string; presentation: Presentation } {
  if (link === '') {
    throw new ContestError([
      settingProblem(
        ctx,
        'certificateTemplate',
        'template.missing',
        'chưa có mẫu giấy khen. Hãy chạy "Hội thi → Tạo mẫu giấy khen", hoặc dán link một bản Google Trang trình bày đã có các chỗ điền như {{Đơn vị}}.',
      ),
    ]);
  }
  const id = driveIdOf(link);
  try {
    if (id === '') throw new Error('no id');
    return { id, presentation: ctx.services.slidesApp.openById(id) };
  } catch {
    throw new ContestError([
      settingProblem(
        ctx,
        'certificateTemplate',
        'template.open',
        `không mở được "${link}" như một bản Google Trang trình bày. Hãy kiểm tra link và quyền xem của bạn.`,
      ),
    ]);
  }
}

/** The text of each shape of `slide`, and its signature (text and geometry of every shape). */
function readShapes(slide: GoogleAppsScript.Slides.Slide): { texts: string[]; signature: string } {
  const texts: string[] = [];
  const parts: string[] = [];
  for (const shape of slide.getShapes()) {
    const t = shape.getText().asString();
    texts.push(t);
    parts.push([shape.getLeft(), shape.getTop(), shape.getWidth(), shape.getHeight()].map((n) => Math.round(n * 10)).join(',') + ':' + nfc(t));
  }
  return { texts, signature: parts.join('|') };
}

/**
 * Opens the template of "Mẫu giấy khen" (the presentations scope opens any presentation the user can,
 * so a template made by hand works) and reads its placeholders. Stops when there is none, or no
 * placeholder at all.
 */
export function openTemplate(ctx: ActionContext, settings: Settings): TemplateInfo {
  const { id, presentation } = openTemplatePresentation(ctx, settings.certificateTemplate);
  const slides = presentation.getSlides();
  if (slides.length === 0) {
    throw new ContestError([settingProblem(ctx, 'certificateTemplate', 'template.empty', 'bản trình bày mẫu không có trang chiếu nào.')]);
  }
  const slide = slides[0];
  const { texts, signature } = readShapes(slide);
  const { known, unknown } = scanPlaceholders(texts);
  if (known.length === 0) {
    throw new ContestError([
      settingProblem(
        ctx,
        'certificateTemplate',
        'template.no_placeholder',
        `trang chiếu đầu tiên của mẫu không có chỗ điền nào${unknown.length ? ` mà add-on biết (có ${unknown.map((u) => `{{${u}}}`).join(', ')})` : ''}. Hãy gõ ví dụ {{Đơn vị}}, {{Giải}} vào mẫu.`,
      ),
    ]);
  }
  return {
    id,
    presentation,
    slide,
    known,
    unknown,
    signature,
    slideCount: slides.length,
    width: presentation.getPageWidth(),
    height: presentation.getPageHeight(),
  };
}

/** The Vietnamese warnings about a template: unknown placeholders (left as typed) and extra slides (not used). */
export function templateWarnings(t: TemplateInfo): string[] {
  const out: string[] = [];
  if (t.unknown.length > 0) {
    out.push(
      `Mẫu giấy khen có chỗ điền add-on không biết: ${t.unknown.map((u) => `{{${u}}}`).join(', ')} — giữ nguyên như đã gõ. Các chỗ điền được hỗ trợ: xem README (mục "Giấy khen").`,
    );
  }
  if (t.slideCount > 1) out.push(`Mẫu giấy khen có ${t.slideCount} trang chiếu; chỉ trang chiếu đầu tiên được dùng.`);
  return out;
}
