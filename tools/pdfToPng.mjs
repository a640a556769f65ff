// Renders page 1 of a PDF to PNG (pdfjs-dist + @napi-rs/canvas): node tools/pdfToPng.mjs in.pdf out.png [scale] — for the README picture.
import { readFileSync, writeFileSync } from 'fs';
import { DOMMatrix, ImageData, Path2D, createCanvas } from '@napi-rs/canvas';

// pdfjs draws paths with the global Path2D: it must be the canvas library's own.
Object.assign(globalThis, { Path2D, DOMMatrix, ImageData });
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const [input, output, scale = '1.5'] = process.argv.slice(2);
const doc = await getDocument({ data: new Uint8Array(readFileSync(input)), verbosity: 0 }).promise;
const page = await doc.getPage(1);
const viewport = page.getViewport({ scale: Number(scale) });
const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#ffffff';
ctx.fillRect(0, 0, canvas.width, canvas.height);
await page.render({ canvasContext: ctx, viewport }).promise;
writeFileSync(output, canvas.toBuffer('image/png'));
