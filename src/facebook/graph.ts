// Graph API adapter: batched GETs through UrlFetchApp, retries on rate limits, errors in Vietnamese, posts of a Page with paging.
import type { PagePost } from '../domain/fanpageMatch';
import type { Services } from '../flows/context';
import { ContestError } from '../sheets/errors';

type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;

export const GRAPH_HOST = 'https://graph.facebook.com';
export const GRAPH_VERSION = 'v25.0';
const GRAPH = `${GRAPH_HOST}/${GRAPH_VERSION}`;

/** The `error` object of a Graph API error response. */
export interface GraphError {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  fbtrace_id?: string;
}

export type GraphResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: GraphError; status: number };

/** 4 app, 17 user, 32 Page, 613 custom rate limit; 1 and 2 are Facebook's own temporary failures: wait and retry. */
const RETRYABLE = new Set([1, 2, 4, 17, 32, 613]);
/**
 * Waits before each retry. Their sum (70 s) keeps a read well inside an execution's 6 minutes even
 * after a slow Page; Facebook's throttles last longer than that, and the message then says to come back.
 */
export const RETRY_WAITS_MS = [10_000, 20_000, 40_000];

/** A Page post listing asks at most this many per request (the API's maximum). */
const PAGE_SIZE = 100;

/** The token shown to people: its first and last 4 characters ("EAAG…x9Z1"). */
export function maskToken(token: string): string {
  const t = token.trim();
  return t.length <= 12 ? '••••' : `${t.slice(0, 4)}…${t.slice(-4)}`;
}

/** Removes the token and any query string from a text that may quote a URL (an error Google or Facebook wrote). */
export function redact(text: string, token: string): string {
  let s = String(text ?? '');
  if (token.trim().length >= 6) s = s.split(token.trim()).join(maskToken(token));
  return s.replace(/([?&](?:access_token|input_token)=)[^&\s"']+/gi, '$1…').replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, '$1');
}

/** A query string for Apps Script (no URLSearchParams there). */
export function graphUrl(path: string, query: Record<string, string | number> = {}): string {
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${GRAPH}/${path.replace(/^\//, '')}${q ? `?${q}` : ''}`;
}

/** The token goes in the Authorization header, never in the URL: URLs end up in Google's error texts and logs. */
function graphRequest(url: string, token: string): Request {
  return { url, method: 'get', headers: { Authorization: `Bearer ${token}` }, muteHttpExceptions: true };
}

const NETWORK = 'fanpage.network';

/** One UrlFetchApp call for all `requests` (fetch for one, fetchAll for more); a thrown fetch becomes a Vietnamese error. */
function send(services: Services, requests: Request[], token: string): HTTPResponse[] {
  try {
    if (requests.length === 1) {
      const { url, ...options } = requests[0];
      return [services.urlFetchApp.fetch(url, options)];
    }
    return services.urlFetchApp.fetchAll(requests);
  } catch (error) {
    const detail = redact(error instanceof Error ? error.message : String(error), token);
    throw new ContestError([
      {
        code: NETWORK,
        severity: 'stops-action',
        message: `Không kết nối được tới Facebook (graph.facebook.com): ${detail.replace(/[.]+$/, '')}. Hãy kiểm tra kết nối rồi chạy lại.`,
      },
    ]);
  }
}

function parseResult(response: HTTPResponse): GraphResult {
  const status = response.getResponseCode();
  let body: unknown;
  try {
    body = JSON.parse(response.getContentText());
  } catch {
    body = null;
  }
  const obj = (body ?? {}) as Record<string, unknown>;
  if (obj.error && typeof obj.error === 'object') return { ok: false, error: obj.error as GraphError, status };
  if (status >= 400 || body === null || typeof body !== 'object') {
    return { ok: false, status, error: { code: status >= 500 ? 2 : -1, message: `HTTP ${status}` } };
  }
  return { ok: true, body: obj };
}

/**
 * GETs every URL, with as many in one fetchAll as there are; rate-limited or temporarily failed ones
 * are retried after Utilities.sleep (RETRY_WAITS_MS), the others are not fetched again. `extra`
 * requests (not the Graph API: short-link redirects) ride along in the first call, unretried.
 */
export function graphGetAll(
  services: Services,
  token: string,
  urls: string[],
  extra: Request[] = [],
): { results: GraphResult[]; extra: HTTPResponse[]; retries: number } {
  const results: GraphResult[] = new Array(urls.length);
  let pending = urls.map((_, i) => i);
  let extraResponses: HTTPResponse[] = [];
  let retries = 0;
  for (let attempt = 0; ; attempt++) {
    const requests = pending.map((i) => graphRequest(urls[i], token));
    const withExtra = attempt === 0 ? [...requests, ...extra] : requests;
    if (withExtra.length === 0) break;
    const responses = send(services, withExtra, token);
    if (attempt === 0) extraResponses = responses.slice(requests.length);
    const again: number[] = [];
    pending.forEach((i, k) => {
      const r = parseResult(responses[k]);
      results[i] = r;
      if (!r.ok && RETRYABLE.has(r.error.code)) again.push(i);
    });
    if (again.length === 0 || attempt >= RETRY_WAITS_MS.length) break;
    services.utilities.sleep(RETRY_WAITS_MS[attempt]);
    retries++;
    pending = again;
  }
  return { results, extra: extraResponses, retries };
}

/** Vietnamese text of a Graph API error; `what` names the object asked for ("Fanpage …", "bài đăng …"). */
export function graphErrorText(error: GraphError, what: string, token: string): string {
  const code = error.code;
  const sub = error.error_subcode !== undefined ? `/${error.error_subcode}` : '';
  if (code === 190 || code === 102) {
    return `Mã truy cập Fanpage đã hết hạn hoặc bị thu hồi (Facebook báo lỗi ${code}${sub}). Một quản trị viên Trang hãy tạo mã mới rồi chạy "Hội thi → Kết nối Fanpage".`;
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    return `Mã truy cập thiếu quyền đọc tương tác của Trang (Facebook báo lỗi ${code}${sub}): cần quyền pages_read_engagement và pages_show_list, do một quản trị viên Trang cấp. Hãy tạo lại mã rồi chạy "Hội thi → Kết nối Fanpage".`;
  }
  if (code === 100 && error.error_subcode === 33) {
    return `Facebook không tìm thấy ${what} (lỗi 100/33): đã bị xóa, hoặc mã truy cập không được xem.`;
  }
  if (RETRYABLE.has(code)) {
    const waited = RETRY_WAITS_MS.reduce((a, b) => a + b, 0) / 1000;
    return `Facebook đang giới hạn số lần đọc (lỗi ${code}); đã chờ ${waited} giây, thử lại ${RETRY_WAITS_MS.length} lần mà chưa được. Hãy chạy lại sau khoảng một giờ.`;
  }
  return `Facebook báo lỗi khi đọc ${what} (mã ${code}${sub}): ${redact(error.message, token)}`;
}

/** Throws the first failed result as a ContestError coded `fanpage.graph.<code>`. */
export function throwIfFailed(result: GraphResult, what: string, token: string): Record<string, unknown> {
  if (result.ok) return result.body;
  throw new ContestError([{ code: `fanpage.graph.${result.error.code}`, severity: 'stops-action', message: graphErrorText(result.error, what, token) }]);
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A post object of the Graph API as the add-on keeps it; a post nobody shared has no `shares` field (0). */
export function toPagePost(o: Record<string, unknown>): PagePost {
  const reactions = (o.reactions as { summary?: { total_count?: unknown } } | undefined)?.summary?.total_count;
  const shares = (o.shares as { count?: unknown } | undefined)?.count;
  const attachments = ((o.attachments as { data?: unknown[] } | undefined)?.data ?? []) as { target?: { id?: unknown }; media_type?: unknown }[];
  const created = typeof o.created_time === 'string' ? new Date(o.created_time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : null;
  return {
    id: String(o.id ?? ''),
    permalink: String(o.permalink_url ?? ''),
    message: String(o.message ?? ''),
    created: created && !Number.isNaN(created.getTime()) ? created : null,
    reactions: num(reactions),
    shares: num(shares),
    videoIds: attachments.filter((a) => a.target?.id !== undefined && String(a.media_type ?? '').includes('video')).map((a) => String(a.target!.id)),
  };
}

/** Fields of a post: permalink and text to match, the totals, and the attached video for /videos/ and /reel/ links. */
export const POST_FIELDS = 'permalink_url,message,created_time,reactions.limit(0).summary(total_count),shares,attachments{media_type,target{id}}';

/**
 * The Page's posts created from `since` to `until`, following paging.next; `shortLinks` are resolved
 * (one redirect, not followed) in the same first call. UrlFetchApp calls: one per 100 posts (+ retries).
 */
export function readPagePosts(
  services: Services,
  token: string,
  pageId: string,
  since: Date,
  until: Date,
  shortLinks: string[],
): { posts: PagePost[]; resolved: Map<string, string>; calls: number; retries: number } {
  const first = graphUrl(`${pageId}/posts`, {
    fields: POST_FIELDS,
    since: Math.floor(since.getTime() / 1000),
    until: Math.ceil(until.getTime() / 1000),
    limit: PAGE_SIZE,
  });
  // Short links are fetched without the token: it is for graph.facebook.com only.
  const redirects: Request[] = shortLinks.map((url) => ({ url, method: 'get', followRedirects: false, muteHttpExceptions: true }));
  const what = `bài đăng của Fanpage (ID ${pageId})`;
  const firstRead = graphGetAll(services, token, [first], redirects);
  let calls = 1 + firstRead.retries;
  let retries = firstRead.retries;
  const resolved = new Map<string, string>();
  firstRead.extra.forEach((r, i) => {
    const headers = r.getHeaders() as Record<string, string>;
    const location = headers.Location ?? headers.location;
    if (location) resolved.set(shortLinks[i], String(location));
  });
  const posts: PagePost[] = [];
  let body = throwIfFailed(firstRead.results[0], what, token);
  // A guard against a paging loop: 50 pages of 100 posts is far more than a contest's week.
  for (let page = 0; page < 50; page++) {
    for (const o of (body.data ?? []) as Record<string, unknown>[]) posts.push(toPagePost(o));
    const next = (body.paging as { next?: unknown } | undefined)?.next;
    // The token goes only to Facebook's own API host.
    if (typeof next !== 'string' || !next.startsWith(`${GRAPH_HOST}/`)) break;
    const read = graphGetAll(services, token, [next]);
    calls += 1 + read.retries;
    retries += read.retries;
    body = throwIfFailed(read.results[0], what, token);
  }
  return { posts, resolved, calls, retries };
}
