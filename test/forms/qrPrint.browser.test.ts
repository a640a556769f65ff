// The printable QR page in real headless Chromium: it renders, and codes in a screenshot decode to their exact links.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { qrGifBytes } from '../../src/forms/qr';
import { makeQrCodes } from '../../src/flows/qrCodes';
import { buildQrPrintHtml } from '../../src/ui/qrPage';
import { launchChromium } from './browser';
import { ROSTER, makeContest } from './fixture';

// Local fast runs may opt out; CI never sets this, so a missing browser fails there instead of skipping.
const skip = process.env.HOITHI_SKIP_BROWSER === '1';
const describeBrowser = skip ? describe.skip : describe;

/** Crops `box` (CSS px × deviceScale) out of a decoded PNG and runs jsQR on it. */
function decodeRegion(png: PNG, box: { x: number; y: number; width: number; height: number }, scale: number): string | null {
  const x0 = Math.max(0, Math.floor(box.x * scale));
  const y0 = Math.max(0, Math.floor(box.y * scale));
  const w = Math.min(png.width - x0, Math.ceil(box.width * scale));
  const h = Math.min(png.height - y0, Math.ceil(box.height * scale));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * png.width + x0) * 4;
    out.set(png.data.subarray(from, from + w * 4), y * w * 4);
  }
  const found = jsQR(out, w, h);
  return found ? found.data : null;
}

describeBrowser('printable QR page in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (browser) await browser.close();
  });

  test('renders the heading and every card, and each code in the screenshot decodes to its unit link', async () => {
    // The real flow in the emulator: form created, links written to "Đơn vị", page built by "Mã QR".
    const c = makeContest();
    const { printPage, cards } = makeQrCodes(c.ctx);
    const html = buildQrPrintHtml(printPage!);
    const unitLinks = c.column('Đơn vị', 'Link nộp bài') as string[];
    expect(cards.slice(1).map((k) => k.url)).toEqual(unitLinks);

    // A4 at 96 dpi is 794 px wide.
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
    await page.setContent(html);
    // The slogan's straight quotes print as “ ”, as in the form title.
    const contest = 'Hội thi video clip “Tuổi trẻ Quận 11 thời kỳ chuyển đổi số gắn với phong trào 3 trách nhiệm”';
    expect(await page.textContent('h1')).toBe(contest);
    expect(await page.title()).toBe(`Mã QR nộp bài – ${contest}`);
    expect(await page.textContent('.deadline')).toBe('Hạn nộp bài: 10/06/2023 23:59');
    expect(await page.locator('figcaption').allTextContents()).toEqual(['Link chung (mọi đơn vị)', ...ROSTER.map((r) => r[1])]);

    // Bounding boxes are relative to the top of the page here: it is never scrolled.
    const boxes = [];
    for (const qr of await page.locator('.card .qr').all()) boxes.push((await qr.boundingBox())!);
    // Three columns: the first row's codes sit side by side, the 4th wraps to a second row.
    expect(boxes).toHaveLength(5);
    expect(boxes[1].x).toBeGreaterThan(boxes[0].x + boxes[0].width);
    expect(boxes[3].y).toBeGreaterThan(boxes[0].y + boxes[0].height);

    const png = PNG.sync.read(await page.screenshot({ fullPage: true, type: 'png' }));
    const decoded = boxes.map((box) => decodeRegion(png, box, 1));
    // Each code, read back from pixels, is exactly the general link / that unit's prefilled link.
    expect(decoded).toEqual([c.form.getPublishedUrl(), ...unitLinks]);
    await page.close();
  });

  test("inside an iframe sandboxed like HtmlService's (no allow-modals), print falls back to a new tab that shows the page", async () => {
    const c = makeContest();
    const html = buildQrPrintHtml(makeQrCodes(c.ctx).printPage!);
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.setContent('<!DOCTYPE html><html><body style="margin:0"></body></html>');
    // HtmlService serves dialogs in sandboxed iframes; whether "allow-modals" is among the tokens is undocumented,
    // so the stricter set: scripts, forms and popups only (an opaque origin, no allow-same-origin).
    await page.evaluate(
      `(function (html) { var f = document.createElement('iframe'); f.setAttribute('sandbox', 'allow-scripts allow-forms allow-popups'); f.style.width = '880px'; f.style.height = '680px'; f.srcdoc = html; document.body.appendChild(f); })(${JSON.stringify(html)})`,
    );
    await page.waitForFunction('document.querySelector("iframe") && document.querySelector("iframe").contentWindow && window.frames.length === 1');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForSelector('#print');
    expect(await frame.isHidden('#print-blocked')).toBe(true);
    // window.print() is ignored in this sandbox: no "beforeprint", so the page shows the fallback hint.
    await frame.click('#print');
    expect(await frame.isVisible('#print-blocked')).toBe(true);
    // The fallback opens the same page from a Blob URL in a new tab, where it is the top-level document.
    const [popup] = await Promise.all([page.waitForEvent('popup'), frame.click('#open-tab')]);
    await popup.waitForLoadState();
    expect(popup.url()).toMatch(/^blob:/);
    expect(await popup.textContent('h1')).toBe(await frame.textContent('h1'));
    expect(await popup.locator('.card .qr svg').count()).toBe(ROSTER.length + 1);
    await popup.close();
    await page.close();
  });

  test('with allow-modals the print button opens the print dialog and shows no fallback hint', async () => {
    const c = makeContest();
    const html = buildQrPrintHtml(makeQrCodes(c.ctx).printPage!);
    const page = await browser.newPage();
    // Unsandboxed, window.print() fires "beforeprint"; stub print so headless Chromium does not block on a dialog.
    await page.setContent(html.replace('<script>', '<script>window.print = function () { window.dispatchEvent(new Event("beforeprint")); };</script><script>'));
    await page.click('#print');
    expect(await page.isHidden('#print-blocked')).toBe(true);
    await page.close();
  });

  test('the GIF bytes given to the "Mã QR" sheet render in the browser and decode to the link', async () => {
    const c = makeContest();
    makeQrCodes(c.ctx);
    const link = String(c.column('Đơn vị', 'Link nộp bài')[3]);
    const image = c.emu.images('Mã QR')[4]; // row 5: the 4th unit (row 2 is the general link)
    expect(Buffer.from(image.bytes)).toEqual(Buffer.from(qrGifBytes(link)));
    const page = await browser.newPage({ viewport: { width: 400, height: 400 } });
    const gif = Buffer.from(image.bytes).toString('base64');
    await page.setContent(`<body style="margin:0;background:#fff"><img id="q" src="data:image/gif;base64,${gif}"></body>`);
    // A string predicate: it runs in the page, whose DOM types this Node-only tsconfig does not load.
    await page.waitForFunction('document.getElementById("q").complete');
    const box = await page.locator('#q').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    const png = PNG.sync.read(await page.screenshot({ type: 'png' }));
    expect(decodeRegion(png, box!, 1)).toBe(link);
    await page.close();
  });
});
