// "Gửi giấy khen": e-mails each awarded unit its certificate PDF (MailApp, within the daily quota), logged in "Gửi giấy khen" so none is sent twice.
import { TAG_ONE, driveIdOf } from '../domain/certificates';
import { normalizeName } from '../domain/parse';
import { AWARDS } from '../sheets/awards';
import { CERTIFICATE_MAIL } from '../sheets/certificateMail';
import { ContestError, cellProblem } from '../sheets/errors';
import { insertSheetLast, layOutColumns } from '../sheets/layout';
import { appendRecords, readSheet, readTable, text } from '../sheets/table';
import { UNITS, readUnits } from '../sheets/units';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction } from './action';
import { CERTIFICATES_TITLE, readCertificateAwards } from './certificates';
import { problemMessages, withLock, type ActionContext, type Summary } from './context';

export const SEND_CERTIFICATES_TITLE = 'Gửi giấy khen';

function mailLog(ctx: ActionContext) {
  let sheet = ctx.spreadsheet.getSheetByName(CERTIFICATE_MAIL.name);
  if (!sheet) {
    sheet = insertSheetLast(ctx.spreadsheet, CERTIFICATE_MAIL.name);
    layOutColumns(sheet, CERTIFICATE_MAIL);
  }
  return readTable(sheet, CERTIFICATE_MAIL);
}

/**
 * Sends every certificate of "Giải thưởng" not yet in "Gửi giấy khen" to its unit's e-mail in "Đơn vị".
 * The quota is read first and never exceeded; each send is logged right after it, so a run that stops
 * half-way (quota, time limit) resumes where it stopped and never sends one twice.
 */
export function sendCertificates(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    const settings = readSettingsOrThrow(ctx.spreadsheet);
    const awardsTable = readSheet(ctx.spreadsheet, AWARDS);
    const awards = readCertificateAwards(awardsTable);
    const { units, problems: unitProblems } = readUnits(readSheet(ctx.spreadsheet, UNITS));
    const emailOf = new Map(units.map((u) => [normalizeName(u.name), u]));
    const log = mailLog(ctx);
    const sent = new Set(log.rows.map((r) => text(log, r, 'fingerprint')).filter((f) => f !== ''));
    const quota = ctx.services.mailApp.getRemainingDailyQuota();

    const warnings: string[] = problemMessages(unitProblems);
    const linkOf = new Map(awardsTable.rows.map((r) => [r.row, awardsTable.col.certificate >= 0 ? text(awardsTable, r, 'certificate') : '']));
    const missing = awards.filter((a) => driveIdOf(linkOf.get(a.row) ?? '') === '');
    if (missing.length === awards.length) {
      throw new ContestError([
        {
          code: 'certificate.not_made',
          severity: 'stops-action',
          message: `Trang "${AWARDS.name}" chưa có link giấy khen ở cột "Giấy khen (PDF)". Hãy chạy "${CERTIFICATES_TITLE}" trước.`,
          sheet: AWARDS.name,
        },
      ]);
    }
    for (const a of missing)
      warnings.push(
        cellProblem(
          'certificate.link',
          'info',
          { sheet: AWARDS.name, row: a.row, column: 'Giấy khen (PDF)' },
          `${a.unit} chưa có giấy khen; hãy chạy lại "${CERTIFICATES_TITLE}".`,
        ).message,
      );

    let done = 0;
    let already = 0;
    let waiting = 0;
    let left = quota;
    for (const a of awards) {
      const id = driveIdOf(linkOf.get(a.row) ?? '');
      if (id === '') continue;
      const unit = emailOf.get(normalizeName(a.unit));
      if (!unit || unit.email === '') {
        warnings.push(
          unit
            ? cellProblem(
                'certificate.email',
                'info',
                { sheet: UNITS.name, row: unit.row, column: 'Email' },
                `${a.unit} chưa có email nên chưa gửi được giấy khen.`,
              ).message
            : `${a.unit} (trang "${AWARDS.name}", dòng ${a.row}) không có trong trang "${UNITS.name}": chưa gửi giấy khen.`,
        );
        continue;
      }
      const file = ctx.services.driveApp.getFileById(id);
      const description = file.getDescription() ?? '';
      const fingerprint = description.startsWith(TAG_ONE) ? description.slice(TAG_ONE.length) : id;
      if (sent.has(fingerprint)) {
        already++;
        continue;
      }
      if (left < 1) {
        waiting++;
        continue;
      }
      ctx.services.mailApp.sendEmail({
        to: unit.email,
        subject: `Giấy khen ${a.prize} - ${settings.contestName}`,
        body:
          `Kính gửi ${a.unit},\n\n${settings.organizer} trân trọng gửi giấy khen ${a.prize} của đơn vị` +
          `${a.title ? ` với tác phẩm "${a.title}"` : ''} tại ${settings.contestName} (tệp PDF đính kèm).\n\nTrân trọng,\n${settings.organizer}`,
        attachments: [file.getBlob()],
        name: settings.organizer,
      });
      left--;
      done++;
      sent.add(fingerprint);
      appendRecords(log, [{ time: ctx.now, unit: a.unit, email: unit.email, prize: a.prize, file: file.getUrl(), fingerprint, sender: ctx.user }]);
    }
    const lines = [`Đã gửi ${done} giấy khen; ${already} giấy khen đã gửi từ trước (không gửi lại).`, `Nhật ký gửi: trang "${CERTIFICATE_MAIL.name}".`];
    if (waiting > 0) {
      lines.unshift(
        `⚠ Hết hạn mức email trong ngày (còn ${quota} khi bắt đầu): ${waiting} giấy khen chưa gửi. Hãy chạy lại "${SEND_CERTIFICATES_TITLE}" vào ngày mai; những giấy khen đã gửi sẽ không bị gửi lại.`,
      );
    }
    return { title: SEND_CERTIFICATES_TITLE, lines, warnings };
  });
}

export const sendCertificatesAction: MenuAction = { title: SEND_CERTIFICATES_TITLE, run: sendCertificates };
