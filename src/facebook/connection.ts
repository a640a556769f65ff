// The Page connection of one organizer for one spreadsheet: kept in their user properties, never in a sheet or the log.
import type { ActionContext } from '../flows/context';

export interface FanpageConnection {
  token: string;
  pageId: string;
  pageName: string;
  /** ISO time the token expires; null = does not expire (or unknown when `checked` is false). */
  expiresAt: string | null;
  scopes: string[];
  /** Whether debug_token answered (scopes and expiry are known). */
  checked: boolean;
  connectedAt: string;
}

/** One key per spreadsheet: an organizer running two contests keeps two Pages apart. */
export function connectionKey(spreadsheetId: string): string {
  return `hoithi.fanpage.${spreadsheetId}`;
}

/**
 * User properties are readable only by the same user through this script (Google: "specific to the
 * current user of a script"), which is why a token lives there rather than in the shared document.
 */
export function loadConnection(ctx: ActionContext): FanpageConnection | null {
  const raw = ctx.services.propertiesService.getUserProperties().getProperty(connectionKey(ctx.spreadsheet.getId()));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as FanpageConnection;
    return typeof c.token === 'string' && typeof c.pageId === 'string' ? c : null;
  } catch {
    return null;
  }
}

export function saveConnection(ctx: ActionContext, connection: FanpageConnection): void {
  ctx.services.propertiesService.getUserProperties().setProperty(connectionKey(ctx.spreadsheet.getId()), JSON.stringify(connection));
}

export function deleteConnection(ctx: ActionContext): void {
  ctx.services.propertiesService.getUserProperties().deleteProperty(connectionKey(ctx.spreadsheet.getId()));
}

/** "Quận Đoàn 11 (ID …), mã EAAG…x9Z1": the connection as a prompt may show it, or null when there is none. */
export function describeConnection(props: GoogleAppsScript.Properties.Properties, spreadsheetId: string): string | null {
  const raw = props.getProperty(connectionKey(spreadsheetId));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as FanpageConnection;
    const t = String(c.token ?? '');
    const masked = t.length <= 12 ? '••••' : `${t.slice(0, 4)}…${t.slice(-4)}`;
    return `Fanpage "${c.pageName}" (ID ${c.pageId}), mã ${masked}`;
  } catch {
    return null;
  }
}
