// QR encoder: codes decode back to the exact text (Vietnamese included), GIF bytes are a real GIF, SVG is self-contained.
import { buildSync } from 'esbuild';
import jsQR from 'jsqr';
import * as path from 'path';
import * as vm from 'vm';
import { base64ToBytes, qrGifBytes, qrMatrix, qrSvg, utf8Bytes } from '../../src/forms/qr';
import { buildQrPrintHtml } from '../../src/ui/qrPage';

/** Renders a matrix to RGBA pixels (4-module white quiet zone, `scale` px per module) and decodes it with jsQR. */
function decodeMatrix(text: string, scale = 4, matrix = qrMatrix): string | null {
  const { size, dark } = matrix(text);
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      if (r >= 0 && c >= 0 && r < size && c < size && dark[r][c]) {
        const i = (y * side + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  const found = jsQR(rgba, side, side);
  return found ? found.data : null;
}

describe('qr', () => {
  test('utf8Bytes matches Node for Vietnamese and astral text', () => {
    for (const s of ['Phường 1', 'Đoàn TNCS Hồ Chí Minh', 'a😀b', '']) {
      expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
    }
  });

  test('base64ToBytes matches Node', () => {
    const bytes = [0, 1, 2, 250, 255, 128, 64];
    for (let n = 0; n <= bytes.length; n++) {
      const slice = bytes.slice(0, n);
      expect(base64ToBytes(Buffer.from(slice).toString('base64'))).toEqual(slice);
    }
  });

  test('a prefilled link and a Vietnamese text decode back exactly (UTF-8 byte mode)', () => {
    const url = 'https://docs.google.com/forms/d/e/1FAIpQLSe_x/viewform?usp=pp_url&entry.1000001=Ph%C6%B0%E1%BB%9Dng+1';
    expect(decodeMatrix(url)).toBe(url);
    expect(decodeMatrix('Đoàn Phường 16 – Quận 11')).toBe('Đoàn Phường 16 – Quận 11');
  });

  test('error correction is level M (module counts only M gives for these lengths)', () => {
    // Byte-mode capacity, version 2/3/4: L 32/53/78, M 26/42/62, Q 20/32/46, H 14/24/34.
    // 27 bytes: L→v2 (25), M→v3 (29), Q→v3 (29), H→v4 (33).  33 bytes: L→v3, M→v3 (29), Q→v4, H→v4 (33).
    // Only M gives 29 for both.
    expect(qrMatrix('x'.repeat(27)).size).toBe(29);
    expect(qrMatrix('x'.repeat(33)).size).toBe(29);
  });

  test('GIF bytes are a GIF87a of the expected pixel size', () => {
    const text = 'https://example.com/abcde'; // 25 bytes → version 2 at M
    const bytes = qrGifBytes(text, 4);
    expect(String.fromCharCode(...bytes.slice(0, 6))).toBe('GIF87a');
    // 25 modules + 2×4 quiet zone = 33 modules × 4 px = 132 px, little-endian width and height.
    expect(bytes[6] + bytes[7] * 256).toBe(132);
    expect(bytes[8] + bytes[9] * 256).toBe(132);
    expect(bytes[bytes.length - 1]).toBe(0x3b); // GIF trailer
    expect(bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)).toBe(true);
  });

  test('SVG has one dark run per segment and escapes its title', () => {
    const svg = qrSvg('x', 'A & B <c>');
    expect(svg).toContain('<title>A &amp; B &lt;c&gt;</title>');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 29 29"/); // version 1: 21 modules + 8 quiet
  });

  test('the printable page escapes names and needs no network', () => {
    const html = buildQrPrintHtml({
      contestName: 'Hội thi <clip>',
      deadlineText: '10/06/2023 23:59',
      cards: [{ label: 'Đoàn "Phường 1"', url: 'https://e.x/?a=1&b=2' }],
    });
    expect(html).toContain('<h1>Hội thi &lt;clip&gt;</h1>');
    expect(html).toContain('Hạn nộp bài: 10/06/2023 23:59');
    expect(html).toContain('data-url="https://e.x/?a=1&amp;b=2"');
    expect(html).toContain('Đoàn &quot;Phường 1&quot;');
    expect(html).not.toMatch(/<(script|img|link)[^>]+(src|href)=/);
  });

  test("bundled the way webpack bundles it (the package's ES module build) it runs in a bare V8 context, UTF-8 intact", () => {
    // webpack targets "web" and resolves the package's "import" condition (qrcode.mjs, which has no
    // UTF-8 table of its own); esbuild with platform "browser" picks the same file.
    const out = buildSync({
      entryPoints: [path.join(__dirname, '../../src/forms/qr.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'QR',
      platform: 'browser',
      target: 'es2020',
    });
    const source = out.outputFiles[0].text;
    expect(source).toContain('qrcode.mjs');
    const context = vm.createContext({});
    vm.runInContext(`${source};this.QR = QR;`, context);
    const bundled = (context as { QR: { qrMatrix: typeof qrMatrix } }).QR;
    expect(decodeMatrix('Đoàn Phường 16', 4, bundled.qrMatrix)).toBe('Đoàn Phường 16');
  });
});
