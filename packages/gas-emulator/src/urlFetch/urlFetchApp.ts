// UrlFetchApp: fetch and fetchAll answered by a handler the test registers (no network), with Google's HTTP error semantics.
import { CallCounter, Emulated } from '../core/calls';
import { BlobImpl } from '../base/blob';
import { requestFailed } from '../core/errors';

/** What the handler sees of one request (after Google's defaults are applied). */
export interface FakeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: string;
  followRedirects: boolean;
}

/** What the handler answers; `networkError` makes fetch throw as Google does when the host cannot be reached. */
export interface FakeResponse {
  code?: number;
  body?: string;
  headers?: Record<string, string>;
  networkError?: string;
}

export type UrlHandler = (request: FakeRequest) => FakeResponse;

/** One request as it went out (tests count requests, not just UrlFetchApp calls). */
export interface HttpRecord {
  url: string;
  method: string;
  headers: Record<string, string>;
  code: number | null;
}

interface Options {
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

/** Google follows at most this many redirects (undocumented; the emulator's choice). */
const MAX_REDIRECTS = 10;

export class HttpResponseImpl extends Emulated {
  static kind = 'HTTPResponse';
  constructor(
    ctr: CallCounter,
    private readonly _code: number,
    private readonly _body: string,
    private readonly _headers: Record<string, string>,
  ) {
    super(ctr);
  }
  getResponseCode(): number {
    return this._code;
  }
  getContentText(_charset?: string): string {
    return this._body;
  }
  getHeaders(): Record<string, string> {
    return { ...this._headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this._headers };
  }
  getContent(): number[] {
    return [...Buffer.from(this._body, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
  }
  getBlob(): BlobImpl {
    return new BlobImpl(this._ctr, new Uint8Array(Buffer.from(this._body, 'utf8')), this._headers['Content-Type'] ?? null, null);
  }
}

export class UrlFetchAppImpl extends Emulated {
  static kind = 'UrlFetchApp';
  _handler: UrlHandler | undefined;
  constructor(
    ctr: CallCounter,
    readonly _log: HttpRecord[],
  ) {
    super(ctr);
  }

  fetch(url: string, params: Options = {}): HttpResponseImpl {
    return this._one(url, params);
  }

  /** Google sends the requests in parallel and returns responses in request order; any unmuted HTTP error throws. */
  fetchAll(requests: (string | (Options & { url: string }))[]): HttpResponseImpl[] {
    if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
    return requests.map((r) => (typeof r === 'string' ? this._one(r, {}) : this._one(r.url, r)));
  }

  getRequest(url: string, params: Options = {}): Record<string, unknown> {
    return {
      url,
      method: (params.method ?? 'get').toLowerCase(),
      headers: { ...(params.headers ?? {}) },
      payload: params.payload ?? '',
      followRedirects: params.followRedirects ?? true,
      muteHttpExceptions: params.muteHttpExceptions ?? false,
    };
  }

  private _one(url: string, params: Options): HttpResponseImpl {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw new Error(`Invalid argument: ${String(url)}`);
    if (!this._handler) throw new Error('emulator: no URL handler registered (emu.setUrlHandler)');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
    if (params.contentType) headers['Content-Type'] = params.contentType;
    const followRedirects = params.followRedirects ?? true;
    let target = url;
    for (let hop = 0; ; hop++) {
      const request: FakeRequest = {
        url: target,
        method: (params.method ?? 'get').toUpperCase(),
        headers,
        payload: params.payload === undefined ? '' : String(params.payload),
        followRedirects,
      };
      const answer = this._handler(request);
      const record: HttpRecord = { url: target, method: request.method, headers: { ...headers }, code: null };
      this._log.push(record);
      // Google's wording for an unreachable host ("Address unavailable: …", "DNS error: …").
      if (answer.networkError) throw new Error(answer.networkError);
      const code = answer.code ?? 200;
      record.code = code;
      const resHeaders = answer.headers ?? {};
      const location = resHeaders.Location ?? resHeaders.location;
      if (followRedirects && code >= 300 && code < 400 && location && hop < MAX_REDIRECTS) {
        target = location;
        continue;
      }
      const body = answer.body ?? '';
      if (code >= 400 && !params.muteHttpExceptions) throw new Error(requestFailed(target, code, body));
      return new HttpResponseImpl(this._ctr, code, body, resHeaders);
    }
  }
}
