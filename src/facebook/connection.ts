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
