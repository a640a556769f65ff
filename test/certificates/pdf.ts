// Test helper: text of PDF bytes, read by pdfjs-dist in a child process (pdfjs is ESM only; jest runs CommonJS).
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export interface PdfPage {
  text: string;
  width: number;
  height: number;
}

/** Pages of each PDF (one child process for all of them). */
export function pdfPages(pdfs: Uint8Array[]): PdfPage[][] {
  const dir = mkdtempSync(join(tmpdir(), 'giay-khen-'));
  const files = pdfs.map((bytes, i) => {
    const f = join(dir, `${i}.pdf`);
    writeFileSync(f, bytes);
    return f;
  });
  const out = execFileSync(process.execPath, [join(__dirname, 'pdfText.mjs'), ...files], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as PdfPage[][];
}
