// The print script of the QR page, run in a stub DOM: a suppressed print shows the fallback, the fallback opens a Blob tab.
import * as vm from 'vm';
import { PRINT_SCRIPT, buildQrPrintHtml } from '../../src/ui/qrPage';

interface Element {
  hidden: boolean;
  handlers: Record<string, (ev?: { preventDefault(): void }) => void>;
  addEventListener(type: string, fn: (ev?: { preventDefault(): void }) => void): void;
}

function element(): Element {
  const el: Element = { hidden: true, handlers: {}, addEventListener: (type, fn) => void (el.handlers[type] = fn) };
  return el;
}

/** Runs the script with `printAllowed` deciding whether window.print() fires "beforeprint" (as an unsandboxed page does). */
function page(printAllowed: boolean, popupAllowed = true) {
  const els: Record<string, Element> = { print: element(), 'open-tab': element(), 'print-blocked': element() };
  const listeners: Record<string, () => void> = {};
  const opened: { url: string; target: string }[] = [];
  const blobs: string[] = [];
  const win = {
    addEventListener: (type: string, fn: () => void) => void (listeners[type] = fn),
    print: () => {
      if (printAllowed) listeners.beforeprint?.();
    },
    open: (url: string, target: string) => (popupAllowed ? (opened.push({ url, target }), {}) : null),
  };
  class FakeBlob {
    constructor(parts: string[]) {
      blobs.push(parts.join(''));
    }
  }
  const context = {
    window: win,
    document: { getElementById: (id: string) => els[id], documentElement: { outerHTML: '<html><h1>Hội thi</h1></html>' } },
    Blob: FakeBlob,
    URL: { createObjectURL: () => `blob:null/${blobs.length}` },
  };
  vm.runInNewContext(PRINT_SCRIPT, context);
  return { els, opened, blobs };
}

test('the page carries the script and both controls', () => {
  const html = buildQrPrintHtml({ contestName: 'X', deadlineText: 'Y', cards: [] });
  expect(html).toContain(`<script>${PRINT_SCRIPT}</script>`);
  expect(html).toContain('<button type="button" id="print">In trang này</button>');
  expect(html).toContain('id="open-tab"');
});

test('print allowed: the dialog opens and no hint is shown', () => {
  const p = page(true);
  p.els.print.handlers.click();
  expect(p.els['print-blocked'].hidden).toBe(true);
});

test('print suppressed by the sandbox: the hint appears; the fallback opens the page from a Blob URL in a new tab', () => {
  const p = page(false);
  p.els.print.handlers.click();
  expect(p.els['print-blocked'].hidden).toBe(false);
  let prevented = false;
  p.els['open-tab'].handlers.click({ preventDefault: () => void (prevented = true) });
  expect(prevented).toBe(true);
  expect(p.opened).toEqual([{ url: 'blob:null/1', target: '_blank' }]);
  expect(p.blobs[0]).toBe('<!DOCTYPE html><html><h1>Hội thi</h1></html>');
});

test('popups blocked too: the hint stays visible', () => {
  const p = page(true, false);
  p.els['open-tab'].handlers.click({ preventDefault: () => undefined });
  expect(p.els['print-blocked'].hidden).toBe(false);
});
