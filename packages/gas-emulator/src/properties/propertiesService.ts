// PropertiesService: script, document and user property stores (string values, like Google).
import { CallCounter, Emulated } from '../core/calls';
import type { Env } from '../core/env';

export class PropertiesImpl extends Emulated {
  static kind = 'Properties';
  readonly _store = new Map<string, string>();

  getProperty(key: string): string | null {
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    this._store.set(String(key), String(value));
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of Object.entries(props)) this._store.set(k, String(v));
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
