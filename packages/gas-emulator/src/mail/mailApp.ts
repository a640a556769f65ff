// MailApp: sent messages go to an outbox that tests read; the daily quota is enforced.
import { CallCounter, Emulated, implOfProxy } from '../core/calls';
import type { BlobImpl } from '../base/blob';
import { MAIL_ATTACHMENTS, MAIL_ATTACHMENTS_SIZE, MAIL_BODY_SIZE, MAIL_RECIPIENTS_PER_MESSAGE } from '../core/errors';

/** Quotas page, "Current limitations" (per message): 50 recipients, 200 KB body, 250 attachments, 25 MB of attachments. */
export const MAIL_LIMITS = { recipients: 50, bodyBytes: 200 * 1024, attachments: 250, attachmentBytes: 25 * 1024 * 1024 };

export interface MailRecord {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  attachments?: BlobImpl[];
}

interface MailOptions {
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  noReply?: boolean;
  attachments?: BlobImpl[];
}

export class MailAppImpl extends Emulated {
  static kind = 'MailApp';
  constructor(
    ctr: CallCounter,
    readonly _outbox: MailRecord[],
    public _quota: number,
  ) {
    super(ctr);
  }
  /** sendEmail(to, subject, body[, options]) · sendEmail(to, replyTo, subject, body) · sendEmail({to, subject, body|htmlBody, ...}). */
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    let rec: MailRecord;
    if (typeof a === 'object' && a !== null) {
      const m = a as MailOptions & { to?: string; subject?: string; body?: string };
      rec = { to: m.to ?? '', subject: m.subject ?? '', body: m.body ?? '', ...pick(m) };
    } else if (typeof d === 'string') {
      rec = { to: String(a), replyTo: String(b), subject: String(c), body: d };
    } else {
      rec = { to: String(a), subject: String(b ?? ''), body: String(c ?? ''), ...pick((d ?? {}) as MailOptions) };
    }
    if (!rec.to) throw new Error('Failed to send email: no recipient');
    const recipients = [rec.to, rec.cc, rec.bcc].filter(Boolean).join(',').split(',').length;
    assertMessageLimits(rec, recipients);
    if (this._quota < recipients) throw new Error('Service invoked too many times for one day: email.');
    this._quota -= recipients;
    this._outbox.push(rec);
  }
  getRemainingDailyQuota(): number {
    return this._quota;
  }
}

/** The per-message limits, checked before the daily quota is touched (a refused message sends nothing). */
function assertMessageLimits(rec: MailRecord, recipients: number): void {
  if (recipients > MAIL_LIMITS.recipients) throw new Error(MAIL_RECIPIENTS_PER_MESSAGE);
  const size = (s: string | undefined): number => Buffer.byteLength(s ?? '', 'utf8');
  if (size(rec.body) > MAIL_LIMITS.bodyBytes || size(rec.htmlBody) > MAIL_LIMITS.bodyBytes) throw new Error(MAIL_BODY_SIZE);
  const files = rec.attachments ?? [];
  if (files.length > MAIL_LIMITS.attachments) throw new Error(MAIL_ATTACHMENTS);
  if (files.reduce((n, f) => n + ((implOfProxy<BlobImpl>(f) ?? f)._bytes?.length ?? 0), 0) > MAIL_LIMITS.attachmentBytes)
    throw new Error(MAIL_ATTACHMENTS_SIZE);
}

function pick(o: MailOptions): Partial<MailRecord> {
  const out: Partial<MailRecord> = {};
  if (o.htmlBody !== undefined) out.htmlBody = o.htmlBody;
  if (o.cc !== undefined) out.cc = o.cc;
  if (o.bcc !== undefined) out.bcc = o.bcc;
  if (o.replyTo !== undefined) out.replyTo = o.replyTo;
  if (o.name !== undefined) out.name = o.name;
  if (o.attachments !== undefined) out.attachments = o.attachments;
  return out;
}
