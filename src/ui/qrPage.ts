// The printable QR page: one self-contained HTML string (A4 grid, unit name under each code, contest heading).
import type { QrPrintPage } from '../flows/context';
import { qrSvg } from '../forms/qr';
import { escapeHtml } from '../domain/html';

/**
 * The print path, robust inside HtmlService's sandboxed dialog iframe. Browsers ignore window.print()
 * in a sandboxed frame without "allow-modals" (whatwg/html #48, Chrome 45+), and Google does not
 * document whether HtmlService grants it. So: "In trang này" calls window.print() and, when no
 * "beforeprint" followed (print suppressed), shows the fallback hint; "Mở trang in trong thẻ mới" opens
 * this same page from a Blob URL in a new tab (popups are allowed in HtmlService dialogs), where the
 * page is the top-level document and prints normally. Plain ES5, no network.
 */
export const PRINT_SCRIPT = `(function () {
  var printed = false;
  window.addEventListener('beforeprint', function () { printed = true; });
  function openTab(ev) {
    if (ev) ev.preventDefault();
    var html = '<!DOCTYPE html>' + document.documentElement.outerHTML;
    var url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    var tab = window.open(url, '_blank');
    if (!tab) document.getElementById('print-blocked').hidden = false;
    return tab;
  }
  document.getElementById('open-tab').addEventListener('click', openTab);
  document.getElementById('print').addEventListener('click', function () {
    printed = false;
    try { window.print(); } catch (e) { printed = false; }
    if (!printed) document.getElementById('print-blocked').hidden = false;
  });
  window.hoithiOpenPrintTab = openTab;
})();`;

/**
 * The page shown in the "Mã QR" dialog and printed from it. Codes are inline SVG so the page needs
 * no network and prints sharp; 3 columns × 4 rows fill an A4 sheet, and a card never splits across pages.
 */
export function buildQrPrintHtml(page: QrPrintPage): string {
  const cards = page.cards
    .map(
      (card, i) =>
        `<figure class="card" data-index="${i}" data-url="${escapeHtml(card.url)}">` +
        `<div class="qr">${qrSvg(card.url, card.label)}</div>` +
        `<figcaption>${escapeHtml(card.label)}</figcaption></figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Mã QR nộp bài – ${escapeHtml(page.contestName)}</title>
<style>
  @page { size: A4 portrait; margin: 12mm; }
  * { box-sizing: border-box; }
  body { margin: 0; padding: 12px; font-family: Arial, "Helvetica Neue", sans-serif; color: #000; background: #fff; }
  header { text-align: center; margin-bottom: 8px; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  .deadline { font-size: 14px; margin: 0; }
  .hint { font-size: 12px; color: #555; margin: 4px 0 0; }
  .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8mm 6mm; }
  .card { margin: 0; padding: 3mm; border: 1px dashed #999; text-align: center; break-inside: avoid; page-break-inside: avoid; }
  .qr svg { display: block; width: 100%; max-width: 55mm; height: auto; margin: 0 auto; }
  figcaption { font-size: 13px; font-weight: bold; margin-top: 2mm; overflow-wrap: anywhere; }
  .actions { text-align: center; margin: 8px 0; }
  #open-tab { margin-left: 12px; font-size: 13px; }
  @media print { .actions, .hint { display: none; } body { padding: 0; } }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(page.contestName)}</h1>
  <p class="deadline">Hạn nộp bài: ${escapeHtml(page.deadlineText)}</p>
  <p class="hint">Quét mã QR của đơn vị mình để mở biểu mẫu nộp bài đã điền sẵn tên đơn vị.</p>
</header>
<div class="actions">
  <button type="button" id="print">In trang này</button>
  <a href="#" id="open-tab">Mở trang in trong thẻ mới</a>
  <p class="hint" id="print-blocked" hidden>Trình duyệt không mở được hộp thoại in trong cửa sổ này. Hãy bấm "Mở trang in trong thẻ mới", rồi bấm "In trang này" (hoặc Ctrl+P, ⌘P trên Mac) ở thẻ đó.</p>
</div>
<script>${PRINT_SCRIPT}</script>
<main class="grid">
${cards}
</main>
</body>
</html>`;
}
