// QR codes for submission links: a pure-JS encoder (qrcode-generator) in UTF-8 byte mode, level M, as GIF bytes or SVG.
import qrcode from 'qrcode-generator';
import { escapeHtml } from '../domain/html';

/** Error correction M survives ~15% damage (a crease or a smudge on a printed sheet) while keeping codes small. */
const ERROR_CORRECTION = 'M';

/**
 * UTF-8 bytes of a string. Our own encoder instead of the package's: its CommonJS build ships a
 * 'UTF-8' encoder but its ES module build (what webpack bundles) does not, and Apps Script has no TextEncoder.
 */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** The module matrix of a QR code: `dark[row][col]`, quiet zone not included. */
export interface QrMatrix {
  size: number;
  dark: boolean[][];
}

type QrCodeObject = ReturnType<typeof qrcode>;

function encode(text: string): QrCodeObject {
  // The package reads its (global) stringToBytes when data is added; set it every time so no
  // other importer can switch us back to Latin-1 and garble Vietnamese unit names.
  qrcode.stringToBytes = utf8Bytes;
  const code = qrcode(0, ERROR_CORRECTION);
  code.addData(text, 'Byte');
  code.make();
  return code;
}

/** The QR matrix for `text` (type number chosen automatically). */
export function qrMatrix(text: string): QrMatrix {
  const code = encode(text);
  const size = code.getModuleCount();
  const dark: boolean[][] = [];
  for (let r = 0; r < size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < size; c++) row.push(code.isDark(r, c));
    dark.push(row);
  }
  return { size, dark };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (padding optional) to bytes; pure so it runs without Utilities or Buffer. */
export function base64ToBytes(base64: string): number[] {
  const clean = base64.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | BASE64.indexOf(clean.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** Pixels per module and quiet-zone width for images placed in the "Mã QR" sheet. */
export const SHEET_CELL_SIZE = 4;
/** The QR standard asks for a 4-module quiet zone; scanners fail on codes pressed against other ink. */
export const QUIET_ZONE_MODULES = 4;

/** `data:image/gif;base64,…` for `text`. */
export function qrGifDataUrl(text: string, cellSize = SHEET_CELL_SIZE): string {
  return encode(text).createDataURL(cellSize, cellSize * QUIET_ZONE_MODULES);
}

/** GIF bytes for `text`, 0..255 (what a file holds). For Utilities.newBlob use qrGifBlobBytes. */
export function qrGifBytes(text: string, cellSize = SHEET_CELL_SIZE): number[] {
  const url = qrGifDataUrl(text, cellSize);
  return base64ToBytes(url.substring(url.indexOf(',') + 1));
}

/**
 * Bytes 0..255 as Apps Script's `Byte[]`: signed Java bytes −128..127 (what Blob.getBytes() and
 * Utilities.base64Decode return). Whether newBlob narrows or rejects 128..255 is undocumented, so the
 * add-on never relies on it.
 * @example toSignedBytes([0, 127, 128, 255]) // [0, 127, -128, -1]
 */
export function toSignedBytes(bytes: number[]): number[] {
  return bytes.map((b) => (b > 127 ? b - 256 : b));
}

/** GIF bytes for `text` ready for `Utilities.newBlob(bytes, 'image/gif', name)` and `insertImage` (signed). */
export function qrGifBlobBytes(text: string, cellSize = SHEET_CELL_SIZE): number[] {
  return toSignedBytes(qrGifBytes(text, cellSize));
}

/**
 * A scalable inline SVG for `text` (one path, crisp at any print resolution).
 * `title` becomes the SVG's accessible name.
 */
export function qrSvg(text: string, title = ''): string {
  const { size, dark } = qrMatrix(text);
  const q = QUIET_ZONE_MODULES;
  const total = size + 2 * q;
  let path = '';
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if (!dark[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && dark[r][c]) c++;
      // One horizontal run per segment keeps the markup ~5x smaller than one rect per module.
      path += `M${start + q} ${r + q}h${c - start}v1h${start - c}z`;
    }
  }
  const label = title ? `<title>${escapeHtml(title)}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" role="img">` +
    `${label}<rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
