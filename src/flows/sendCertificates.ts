// "Gửi giấy khen": e-mails each awarded unit its certificate PDF (MailApp, within the daily quota), logged in "Gửi giấy khen" so none is sent twice.
import { TAG_ONE, driveIdOf, type CertificateAward } from '../domain/certificates';
import { normalizeName } from '../domain/parse';
import type { Problem, Settings } from '../domain/types';
import { AWARDS } from '../sheets/awards';
import { CERTIFICATE_MAIL, readCertificateMailLog, type CertificateMailKey } from '../sheets/certificateMail';
import { ContestError, cellProblem } from '../sheets/errors';
import { appendRecords, readSheet, text, type Table } from '../sheets/table';
import { UNITS, readUnits, type UnitRow } from '../sheets/units';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction } from './action';
import { CERTIFICATES_TITLE, readCertificateAwards } from './certificates';
import { problemMessages, withLock, type ActionContext, type Summary } from './context';

export const SEND_CERTIFICATES_TITLE = 'Gửi giấy khen';

/** What a run starts from: awards and their links, units, the fingerprints already sent and the day's quota. */
interface SendState {
  settings: Settings;
  awards: CertificateAward[];
  linkOf: Map<number, string>;
  /** "Đơn vị" by normalized name. */
  unitOf: Map<string, UnitRow>;
  unitProblems: Problem[];
  log: Table<CertificateMailKey>;
  sent: Set<string>;
  quota: number;
}

function readSendState(ctx: ActionContext): SendState {
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const awardsTable = readSheet(ctx.spreadsheet, AWARDS);
  const awards = readCertificateAwards(awardsTable);
  const { units, problems: unitProblems } = readUnits(readSheet(ctx.spreadsheet, UNITS));
  const unitOf = new Map(units.map((u) => [normalizeName(u.name), u]));
  const log = readCertificateMailLog(ctx.spreadsheet);
  const sent = new Set(log.rows.map((r) => text(log, r, 'fingerprint')).filter((f) => f !== ''));
  const quota = ctx.services.mailApp.getRemainingDailyQuota();
  const linkOf = new Map(awardsTable.rows.map((r) => [r.row, awardsTable.col.certificate >= 0 ? text(awardsTable, r, 'certificate') : '']));
  return { settings, awards, linkOf, unitOf, unitProblems, log, sent, quota };
}

/** Stops when no award has a certificate link yet; otherwise one note per award still without one. */
function missingLinkWarnings(awards: CertificateAward[], linkOf: Map<number, string>): string[] {
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
  return missing.map(
    (a) =>
      cellProblem(
        'certificate.link',
        'info',
        { sheet: AWARDS.name, row: a.row, column: 'Giấy khen (PDF)' },
        `${a.unit} chưa có giấy khen; hãy chạy lại "${CERTIFICATES_TITLE}".`,
      ).message,
  );
}

/** Why `a` cannot be mailed: its unit is not in "Đơn vị", or has no e-mail. */
function noEmailWarning(a: CertificateAward, unit: UnitRow | undefined): string {
  return unit
    ? cellProblem('certificate.email', 'info', { sheet: UNITS.name, row: unit.row, column: 'Email' }, `${a.unit} chưa có email nên chưa gửi được giấy khen.`)
        .message
    : `${a.unit} (trang "${AWARDS.name}", dòng ${a.row}) không có trong trang "${UNITS.name}": chưa gửi giấy khen.`;
}

function certificateMail(settings: Settings, a: CertificateAward, to: string, file: GoogleAppsScript.Drive.File) {
  return {
    to,
    subject: `Giấy khen ${a.prize} - ${settings.contestName}`,
    body:
      `Kính gửi ${a.unit},\n\n${settings.organizer} trân trọng gửi giấy khen ${a.prize} của đơn vị` +
      `${a.title ? ` với tác phẩm "${a.title}"` : ''} tại ${settings.contestName} (tệp PDF đính kèm).\n\nTrân trọng,\n${settings.organizer}`,
    attachments: [file.getBlob()],
    name: settings.organizer,
  };
}

/** How the certificates went: sent now, sent before, left for want of quota. */
interface SendCounts {
  done: number;
  already: number;
  waiting: number;
}

/**
 * Sends each certificate not yet sent while the quota lasts, logging each send right after it;
 * `warnings` gets the awards that have no unit e-mail.
 */
function sendAll(ctx: ActionContext, state: SendState, warnings: string[]): SendCounts {
  const counts: SendCounts = { done: 0, already: 0, waiting: 0 };
  const { settings, log, sent } = state;
  let left = state.quota;
  for (const a of state.awards) {
    const id = driveIdOf(state.linkOf.get(a.row) ?? '');
    if (id === '') continue;
    const unit = state.unitOf.get(normalizeName(a.unit));
    if (!unit || unit.email === '') {
      warnings.push(noEmailWarning(a, unit));
      continue;
    }
    const file = ctx.services.driveApp.getFileById(id);
    const description = file.getDescription() ?? '';
    const fingerprint = description.startsWith(TAG_ONE) ? description.slice(TAG_ONE.length) : id;
    if (sent.has(fingerprint)) {
      counts.already++;
      continue;
    }
    if (left < 1) {
      counts.waiting++;
      continue;
    }
    ctx.services.mailApp.sendEmail(certificateMail(settings, a, unit.email, file));
    left--;
    counts.done++;
    sent.add(fingerprint);
    appendRecords(log, [{ time: ctx.now, unit: a.unit, email: unit.email, prize: a.prize, file: file.getUrl(), fingerprint, sender: ctx.user }]);
  }
  return counts;
}

function summaryLines(counts: SendCounts, quota: number): string[] {
  const lines = [
    `Đã gửi ${counts.done} giấy khen; ${counts.already} giấy khen đã gửi từ trước (không gửi lại).`,
    `Nhật ký gửi: trang "${CERTIFICATE_MAIL.name}".`,
  ];
  if (counts.waiting > 0) {
    lines.unshift(
      `⚠ Hết hạn mức email trong ngày (còn ${quota} khi bắt đầu): ${counts.waiting} giấy khen chưa gửi. Hãy chạy lại "${SEND_CERTIFICATES_TITLE}" vào ngày mai; những giấy khen đã gửi sẽ không bị gửi lại.`,
    );
  }
  return lines;
}

/**
 * Sends every certificate of "Giải thưởng" not yet in "Gửi giấy khen" to its unit's e-mail in "Đơn vị".
 * The quota is read first and never exceeded; each send is logged right after it, so a run that stops
 * half-way (quota, time limit) resumes where it stopped and never sends one twice.
 */
export function sendCertificates(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    const state = readSendState(ctx);
    const warnings: string[] = [...problemMessages(state.unitProblems), ...missingLinkWarnings(state.awards, state.linkOf)];
    const counts = sendAll(ctx, state, warnings);
    return { title: SEND_CERTIFICATES_TITLE, lines: summaryLines(counts, state.quota), warnings };
  });
}

export const sendCertificatesAction: MenuAction = { title: SEND_CERTIFICATES_TITLE, run: sendCertificates };
