// "Tạo mẫu giấy khen": a landscape A4 Google Slides template in the formal Vietnamese layout, with placeholders, in the contest folder.
import { driveIdOf, nfc, token } from '../domain/certificates';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction } from './action';
import { A4_LANDSCAPE, contestFolder, createPresentation, labelOf, recordSettings } from './certificateFiles';
import type { ActionContext, Summary } from './context';

export const CERTIFICATE_TEMPLATE_TITLE = 'Tạo mẫu giấy khen';

const RED = '#b71c1c';
const BLUE = '#0d3c8c';

/** One text box of the layout, in A4-landscape points (scaled when the page is another size). */
interface Box {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}

const W = A4_LANDSCAPE.width;

/**
 * The formal layout (Nghị định 30/2020 style): issuing body top left, national motto top right,
 * "GIẤY KHEN", the recipient, the achievement, then place and date and the signature block bottom right.
 */
function layout(): Box[] {
  const t = token;
  return [
    { text: 'ĐOÀN TNCS HỒ CHÍ MINH', left: 40, top: 44, width: 360, height: 24, size: 13 },
    { text: t('Đơn vị tổ chức'), left: 40, top: 64, width: 360, height: 24, size: 13, bold: true, underline: true },
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left: 400, top: 44, width: 400, height: 24, size: 13, bold: true },
    { text: 'Độc lập - Tự do - Hạnh phúc', left: 400, top: 64, width: 400, height: 24, size: 14, bold: true, underline: true },
    { text: 'GIẤY KHEN', left: 40, top: 118, width: W - 80, height: 60, size: 40, bold: true, color: RED },
    { text: 'Tặng', left: 40, top: 190, width: W - 80, height: 26, size: 16, italic: true },
    { text: t('Đơn vị'), left: 40, top: 216, width: W - 80, height: 44, size: 26, bold: true, color: BLUE },
    { text: `Tác giả: ${t('Tác giả')}`, left: 60, top: 262, width: W - 120, height: 26, size: 14, italic: true },
    {
      text: `Đã đạt ${t('Giải')} (${t('Tổng điểm')} điểm) với tác phẩm “${t('Tên tác phẩm')}”`,
      left: 60,
      top: 294,
      width: W - 120,
      height: 50,
      size: 17,
      bold: true,
    },
    { text: `tại ${t('Tên hội thi')}`, left: 60, top: 346, width: W - 120, height: 50, size: 14 },
    { text: `Hình thức khen thưởng: ${t('Hình thức khen thưởng')}`, left: 60, top: 396, width: W - 120, height: 26, size: 13, italic: true },
    { text: `${t('Nơi ký')}, ${t('Ngày')}`, left: 430, top: 430, width: 370, height: 24, size: 13, italic: true },
    { text: `TM. ${t('Đơn vị tổ chức')}`, left: 430, top: 452, width: 370, height: 24, size: 13, bold: true },
    { text: t('Chức vụ người ký'), left: 430, top: 472, width: 370, height: 24, size: 13, bold: true },
    { text: t('Người ký'), left: 430, top: 536, width: 370, height: 26, size: 15, bold: true },
  ];
}

/** Draws the template on the (only) slide of `presentation`: a double frame and the boxes of layout(). */
function drawTemplate(ctx: ActionContext, presentation: GoogleAppsScript.Slides.Presentation): void {
  const app = ctx.services.slidesApp;
  const sx = presentation.getPageWidth() / A4_LANDSCAPE.width;
  const sy = presentation.getPageHeight() / A4_LANDSCAPE.height;
  const slides = presentation.getSlides();
  const slide = presentation.appendSlide();
  // The presentation's first slide comes with empty title placeholders: the certificate is a clean slide.
  for (const s of slides) s.remove();
  const frame = (inset: number, weight: number) => {
    const r = slide.insertShape(app.ShapeType.RECTANGLE, inset * sx, inset * sy, (A4_LANDSCAPE.width - 2 * inset) * sx, (A4_LANDSCAPE.height - 2 * inset) * sy);
    r.getFill().setTransparent();
    r.getBorder().setWeight(weight);
    r.getBorder().getLineFill().setSolidFill(RED);
  };
  frame(16, 4);
  frame(26, 1);
  const scale = Math.min(sx, sy);
  for (const b of layout()) {
    const shape = slide.insertTextBox(nfc(b.text), b.left * sx, b.top * sy, b.width * sx, b.height * sy);
    const text = shape.getText();
    const style = text.getTextStyle();
    style
      .setFontFamily('Noto Serif')
      .setFontSize(Math.round(b.size * scale * 10) / 10)
      .setBold(b.bold ?? false)
      .setItalic(b.italic ?? false);
    if (b.underline) style.setUnderline(true);
    style.setForegroundColor(b.color ?? '#000000');
    text.getParagraphStyle().setParagraphAlignment(app.ParagraphAlignment.CENTER);
  }
}

/**
 * Creates the template once: a presentation "Mẫu giấy khen – <tên hội thi>" in the contest folder,
 * recorded in "Cấu hình". When "Mẫu giấy khen" already opens, nothing is created (the organizer's
 * edits to it are kept).
 */
export function createCertificateTemplate(ctx: ActionContext): Summary {
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const warnings: string[] = [];
  if (settings.certificateTemplate !== '') {
    try {
      const existing = ctx.services.slidesApp.openById(driveIdOf(settings.certificateTemplate));
      return {
        title: CERTIFICATE_TEMPLATE_TITLE,
        lines: [
          `Đã có mẫu giấy khen "${existing.getName()}" (thiết lập "${labelOf('certificateTemplate')}" ở trang "Cấu hình"); không tạo thêm.`,
          `Mở để sửa: ${existing.getUrl()}`,
          'Muốn tạo lại mẫu mặc định: xoá ô "Giá trị" của thiết lập này rồi chạy lại.',
        ],
        warnings,
      };
    } catch {
      warnings.push(`Không mở được mẫu cũ "${settings.certificateTemplate}": đã tạo mẫu mới và ghi đè thiết lập "${labelOf('certificateTemplate')}".`);
    }
  }
  const { folder } = contestFolder(ctx, settings);
  const name = nfc(`Mẫu giấy khen - ${settings.contestName}`).slice(0, 200);
  const { presentation, exactSize } = createPresentation(ctx, name, A4_LANDSCAPE);
  if (!exactSize) warnings.push('Dịch vụ nâng cao "Slides" chưa bật nên mẫu có khổ 16:9 thay vì A4 ngang; bố cục đã được co giãn theo khổ này.');
  drawTemplate(ctx, presentation);
  const id = presentation.getId();
  const url = presentation.getUrl();
  presentation.saveAndClose();
  ctx.services.driveApp.getFileById(id).moveTo(folder);
  recordSettings(ctx, { certificateTemplate: url });
  return {
    title: CERTIFICATE_TEMPLATE_TITLE,
    lines: [
      `Đã tạo mẫu giấy khen "${name}" (A4 ngang) trong thư mục "${folder.getName()}".`,
      `Mở để sửa bố cục, phông chữ, thêm logo: ${url}`,
      'Các chỗ điền như {{Đơn vị}}, {{Giải}} sẽ được thay bằng dữ liệu của từng giải khi chạy "Giấy khen (PDF)".',
    ],
    warnings,
  };
}

export const certificateTemplateAction: MenuAction = { title: CERTIFICATE_TEMPLATE_TITLE, run: createCertificateTemplate };
