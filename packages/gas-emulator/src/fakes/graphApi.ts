// A fake Facebook Graph API (one Page, its posts, its token) to register with emu.setUrlHandler: answers as graph.facebook.com does.
import type { FakeRequest, FakeResponse, UrlHandler } from '../urlFetch/urlFetchApp';

export interface FakePost {
  /** Numeric post id without the page prefix (the API's id is `${pageId}_${postId}`). */
  postId: string;
  message?: string;
  createdTime: Date;
  /** What the API returns as permalink_url (default https://www.facebook.com/{pageId}/posts/{postId}). */
  permalink?: string;
  reactions: number;
  shares: number;
  /** The video attached to the post (its /videos/, /reel/ and fb.watch links lead here). */
  videoId?: string;
  /** A deleted post no longer lists and answers 100 / subcode 33. */
  deleted?: boolean;
}

export interface FakeGraphOptions {
  pageId: string;
  pageName: string;
  username?: string;
  token: string;
  scopes?: string[];
  /** Token expiry (null = never, as for a Page token from a long-lived user token). */
  expiresAt?: Date | null;
  posts: FakePost[];
  /** Posts per page of /{page}/posts when the request asks no `limit` (the API's default is 25). */
  defaultLimit?: number;
  /** fb.watch/… and facebook.com/share/… short links and where they redirect. */
  shortLinks?: Record<string, string>;
  /** The clock that decides token expiry (pass the emulator's: emu.now). */
  now?: () => Date;
}

/** An error as the Graph API sends it: HTTP status and the `error` object. */
export interface FakeGraphError {
  status?: number;
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
}

export const GRAPH_ERRORS = {
  expired: (): FakeGraphError => ({
    status: 400,
    code: 190,
    error_subcode: 463,
    type: 'OAuthException',
    message: 'Error validating access token: Session has expired on Monday, 19-Jun-23 02:00:00 PDT.',
  }),
  invalidToken: (): FakeGraphError => ({ status: 400, code: 190, type: 'OAuthException', message: 'Invalid OAuth access token - Cannot parse access token' }),
  permission: (): FakeGraphError => ({
    status: 403,
    code: 10,
    type: 'OAuthException',
    message: "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature.",
  }),
  missingObject: (id: string): FakeGraphError => ({
    status: 400,
    code: 100,
    error_subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  }),
  rateLimit: (code: 4 | 17 | 32 | 613): FakeGraphError => ({
    status: 400,
    code,
    type: 'OAuthException',
    message: {
      4: '(#4) Application request limit reached',
      17: '(#17) User request limit reached',
      32: '(#32) Page request limit reached',
      613: '(#613) Calls to this api have exceeded the rate limit.',
    }[code],
  }),
};

let traceSerial = 0;

function errorResponse(e: FakeGraphError): FakeResponse {
  const error: Record<string, unknown> = { message: e.message, type: e.type ?? 'OAuthException', code: e.code };
  if (e.error_subcode !== undefined) error.error_subcode = e.error_subcode;
  error.fbtrace_id = `AbCdTrace${++traceSerial}`;
  return { code: e.status ?? 400, body: JSON.stringify({ error }), headers: { 'Content-Type': 'application/json; charset=UTF-8' } };
}

function ok(body: unknown): FakeResponse {
  return { code: 200, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=UTF-8' } };
}

/** Query parameters of a URL (Apps Script has no URL class, but this fake runs in Node). */
function parse(url: string): { host: string; path: string; query: URLSearchParams } {
  const u = new URL(url);
  return { host: u.hostname.toLowerCase(), path: u.pathname, query: u.searchParams };
}

/** Top-level field names of a `fields` parameter ("a,b.c(d),e{f,g}" → a, b, e). */
function topFields(fields: string | null): Set<string> {
  const out = new Set<string>();
  if (!fields) return out;
  let depth = 0;
  let current = '';
  for (const ch of fields) {
    if (ch === '(' || ch === '{') depth++;
    if (ch === ')' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.add(current.split(/[.({]/)[0].trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.add(current.split(/[.({]/)[0].trim());
  return out;
}

/** Graph's created_time: ISO 8601 with a +0000 offset. */
function graphTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** since/until: a Unix timestamp or a strtotime-readable date. */
function readTime(v: string | null): number | null {
  if (v === null || v === '') return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

export class FakeGraphApi {
  readonly options: FakeGraphOptions;
  /** Graph paths requested (no host, no version, no query), in order. */
  readonly requests: string[] = [];
  private queued: (FakeGraphError | 'network')[] = [];
  private revoked = false;

  constructor(options: FakeGraphOptions) {
    this.options = { scopes: ['pages_read_engagement', 'pages_show_list'], expiresAt: null, defaultLimit: 25, shortLinks: {}, ...options };
  }

  /** The next Graph requests fail, in order, with these errors ('network' = the host cannot be reached). */
  failNext(...errors: (FakeGraphError | 'network')[]): void {
    this.queued.push(...errors);
  }
  /** The Page admin revokes the token (or changes their password): every later call answers 190. */
  revoke(): void {
    this.revoked = true;
  }
  post(postId: string): FakePost {
    const p = this.options.posts.find((x) => x.postId === postId);
    if (!p) throw new Error(`fake graph: no post ${postId}`);
    return p;
  }

  readonly handler: UrlHandler = (request) => this.answer(request);

  private answer(request: FakeRequest): FakeResponse {
    const { host, path, query } = parse(request.url);
    if (host === 'fb.watch' || (host.endsWith('facebook.com') && path.startsWith('/share/'))) return this.shortLink(request.url);
    if (host !== 'graph.facebook.com') return { networkError: `Address unavailable: ${request.url}` };
    const graphPath = path.replace(/^\/v\d+\.\d+/, '');
    this.requests.push(graphPath);
    const failure = this.queued.shift();
    if (failure === 'network') return { networkError: `Address unavailable: https://graph.facebook.com${path}` };
    if (failure) return errorResponse(failure);
    if (request.method !== 'GET') return errorResponse({ code: 100, message: 'Unsupported method', type: 'GraphMethodException' });
    const refused = this.tokenError(request, query);
    return refused ? errorResponse(refused) : this.route(graphPath, query);
  }

  /** fb.watch/… and facebook.com/share/… links: a redirect to where they lead, or Facebook's 404 page. */
  private shortLink(url: string): FakeResponse {
    const to = this.options.shortLinks?.[url.replace(/\/$/, '')] ?? this.options.shortLinks?.[url];
    return to ? { code: 302, headers: { Location: to } } : { code: 404, body: '<!DOCTYPE html><title>Không tìm thấy</title>' };
  }

  /** Why the request's access token (Authorization header or access_token) is refused, or null when it is good. */
  private tokenError(request: FakeRequest, query: URLSearchParams): FakeGraphError | null {
    const auth = request.headers.Authorization ?? request.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : (query.get('access_token') ?? '');
    if (token === '') return { status: 400, code: 104, message: 'An access token is required to request this resource.' };
    if (token !== this.options.token) return GRAPH_ERRORS.invalidToken();
    if (this.revoked)
      return {
        status: 400,
        code: 190,
        error_subcode: 460,
        message:
          'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
      };
    if (this.options.expiresAt && this.options.expiresAt.getTime() < (this.options.now?.() ?? new Date()).getTime()) return GRAPH_ERRORS.expired();
    return null;
  }

  /** An authorized GET: /debug_token, /{page}, /{page}/posts (feed, published_posts), /{pageId}_{postId}. */
  private route(graphPath: string, query: URLSearchParams): FakeResponse {
    const segments = graphPath.split('/').filter((s) => s !== '');
    const o = this.options;
    const isPage = (id: string) => id === o.pageId || (o.username !== undefined && id.toLowerCase() === o.username.toLowerCase());
    if (segments.length === 1 && segments[0] === 'debug_token') return this.debugToken(query);
    if (segments.length === 1 && isPage(segments[0])) {
      const fields = topFields(query.get('fields'));
      const body: Record<string, unknown> = { id: o.pageId };
      if (fields.has('name')) body.name = o.pageName;
      return ok(body);
    }
    if (segments.length === 2 && isPage(segments[0]) && (segments[1] === 'posts' || segments[1] === 'feed' || segments[1] === 'published_posts')) {
      if (!o.scopes?.includes('pages_read_engagement')) return errorResponse(GRAPH_ERRORS.permission());
      return this.listPosts(query);
    }
    if (segments.length === 1 && /^\d+_\d+$/.test(segments[0])) {
      const [pageId, postId] = segments[0].split('_');
      const p = o.posts.find((x) => x.postId === postId);
      if (pageId !== o.pageId || !p || p.deleted) return errorResponse(GRAPH_ERRORS.missingObject(segments[0]));
      return ok(this.render(p, topFields(query.get('fields'))));
    }
    return errorResponse(GRAPH_ERRORS.missingObject(segments[0] ?? ''));
  }

  /** /debug_token?input_token=…: what the token is and whether it is still valid. */
  private debugToken(query: URLSearchParams): FakeResponse {
    const o = this.options;
    const input = query.get('input_token') ?? '';
    const valid = input === o.token && !this.revoked;
    const expires = o.expiresAt ? Math.floor(o.expiresAt.getTime() / 1000) : 0;
    return ok({
      data: {
        app_id: '100200300',
        type: 'PAGE',
        application: 'hoithi',
        data_access_expires_at: 0,
        expires_at: expires,
        is_valid: valid,
        issued_at: 1686000000,
        profile_id: o.pageId,
        scopes: valid ? o.scopes : [],
        user_id: '999000111',
      },
    });
  }

  private render(p: FakePost, fields: Set<string>): Record<string, unknown> {
    const o = this.options;
    const out: Record<string, unknown> = { id: `${o.pageId}_${p.postId}` };
    if (fields.has('created_time')) out.created_time = graphTime(p.createdTime);
    if (fields.has('message') && p.message !== undefined) out.message = p.message;
    if (fields.has('permalink_url')) out.permalink_url = p.permalink ?? `https://www.facebook.com/${o.pageId}/posts/${p.postId}`;
    // The reaction list itself is paged; asking summary(total_count) adds the total.
    if (fields.has('reactions')) out.reactions = { data: [], summary: { total_count: p.reactions, viewer_reaction: 'NONE' } };
    // As the real API: a post nobody shared has no `shares` field at all.
    if (fields.has('shares') && p.shares > 0) out.shares = { count: p.shares };
    if (fields.has('attachments') && p.videoId) {
      out.attachments = {
        data: [
          {
            media_type: 'video',
            target: { id: p.videoId, url: `https://www.facebook.com/${o.pageId}/videos/${p.videoId}/` },
            url: `https://www.facebook.com/${o.pageId}/videos/${p.videoId}/`,
          },
        ],
      };
    }
    return out;
  }

  /** Newest first, filtered by since/until, `limit` per page (max 100), cursor paging with paging.next. */
  private listPosts(query: URLSearchParams): FakeResponse {
    const since = readTime(query.get('since'));
    const until = readTime(query.get('until'));
    const limit = Math.min(100, Number(query.get('limit') ?? this.options.defaultLimit) || 25);
    const all = this.options.posts
      .filter((p) => !p.deleted)
      .filter((p) => (since === null || p.createdTime.getTime() >= since) && (until === null || p.createdTime.getTime() <= until))
      .sort((a, b) => b.createdTime.getTime() - a.createdTime.getTime());
    const after = query.get('after');
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) : 0;
    const slice = all.slice(start, start + limit);
    const fields = topFields(query.get('fields'));
    const body: Record<string, unknown> = { data: slice.map((p) => this.render(p, fields)) };
    if (slice.length > 0) {
      const cursor = (n: number) => Buffer.from(String(n), 'utf8').toString('base64');
      const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + slice.length) } };
      if (start + slice.length < all.length) {
        const next = new URLSearchParams(query);
        next.set('after', cursor(start + slice.length));
        next.set('limit', String(limit));
        paging.next = `https://graph.facebook.com/v25.0/${this.options.pageId}/posts?${next.toString()}`;
      }
      body.paging = paging;
    }
    return ok(body);
  }
}
