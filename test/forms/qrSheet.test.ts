// "Mã QR" in the emulator: one GIF image per unit plus the general link, rows naming them, and the printable page.
import { GENERAL_LINK_LABEL, makeQrCodes, qrCodesAction } from '../../src/flows/qrCodes';
import { syncUnitsAction } from '../../src/flows/syncUnits';
import { runMenuAction } from '../../src/ui/runner';
import { buildQrPrintHtml } from '../../src/ui/qrPage';
import { ROSTER, makeContest } from './fixture';

describe('"Mã QR"', () => {
  test('one image per unit and one for the general link, each beside its name and link', () => {
    const c = makeContest();
    const result = makeQrCodes(c.ctx);
    const unitLinks = c.column('Đơn vị', 'Link nộp bài');
    // 4 units + the general link = 5 codes.
    expect(result.cards.map((k) => k.label)).toEqual([GENERAL_LINK_LABEL, ...ROSTER.map((r) => r[1])]);
    expect(result.cards.map((k) => k.url)).toEqual([c.form.getPublishedUrl(), ...unitLinks]);
    expect(c.rows('Mã QR').map((r) => r.slice(0, 2))).toEqual(result.cards.map((k) => [k.label, k.url]));
    const images = c.emu.images('Mã QR');
    expect(images.map((i) => i.a1)).toEqual(['C2', 'C3', 'C4', 'C5', 'C6']);
    for (const image of images) {
      expect(image.contentType).toBe('image/gif');
      expect(Buffer.from(image.bytes.slice(0, 6)).toString('latin1')).toBe('GIF87a');
    }
    const html = buildQrPrintHtml(result.printPage!);
    expect(html).toContain('Hạn nộp bài: 10/06/2023 23:59');
    for (const r of ROSTER) expect(html).toContain(`<figcaption>${r[1]}</figcaption>`);
  });

  test('running it again rebuilds the sheet instead of piling images up', () => {
    const c = makeContest();
    makeQrCodes(c.ctx);
    c.sheet('Đơn vị')
      .getRange(6, 1, 1, 2)
      .setValues([['P16', 'Đoàn Phường 16']]);
    makeQrCodes(c.ctx);
    expect(c.emu.images('Mã QR')).toHaveLength(6);
    expect(c.emu.spreadsheet.getSheets().filter((s) => s.getName() === 'Mã QR')).toHaveLength(1);
  });

  test('a unit named like a formula stays text in "Mã QR" (no formula is written)', () => {
    const evil = '=HYPERLINK("http://x.vn","Bấm vào")';
    // The roster cell holds the name as text (the apostrophe is how a person types it in Sheets).
    const c = makeContest({ roster: [...ROSTER, ['X', `'${evil}`, '', '']] });
    makeQrCodes(c.ctx);
    const sheet = c.sheet('Mã QR');
    const names = c.column('Mã QR', 'Đơn vị');
    expect(names[names.length - 1]).toBe(evil);
    // getFormulas is '' for every cell: 1 header row + general link + 5 units = 7 rows × 2 text columns.
    expect(
      sheet
        .getRange(1, 1, 7, 2)
        .getFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  test('"Mã QR" and "Đồng bộ danh sách đơn vị" read each sheet once and walk the form once', () => {
    for (const action of [qrCodesAction, syncUnitsAction]) {
      const c = makeContest();
      c.emu.calls.reset();
      // Through the menu door, as the menu runs it: the "Nhật ký" line is the runner's.
      runMenuAction(c.ctx, action, undefined);
      const calls = c.emu.calls.byMethod();
      // getValues: "Cấu hình" once (settings and form id together) + "Đơn vị" once (its units and the table the
      // links are written into) + the header row of "Nhật ký" for the log line = 3.
      expect(calls['Range.getValues']).toBe(3);
      // Form.getItems: the unit question is found once and serves both the dropdown and the prefilled links.
      expect(calls['Form.getItems']).toBe(1);
      // Images are inserted without reading anything back: one insertImage per code (5 for "Mã QR", 0 for the sync).
      expect(calls['Sheet.insertImage'] ?? 0).toBe(action === qrCodesAction ? 5 : 0);
    }
  });
});
