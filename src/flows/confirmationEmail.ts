// The confirmation email a submitter gets once their entry is a row of "Bài dự thi" (when "Cấu hình" asks for it).
import { formatDateTime } from '../domain/parse';
import type { Settings } from '../domain/types';
import { WARNING_LATE, type NewSubmission } from '../forms/intakeRules';
import { typographicQuotes } from '../domain/quotes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Subject and body of the email confirming `s`; a late entry is told so. */
export function confirmationEmail(s: NewSubmission, settings: Settings): { subject: string; body: string } {
  const contest = typographicQuotes(settings.contestName);
  const lines = [
    `Ban tổ chức ${contest} đã nhận bài dự thi:`,
    `- Mã bài: ${s.id}`,
    `- Tên tác phẩm: ${s.answers.title}`,
    `- Đơn vị: ${s.unit}`,
    `- Thời gian nộp: ${formatDateTime(s.time, settings.timeZone)}`,
  ];
  if (s.warnings.includes(WARNING_LATE)) lines.push(`Lưu ý: bài được nộp sau hạn ${formatDateTime(settings.submissionDeadline, settings.timeZone)}.`);
  lines.push('', settings.organizer);
  return { subject: `[${contest}] Xác nhận nhận bài ${s.id}`, body: lines.join('\n') };
}

/**
 * Emails each new entry's contact address (skipping ones that are not an address) when
 * `settings.sendConfirmationEmail` is on. Called after the script lock is released: sending is slow
 * and must not hold up other submitters. Stops, with a note, when the daily quota runs out.
 */
export function sendConfirmationEmails(
  mail: GoogleAppsScript.Mail.MailApp | null,
  settings: Settings,
  added: NewSubmission[],
): { sent: number; notes: string[] } {
  let sent = 0;
  if (!mail || !settings.sendConfirmationEmail) return { sent, notes: [] };
  for (const s of added) {
    const to = s.answers.email.trim();
    if (!EMAIL.test(to)) continue;
    if (mail.getRemainingDailyQuota() < 1) return { sent, notes: ['Đã hết hạn mức gửi email trong ngày; một số email xác nhận chưa được gửi.'] };
    mail.sendEmail({ to, ...confirmationEmail(s, settings) });
    sent++;
  }
  return { sent, notes: [] };
}
