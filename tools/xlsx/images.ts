// Pictures over a worksheet's cells (e.g. the QR codes), placed at their own pixel size.
import type ExcelJS from 'exceljs';

export interface SheetImage {
  /** 1-based anchor cell. */
  row: number;
  column: number;
  bytes: Uint8Array;
  /** "image/png", "image/gif" or "image/jpeg"; anything else is skipped. */
  contentType: string | null;
}

const IMAGE_EXTENSIONS: Record<string, 'png' | 'gif' | 'jpeg'> = { 'image/png': 'png', 'image/gif': 'gif', 'image/jpeg': 'jpeg' };

/** Pixel size from the image header (GIF and PNG), so the picture keeps its proportions. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return { width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) };
  }
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    const be = (i: number): number => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    return { width: be(16), height: be(20) };
  }
  return null;
}

/** Adds `images` to the workbook and anchors each at its top-left cell of `ws`; pictures of unknown type or size are skipped. */
export function addImages(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, images: SheetImage[]): void {
  for (const img of images) {
    const extension = IMAGE_EXTENSIONS[img.contentType ?? ''];
    const size = imageSize(img.bytes);
    if (!extension || !size) continue;
    const id = wb.addImage({ buffer: Buffer.from(img.bytes) as unknown as ExcelJS.Buffer, extension });
    ws.addImage(id, { tl: { col: img.column - 1, row: img.row - 1 }, ext: size, editAs: 'oneCell' });
  }
}
