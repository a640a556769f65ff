// Base.Blob: bytes with a content type and a name (Utilities.newBlob, HtmlOutput.getBlob, insertImage).
import { CallCounter, Emulated } from '../core/calls';

/** Apps Script byte arrays hold signed Java bytes (-128…127). */
export function toSignedBytes(u: Uint8Array): number[] {
  return Array.from(u, (b) => (b > 127 ? b - 256 : b));
}
export function toUnsigned(data: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(data, (b) => b & 0xff));
}

export class BlobImpl extends Emulated {
  static kind = 'Blob';
  constructor(
    ctr: CallCounter,
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super(ctr);
  }
  static _fromString(ctr: CallCounter, s: string, contentType: string | null, name: string | null): BlobImpl {
    return new BlobImpl(ctr, new Uint8Array(Buffer.from(s, 'utf8')), contentType, name);
  }
  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }
  setBytes(data: number[]): this {
    this._bytes = toUnsigned(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    const enc = (charset ?? 'utf-8').toLowerCase().replace('-', '') === 'utf8' ? 'utf8' : 'latin1';
    return Buffer.from(this._bytes).toString(enc);
  }
  setDataFromString(s: string): this {
    this._bytes = new Uint8Array(Buffer.from(s, 'utf8'));
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(t: string): this {
    this._contentType = t;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(n: string): this {
    this._name = n;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): BlobImpl {
    return new BlobImpl(this._ctr, new Uint8Array(this._bytes), this._contentType, this._name);
  }
  getBlob(): this {
    return this;
  }
  getAs(contentType: string): BlobImpl {
    if (contentType === this._contentType) return this.copyBlob();
    throw new Error(`not emulated: Blob.getAs(${contentType})`);
  }
}
