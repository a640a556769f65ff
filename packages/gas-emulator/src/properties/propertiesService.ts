// PropertiesService: script, document and user property stores (string values, like Google).
import { CallCounter, Emulated } from '../core/calls';
import type { Env } from '../core/env';
import { PROPERTY_STORE_FULL, PROPERTY_VALUE_TOO_LARGE } from '../core/errors';

/** Quotas page, "Current limitations": 9 KB per value, 500 KB per property store (UTF-8 bytes; keys count in the store). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertiesImpl extends Emulated {
  static kind = 'Properties';
  readonly _store = new Map<string, string>();

  getProperty(key: string): string | null {
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    return this._write([[String(key), String(value)]], false);
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): this {
    return this._write(
      Object.entries(props).map(([k, v]) => [k, String(v)]),
      deleteAllOthers,
    );
  }
  /** Checks the limits before changing anything: a refused write leaves the store as it was. */
  private _write(entries: [string, string][], deleteAllOthers: boolean): this {
    if (entries.some(([, v]) => bytes(v) > PROPERTY_VALUE_LIMIT)) throw new Error(PROPERTY_VALUE_TOO_LARGE);
    const next = new Map(deleteAllOthers ? [] : this._store);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) throw new Error(PROPERTY_STORE_FULL);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

export class PropertiesServiceImpl extends Emulated {
  static kind = 'PropertiesService';
  private readonly script: PropertiesImpl;
  private readonly documents = new Map<string, PropertiesImpl>();
  private readonly users = new Map<string, PropertiesImpl>();
  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
  ) {
    super(ctr);
    this.script = new PropertiesImpl(ctr);
  }
  getScriptProperties(): PropertiesImpl {
    return this.script;
  }
  /**
   * One store per document, shared by its users. *stricter* (undocumented): in add-on mode, null where there is
   * no current document (an add-on's clock trigger), as Google documents for scripts with no containing document.
   */
  getDocumentProperties(): PropertiesImpl | null {
    const doc = this._env.active;
    if (!doc) return this._env.addon ? null : this.store('');
    return this.store(doc._id);
  }
  private store(id: string): PropertiesImpl {
    let p = this.documents.get(id);
    if (!p) this.documents.set(id, (p = new PropertiesImpl(this._ctr)));
    return p;
  }
  /** One store per user, following Session's effective user. */
  getUserProperties(): PropertiesImpl {
    const u = this._env.effectiveUser;
    let p = this.users.get(u);
    if (!p) this.users.set(u, (p = new PropertiesImpl(this._ctr)));
    return p;
  }
}
