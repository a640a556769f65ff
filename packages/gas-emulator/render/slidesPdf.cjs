// Renders emulated Slides pages to a real PDF with pdf-lib + Noto Serif, in a synckit worker thread: pdf-lib is async and Apps Script's getAs is not.
'use strict';
const { PDFDocument, rgb } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');
const { readFileSync } = require('fs');
const { runAsWorker } = require('synckit');
const { dirname, join } = require('path');

/** Noto Serif TTFs (full Google Fonts files: Latin and every Vietnamese precomposed letter). */
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
const FONT_FILES = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

/** Slides' default text box insets (points) and line spacing ("100%" is about 1.2 × the font size). */
const INSET_X = 7.2;
const INSET_Y = 7.2;
const LINE = 1.2;

function color(hex, fallback) {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex || '');
  if (!m) return fallback;
  const n = parseInt(m[1], 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

const loaded = {};
function fontBytes(face) {
  if (!loaded[face]) loaded[face] = readFileSync(join(FONT_DIR, FONT_FILES[face]));
  return loaded[face];
}
function faceOf(r) {
  return r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular';
}

async function render(input) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(input.title || '');
  pdf.setProducer('gas-emulator (pdf-lib)');
  pdf.setCreationDate(new Date(input.createdMs || 0));
  pdf.setModificationDate(new Date(input.createdMs || 0));
  // Only the faces the pages use are embedded (whole).
  const used = new Set();
  for (const p of input.pages) for (const e of p.elements) for (const para of e.paragraphs || []) for (const r of para.runs) used.add(faceOf(r));
  const fonts = {};
  // Whole fonts: pdf-lib's fontkit subsetting drops glyphs of Noto Serif (the text extracts but does not show).
  for (const k of used) fonts[k] = await pdf.embedFont(fontBytes(k), { subset: false });
  const fontOf = (r) => fonts[faceOf(r)];

  for (const p of input.pages) {
    const page = pdf.addPage([p.width, p.height]);
    const y = (top) => p.height - top;
    if (p.background) page.drawRectangle({ x: 0, y: 0, width: p.width, height: p.height, color: color(p.background, rgb(1, 1, 1)) });
    for (const e of p.elements) {
      if (e.fill || e.border) {
        page.drawRectangle({
          x: e.left,
          y: y(e.top + e.height),
          width: e.width,
          height: e.height,
          color: e.fill ? color(e.fill, undefined) : undefined,
          borderColor: e.border ? color(e.border.color, rgb(0, 0, 0)) : undefined,
          borderWidth: e.border ? e.border.weight : 0,
        });
      }
      if (!e.paragraphs) continue;
      let cursor = e.top + INSET_Y;
      const maxWidth = Math.max(1, e.width - 2 * INSET_X);
      for (const para of e.paragraphs) {
        for (const line of wrap(para.runs, maxWidth, fontOf)) {
          const size = Math.max(...line.map((w) => w.size), para.runs[0] ? para.runs[0].size : 14);
          const width = line.reduce((s, w) => s + w.width, 0);
          let x = e.left + INSET_X;
          if (para.align === 'CENTER') x += (maxWidth - width) / 2;
          else if (para.align === 'END') x += maxWidth - width;
          const baseline = y(cursor + size * 0.95);
          for (const w of line) {
            if (w.text !== '') {
              page.drawText(w.text, { x, y: baseline, size: w.size, font: w.font, color: color(w.color, rgb(0, 0, 0)) });
              if (w.underline) {
                page.drawLine({
                  start: { x, y: baseline - w.size * 0.12 },
                  end: { x: x + w.width, y: baseline - w.size * 0.12 },
                  thickness: Math.max(0.5, w.size / 18),
                  color: color(w.color, rgb(0, 0, 0)),
                });
              }
            }
            x += w.width;
          }
          cursor += size * LINE;
        }
      }
    }
  }
  return pdf.save();
}

/** Breaks a paragraph's runs into lines of pieces no wider than `maxWidth` (at spaces; a long word stays whole). */
function wrap(runs, maxWidth, fontOf) {
  const pieces = [];
  for (const r of runs) {
    for (const part of r.text.split(/( +)/)) {
      if (part === '') continue;
      const font = fontOf(r);
      pieces.push({
        text: part,
        size: r.size,
        font,
        color: r.color,
        underline: r.underline,
        space: /^ +$/.test(part),
        width: font.widthOfTextAtSize(part, r.size),
      });
    }
  }
  const lines = [];
  let line = [];
  let width = 0;
  for (const piece of pieces) {
    if (line.length > 0 && !piece.space && width + piece.width > maxWidth) {
      while (line.length && line[line.length - 1].space) width -= line.pop().width;
      lines.push(line);
      line = [];
      width = 0;
    }
    if (line.length === 0 && piece.space) continue;
    line.push(piece);
    width += piece.width;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.length ? line : [{ text: '', size: runs[0] ? runs[0].size : 14, width: 0 }]);
  return lines;
}

runAsWorker(async (json) => render(JSON.parse(json)));
