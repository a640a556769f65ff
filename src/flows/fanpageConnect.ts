// "Kết nối Fanpage": checks a pasted Page access token against the Graph API and keeps it in the organizer's user properties.
import { formatDateTime } from '../domain/parse';
import type { Settings } from '../domain/types';
import { saveConnection, type FanpageConnection } from '../facebook/connection';
import { graphErrorText, graphGetAll, graphUrl, maskToken, throwIfFailed, type GraphResult } from '../facebook/graph';
import { ContestError } from '../sheets/errors';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction } from './action';
import type { ActionContext, Summary } from './context';

export const CONNECT_FANPAGE_TITLE = 'Kết nối Fanpage';

/** The permissions a Page token needs to read its posts' reactions and shares. */
export const REQUIRED_SCOPES = ['pages_read_engagement', 'pages_show_list'];

export interface ConnectInput {
  /** Page ID, username or link (facebook.com/quandoan11, profile.php?id=…, people/…/id). */
  page: string;
  token: string;
}

/**
 * The Page's ID or username in what the organizer pasted, or null when it is not one.
 * @example pageIdentifier('https://www.facebook.com/profile.php?id=100064') === '100064'
 */
export function pageIdentifier(input: string): string | null {
  const s = input.trim().replace(/^@/, '');
  if (/^\d+$/.test(s) || /^[A-Za-z0-9.]{5,}$/.test(s)) return s;
  const m = /^(?:https?:\/\/)?(?:(?:www|m|web)\.)?(?:facebook|fb)\.com\/([^?#]*)(\?[^#]*)?/i.exec(s);
  if (!m) return null;
  const id = /[?&]id=(\d+)/.exec(m[2] ?? '');
  if (/^profile\.php/i.test(m[1]) && id) return id[1];
  const segs = m[1].split('/').filter((x) => x !== '');
  if (segs[0]?.toLowerCase() === 'people') return segs.find((x) => /^\d+$/.test(x)) ?? null;
  if (segs[0]?.toLowerCase() === 'pg') return segs[1] ?? null;
  return segs[0] && /^[A-Za-z0-9.]+$/.test(segs[0]) ? segs[0] : null;
}

function stop(code: string, message: string): never {
  throw new ContestError([{ code, severity: 'stops-action', message }]);
}

/** The token and the Page as pasted, checked for shape before anything is asked of Facebook. */
function checkedInput(input: ConnectInput): { token: string; page: string } {
  const token = input.token.trim();
  if (token === '' || /\s/.test(token))
    stop('fanpage.token.blank', 'Mã truy cập trống hoặc có khoảng trắng. Hãy dán đúng một mã truy cập Trang (Page access token).');
  const page = pageIdentifier(input.page);
  if (!page) stop('fanpage.page', `"${input.page.trim()}" không phải ID, tên người dùng hay link của một Trang Facebook.`);
  return { token, page };
}

/** What debug_token says of the token, as kept in the connection. */
interface TokenInfo {
  scopes: string[];
  expiresAt: string | null;
  checked: boolean;
}

/**
 * Checks debug_token's answer: stops on an invalid token, missing scopes or another Page's token;
 * warns (into `warnings`) about a non-Page token, an expiry before the window's end, or no answer.
 */
function checkToken(debugResult: GraphResult, token: string, page: { id: string; name: string }, settings: Settings, warnings: string[]): TokenInfo {
  if (!debugResult.ok) {
    warnings.push('Facebook không cho kiểm tra thời hạn và quyền của mã (debug_token); đã thử đọc bài đăng thay thế.');
    return { scopes: [], expiresAt: null, checked: false };
  }
  const d = (debugResult.body.data ?? {}) as { is_valid?: boolean; type?: string; profile_id?: string; scopes?: string[]; expires_at?: number };
  if (d.is_valid === false) stop('fanpage.graph.190', graphErrorText({ code: 190, message: '' }, '', token));
  const scopes = Array.isArray(d.scopes) ? d.scopes.map(String) : [];
  const missing = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
  if (missing.length > 0)
    stop(
      'fanpage.scope',
      `Mã truy cập thiếu quyền ${missing.join(', ')}. Hãy tạo lại mã có đủ quyền ${REQUIRED_SCOPES.join(' và ')} (xem README, mục "Kết nối Fanpage").`,
    );
  if (d.type && d.type !== 'PAGE')
    warnings.push(
      `Đây là mã truy cập loại ${d.type}, không phải mã của Trang (Page access token); Facebook có thể không cho đọc lượt cảm xúc. Nên dùng mã Trang.`,
    );
  else if (d.profile_id && d.profile_id !== page.id)
    stop('fanpage.page.other', `Mã truy cập này là của một Trang khác (ID ${d.profile_id}), không phải "${page.name}" (ID ${page.id}).`);
  let expiresAt: string | null = null;
  if (d.expires_at && d.expires_at > 0) {
    expiresAt = new Date(d.expires_at * 1000).toISOString();
    if (d.expires_at * 1000 < settings.votingEnd.getTime()) {
      warnings.push(
        `Mã truy cập hết hạn lúc ${formatDateTime(new Date(d.expires_at * 1000), settings.timeZone)}, trước Kết thúc bình chọn (${formatDateTime(settings.votingEnd, settings.timeZone)}): số liệu sẽ không được chốt tự động. Hãy dùng mã dài hạn (README).`,
      );
    }
  }
  return { scopes, expiresAt, checked: true };
}

/**
 * One fetchAll: the Page (id, name), the token's own metadata (debug_token: type, Page, scopes,
 * expiry) and one post (proof that posts can be read). Nothing is stored unless all is well.
 */
export function connectFanpage(ctx: ActionContext, input: ConnectInput): Summary {
  const { token, page } = checkedInput(input);
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const { results } = graphGetAll(ctx.services, token, [
    graphUrl(page, { fields: 'id,name' }),
    graphUrl('debug_token', { input_token: token }),
    graphUrl(`${page}/posts`, { fields: 'id', limit: 1 }),
  ]);
  const [pageResult, debugResult, postsResult] = results;
  const info = throwIfFailed(pageResult, `Fanpage "${page}"`, token);
  const pageId = String(info.id ?? '');
  const pageName = String(info.name ?? page);
  const warnings: string[] = [];
  const { scopes, expiresAt, checked } = checkToken(debugResult, token, { id: pageId, name: pageName }, settings, warnings);
  throwIfFailed(postsResult, `bài đăng của Fanpage "${pageName}"`, token);
  const connection: FanpageConnection = { token, pageId, pageName, expiresAt, scopes, checked, connectedAt: ctx.now.toISOString() };
  saveConnection(ctx, connection);
  const expiry = !checked ? 'chưa rõ' : expiresAt ? formatDateTime(new Date(expiresAt), settings.timeZone) : 'không hết hạn';
  return {
    title: CONNECT_FANPAGE_TITLE,
    lines: [
      `Đã kết nối Fanpage "${pageName}" (ID ${pageId}).`,
      `Mã truy cập ${maskToken(token)} được lưu trong thuộc tính người dùng của bạn cho bảng tính này; không ghi vào trang tính hay "Nhật ký".`,
      `Quyền: ${checked ? scopes.join(', ') : 'chưa rõ'} · Hết hạn: ${expiry}.`,
    ],
    warnings,
  };
}

export const connectFanpageAction: MenuAction<ConnectInput> = { title: CONNECT_FANPAGE_TITLE, run: connectFanpage };
