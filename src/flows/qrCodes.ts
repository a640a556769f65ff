// "Mã QR": per-unit and general QR images in a sheet, plus the printable page for the dialog.
import { formatDateTime } from '../domain/parse';
import { typographicQuotes } from '../domain/quotes';
import { inspectForm, syncUnitChoices } from '../forms/formBuilder';
import { qrGifBlobBytes } from '../forms/qr';
import { valueOrStop } from '../sheets/errors';
import { readFormConfig } from '../sheets/formConfig';
import { escapeCell } from '../sheets/table';
import { UNITS, rosterUnits } from '../sheets/units';
import type { MenuAction } from './action';
import type { ActionContext, QrCard, Summary } from './context';
import { requireFormFor } from './formAccess';
import { refreshUnitLinks } from './unitLinks';

export const QR_SHEET = 'Mã QR';
/** The new "Mã QR" sheet while it is being built (renamed once complete). */
const QR_SHEET_BUILDING = 'Mã QR (đang tạo)';
const QR_HEADERS = ['Đơn vị', 'Link nộp bài', 'Mã QR'];
/** Pixels: the GIF is 4 px per module, so a ~50-module prefilled link needs about 230 px with its quiet zone. */
const QR_ROW_HEIGHT = 250;
const QR_COLUMN_WIDTH = 260;

export const QR_TITLE = 'Mã QR nộp bài';

/** Label of the general (not prefilled) link's card and image. */
export const GENERAL_LINK_LABEL = 'Link chung (mọi đơn vị)';

/**
 * "Mã QR": syncs the unit dropdown, refreshes every unit's prefilled link in "Đơn vị", rebuilds the "Mã QR" sheet (one row and
 * one image per code, the general link first) and returns the printable page. The sheet is generated:
 * it is recreated each time so old images never pile up.
 */
export function makeQrCodes(ctx: ActionContext): Summary & { cards: QrCard[] } {
  const ss = ctx.spreadsheet;
  const config = readFormConfig(ss);
  const settings = valueOrStop(config.settings);
  const form = requireFormFor(ctx, config.formId);
  const roster = rosterUnits(ss);
  const { units } = roster;
  const unitItem = inspectForm(ctx.services.formApp, form).items.unit;
  // A unit added since the last sync is not a dropdown choice yet, and Google refuses to prefill a non-choice.
  syncUnitChoices(
    ctx.services.formApp,
    unitItem,
    units.map((u) => u.name),
  );
  const links = refreshUnitLinks(ctx.services.formApp, form, roster, unitItem);

  const cards: QrCard[] = [{ label: GENERAL_LINK_LABEL, url: links.general }];
  for (const u of units) {
    const url = links.byUnit.get(u.row);
    if (url) cards.push({ label: u.name, url });
  }

  // Everything that can fail (the images, the new sheet) is built first under a temporary name, so a
  // failure leaves the old "Mã QR" sheet as it was; only then is the old one replaced.
  const blobs = cards.map((card) => ctx.services.utilities.newBlob(qrGifBlobBytes(card.url), 'image/gif', `QR ${card.label}.gif`));
  const old = ss.getSheetByName(QR_SHEET);
  const leftover = ss.getSheetByName(QR_SHEET_BUILDING);
  if (leftover) ss.deleteSheet(leftover);
  const sheet = old ? ss.insertSheet(QR_SHEET_BUILDING, old.getIndex() - 1) : ss.insertSheet(QR_SHEET_BUILDING);
  try {
    const rows = [QR_HEADERS, ...cards.map((c) => [c.label, c.url, ''])];
    // Unit names are typed by people: a name such as "=HYPERLINK(…)" must stay text, never become a formula.
    sheet.getRange(1, 1, rows.length, QR_HEADERS.length).setValues(rows.map((r) => r.map((v) => escapeCell(v))));
    sheet.getRange(1, 1, 1, QR_HEADERS.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 240);
    sheet.setColumnWidth(2, 320);
    sheet.setColumnWidth(3, QR_COLUMN_WIDTH);
    if (cards.length > 0) sheet.setRowHeights(2, cards.length, QR_ROW_HEIGHT);
    blobs.forEach((blob, i) => sheet.insertImage(blob, 3, i + 2));
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // Best effort: the error worth showing is the one that stopped the build; the next run removes a leftover.
    }
    throw e;
  }
  if (old) ss.deleteSheet(old);
  sheet.setName(QR_SHEET);

  const printPage = {
    contestName: typographicQuotes(settings.contestName),
    deadlineText: formatDateTime(settings.submissionDeadline, settings.timeZone),
    cards,
  };
  const lines = [
    `Đã tạo ${cards.length} mã QR (1 link chung và ${cards.length - 1} đơn vị) trong trang "${QR_SHEET}".`,
    'Trang in: chọn "In trang này" trong hộp thoại.',
  ];
  return { title: QR_TITLE, lines, warnings: [], cards, printPage };
}

/** The menu item: the sheet, then the printable page instead of a summary dialog. */
export const qrCodesAction: MenuAction = { title: QR_TITLE, writes: [UNITS.name, QR_SHEET], run: makeQrCodes };
