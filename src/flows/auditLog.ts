// "Nhật ký thao tác": shows the audit log sheet.
import { AUDIT_LOG } from '../sheets/auditLog';
import { requireSheet } from '../sheets/table';
import type { ActionContext, Summary } from './context';
import type { MenuAction } from './action';

export const AUDIT_TITLE = 'Nhật ký thao tác';

/** Activates "Nhật ký" and says how many entries it holds (no dialog needed beyond that). */
export function openAuditLog(ctx: ActionContext): Summary {
  const sheet = requireSheet(ctx.spreadsheet, AUDIT_LOG.name);
  sheet.activate();
  const entries = Math.max(0, sheet.getLastRow() - 1);
  return { title: AUDIT_TITLE, lines: [`Trang "${AUDIT_LOG.name}" có ${entries} dòng nhật ký.`], warnings: [] };
}

export const auditLogAction: MenuAction = { title: AUDIT_TITLE, audit: false, lock: false, run: openAuditLog };
