// Prints the text of each page of the PDF files given as arguments, as JSON ([[page text, …], …]), with pdfjs-dist (independent of pdf-lib, which wrote them).
import { readFileSync } from 'fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const out = [];
for (const file of process.argv.slice(2)) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const view = page.view;
    pages.push({
      text: content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .normalize('NFC'),
      width: view[2],
      height: view[3],
    });
  }
  out.push(pages);
}
process.stdout.write(JSON.stringify(out));
