// "Mã QR" under Google's stricter rules: signed Blob bytes, and a failed build that leaves the old sheet in place.
import { makeQrCodes, qrCodesAction } from '../../src/flows/qrCodes';
import { qrGifBlobBytes, qrGifBytes, toSignedBytes } from '../../src/forms/qr';
import { runMenuAction } from '../../src/ui/runner';
import { makeContest } from './fixture';

test('bytes handed to Utilities.newBlob are signed Java bytes, and the images are still the GIFs', () => {
  expect(toSignedBytes([0, 127, 128, 200, 255])).toEqual([0, 127, -128, -56, -1]);
  const gif = qrGifBytes('https://example.com/x');
  expect(gif.some((b) => b > 127)).toBe(true); // the unsigned form would be refused
  expect(qrGifBlobBytes('https://example.com/x').every((b) => b >= -128 && b <= 127)).toBe(true);
  // signedBytes: Utilities.newBlob refuses 128..255, as an Apps Script Byte[] would.
  const c = makeContest({ signedBytes: true });
  const result = makeQrCodes(c.ctx);
  const images = c.emu.images('Mã QR');
  expect(images).toHaveLength(result.cards.length);
  result.cards.forEach((card, i) => expect(Buffer.from(images[i].bytes)).toEqual(Buffer.from(qrGifBytes(card.url))));
});

test('a failure while building the images leaves the old "Mã QR" sheet and its images as they were', () => {
  const c = makeContest({ signedBytes: true });
  makeQrCodes(c.ctx);
  const before = { rows: c.rows('Mã QR'), images: c.emu.images('Mã QR').map((i) => i.a1), sheets: c.emu.spreadsheet.getSheets().map((s) => s.getName()) };
  c.sheet('Đơn vị')
    .getRange(6, 1, 1, 2)
    .setValues([['P16', 'Đoàn Phường 16']]);
  let made = 0;
  const failing = {
    ...c.ctx.services.utilities,
    newBlob: (data: number[], contentType: string, name: string) => {
      if (++made === 3) throw new Error('Service error: Utilities');
      return c.ctx.services.utilities.newBlob(data, contentType, name);
    },
  } as GoogleAppsScript.Utilities.Utilities;
  const summary = runMenuAction({ ...c.ctx, services: { ...c.ctx.services, utilities: failing } }, qrCodesAction, undefined);
  expect(summary.title).toBe('Mã QR nộp bài: Không thực hiện được');
  expect(c.rows('Mã QR')).toEqual(before.rows);
  expect(c.emu.images('Mã QR').map((i) => i.a1)).toEqual(before.images);
  expect(c.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before.sheets);

  // A failure while placing an image in the new sheet: the half-built sheet is removed, the old one stays.
  const sheetInsert = c.emu.spreadsheet.insertSheet.bind(c.emu.spreadsheet);
  const ss = c.emu.spreadsheet;
  const spy = jest.spyOn(ss, 'insertSheet').mockImplementation((...args: unknown[]) => {
    const sheet = (sheetInsert as (...a: unknown[]) => GoogleAppsScript.Spreadsheet.Sheet)(...args);
    (sheet as { insertImage: unknown }).insertImage = () => {
      throw new Error('Service error: Spreadsheets');
    };
    return sheet;
  });
  const second = runMenuAction(c.ctx, qrCodesAction, undefined);
  spy.mockRestore();
  expect(second.title).toBe('Mã QR nộp bài: Không thực hiện được');
  expect(c.rows('Mã QR')).toEqual(before.rows);
  expect(c.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before.sheets);

  // And a successful re-run replaces it in the same place, with the new unit.
  const ok = runMenuAction(c.ctx, qrCodesAction, undefined);
  expect(ok.title).toBe('Mã QR nộp bài');
  expect(c.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before.sheets);
  expect(c.emu.images('Mã QR')).toHaveLength(before.images.length + 1);
});
