// Utilities: formatDate with time zones, blobs, base64, digests, UUIDs, and sleep on the emulated clock.
import { isDate } from '../core/dates';
import { createHash, createHmac } from 'crypto';
import { CallCounter, Emulated } from '../core/calls';
import { BlobImpl, toSignedBytes, toUnsigned } from '../base/blob';
import { formatJavaDate } from '../utilities/formatDate';
import { isValidZone } from '../core/tz';
import type { Env } from '../core/env';
import { notAByte } from '../core/errors';

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
});
const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_HMAC: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

function bytesOf(data: unknown): Uint8Array {
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'utf8'));
  if (data instanceof Uint8Array) return data;
  if (Array.isArray(data)) return toUnsigned(data as number[]);
  if (data instanceof BlobImpl) return data._bytes;
  throw new Error('Invalid argument: data');
}

/**
 * signedBytes: Apps Script's Byte[] holds signed Java bytes (-128..127), as getBytes() and base64Decode return
 * them. Whether Google narrows or rejects 128..255 is undocumented; the emulator takes the stricter reading.
 */
export function assertSignedBytes(data: unknown): void {
  if (!Array.isArray(data) && !(ArrayBuffer.isView(data) && !(data instanceof DataView))) return;
  const list = data as ArrayLike<unknown>;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 127) throw new Error(notAByte(b, i));
  }
}

export class UtilitiesImpl extends Emulated {
  static kind = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = Object.freeze({
    HMAC_MD5: 'HMAC_MD5',
    HMAC_SHA_1: 'HMAC_SHA_1',
    HMAC_SHA_256: 'HMAC_SHA_256',
    HMAC_SHA_384: 'HMAC_SHA_384',
    HMAC_SHA_512: 'HMAC_SHA_512',
  });
  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
  ) {
    super(ctr);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
    if (!isValidZone(timeZone)) throw new Error('Invalid argument: timeZone');
    return formatJavaDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%(\d+\$)?[-+ 0,(#]*\d*(?:\.\d+)?([sdfx%])/g, (m, _pos: string, conv: string) => {
      if (conv === '%') return '%';
      const v = args[i++];
      if (conv === 'd') return String(Math.trunc(Number(v)));
      if (conv === 'f') {
        const prec = /\.(\d+)/.exec(m);
        return Number(v).toFixed(prec ? Number(prec[1]) : 6);
      }
      if (conv === 'x') return Math.trunc(Number(v)).toString(16);
      return String(v);
    });
  }
  newBlob(data: unknown, contentType?: string, name?: string): BlobImpl {
    if (this._env.signedBytes) assertSignedBytes(data);
    return new BlobImpl(this._ctr, new Uint8Array(bytesOf(data)), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown): string {
    return Buffer.from(bytesOf(data)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return Buffer.from(bytesOf(data)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSignedBytes(new Uint8Array(Buffer.from(encoded, 'base64')));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return this.base64Decode(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  }
  computeDigest(algorithm: string, value: unknown): number[] {
    const alg = NODE_DIGEST[algorithm];
    if (!alg) throw new Error(`not emulated: Utilities.computeDigest(${algorithm})`);
    return toSignedBytes(new Uint8Array(createHash(alg).update(bytesOf(value)).digest()));
  }
  computeHmacSignature(algorithm: string, value: unknown, key: unknown): number[] {
    const alg = NODE_HMAC[algorithm];
    if (!alg) throw new Error(`not emulated: Utilities.computeHmacSignature(${algorithm})`);
    return toSignedBytes(new Uint8Array(createHmac(alg, bytesOf(key)).update(bytesOf(value)).digest()));
  }
  computeHmacSha256Signature(value: unknown, key: unknown): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key);
  }
  /** Random v4 UUID from the emulator's seeded generator (reproducible). */
  getUuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this._env.rand() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  /** No real wait: the emulated clock moves forward (max 300000 ms, like Google). */
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw new Error('Invalid argument: milliseconds (max 300000)');
    this._env.advance(milliseconds);
  }
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}
