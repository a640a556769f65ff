// Call counting and the Proxy that exposes emulator objects as Apps Script objects ("not emulated" for the rest).
import { isDate } from './dates';

/** Counts every public call made on emulated objects, keyed "Class.method". */
export class CallCounter {
  private counts = new Map<string, number>();
  private sum = 0;
  /** Checked before each call (the emulator refuses calls in AuthMode.NONE through it); throwing stops the call. */
  guard: ((key: string) => void) | undefined;

  hit(key: string): void {
    this.guard?.(key);
    this.sum++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  total(): number {
    return this.sum;
  }
  /** Calls of one method, e.g. count("Range.getValues"). */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of [...this.counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) out[k] = v;
    return out;
  }
  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}

/** Emulated objects created so far in this process. */
let instances = 0;

/**
 * Base of every emulated Apps Script object. Methods whose names start with "_" are internal:
 * the Proxy hides them, so tests and product code see only the Apps Script surface.
 */
export abstract class Emulated {
  /** Apps Script class name used in counts and "not emulated" errors. */
  static kind = 'Object';
  /** Creation order, so instances without a natural identity still differ (see _identity). */
  readonly _serial = ++instances;
  constructor(readonly _ctr: CallCounter) {}
  /**
   * What this object stands for, as jest's toEqual sees it through the proxy's IDENTITY key. Every
   * instance is distinct by default; sheets and ranges name what they refer to, so two Range objects
   * over the same cells are equal (as in Apps Script, where each getRange call returns a new object).
   */
  _identity(): string {
    return `#${this._serial}`;
  }
}

/** Result marker: expose `impl` under another Apps Script class name (FormApp Item.asListItem...). */
export class AsKind {
  constructor(
    readonly impl: Emulated,
    readonly kind: string,
    readonly allowed?: ReadonlySet<string>,
  ) {}
}

const IMPL = Symbol('emulator.impl');

/**
 * The one enumerable own key of every proxy. An emulated object's fields are "_"-prefixed and hidden,
 * so without it two different sheets would look like empty objects to jest's toEqual and compare equal.
 */
const IDENTITY = Symbol('emulated');

/** Internal fields stay out of enumeration as they are out of `get` (non-configurable ones cannot, by Proxy rules). */
function isHidden(target: object, key: string | symbol): boolean {
  return typeof key === 'string' && key.startsWith('_') && Reflect.getOwnPropertyDescriptor(target, key)?.configurable !== false;
}
const proxies = new WeakMap<object, Map<string, object>>();
const implOf = new WeakMap<object, Emulated>();

// Properties that test runners and Node's inspector probe on any object; answering "undefined"
// keeps jest's diffs and console.log working instead of hitting the "not emulated" trap.
const PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'inspect',
  'length',
  'prototype',
  'toAsymmetricMatcher',
  'jasmineToString',
  'nodeName',
]);

function notEmulated(kind: string, prop: string): Error {
  return new Error(`not emulated: ${kind}.${prop}`);
}

/** The Apps Script-facing proxy of an emulator object (cached, so identity is stable). */
export function expose<T = unknown>(impl: Emulated, kind?: string, allowed?: ReadonlySet<string>): T {
  const k = kind ?? (impl.constructor as typeof Emulated).kind;
  let byKind = proxies.get(impl);
  if (!byKind) proxies.set(impl, (byKind = new Map()));
  const cached = byKind.get(k);
  if (cached) return cached as T;
  const traps = new Traps(k, allowed, impl._ctr);
  const proxy: object = new Proxy(impl, traps);
  traps.proxy = proxy;
  implOf.set(proxy, impl);
  byKind.set(k, proxy);
  return proxy as T;
}

/** HtmlTemplate's variables (template.data = ...), read and written as plain properties. */
function varsOf(target: Emulated): Record<string, unknown> | undefined {
  return (target as { _vars?: Record<string, unknown> })._vars;
}

/**
 * The traps of one proxy: `kind` names the class in counts and errors, `allowed` (AsKind) limits the
 * methods shown; every call of a shown method is counted on `ctr` as "kind.method".
 */
class Traps implements ProxyHandler<Emulated> {
  /** The proxy these traps serve: a method returning its own object hands back the proxy. */
  proxy: object | undefined;

  constructor(
    private readonly kind: string,
    private readonly allowed: ReadonlySet<string> | undefined,
    private readonly ctr: CallCounter,
  ) {}

  get(target: Emulated, prop: string | symbol): unknown {
    if (prop === IMPL) return target;
    if (prop === IDENTITY) return `${this.kind} ${target._identity()}`;
    if (typeof prop === 'symbol') return Reflect.get(target, prop);
    if (prop.startsWith('_')) return undefined;
    const vars = varsOf(target);
    if (vars && Object.prototype.hasOwnProperty.call(vars, prop)) return vars[prop];
    // A method replaced by assignment (jest.spyOn) is handed back as-is, so the spy is what callers hold.
    if (Object.prototype.hasOwnProperty.call(target, prop) && typeof Reflect.get(target, prop) === 'function') {
      return Reflect.get(target, prop);
    }
    return this.member(target, prop);
  }

  /** A public member: a counted method, a plain value, or what is not emulated. */
  private member(target: Emulated, prop: string): unknown {
    const value: unknown = Reflect.get(target, prop);
    const isMethod = typeof value === 'function' && prop !== 'constructor';
    if (isMethod && (!this.allowed || this.allowed.has(prop))) return this.counted(target, prop, value as (...a: unknown[]) => unknown);
    if (value !== undefined && !isMethod) return value;
    if (PROBES.has(prop)) return undefined;
    // Enum-like names (capitalised) fail on access; method names fail when called, so that
    // `typeof x.foo` probes still work but using an unimplemented API never passes silently.
    if (/^[A-Z]/.test(prop)) throw notEmulated(this.kind, prop);
    return () => {
      throw notEmulated(this.kind, prop);
    };
  }

  /** Method `prop` as the caller sees it: counted, proxies in its arguments unwrapped, its result exposed. */
  private counted(target: Emulated, prop: string, fn: (...a: unknown[]) => unknown): (...args: unknown[]) => unknown {
    const key = `${this.kind}.${prop}`;
    const { ctr, proxy } = this;
    return (...args: unknown[]) => {
      ctr.hit(key);
      const res = fn.apply(
        target,
        args.map((a) => unwrap(a, 2)),
      );
      return res === target ? proxy : exposeResult(res, 2);
    };
  }

  set(target: Emulated, prop: string | symbol, value: unknown): boolean {
    // HtmlTemplate takes its variables as plain properties (template.data = ...).
    const vars = varsOf(target);
    if (vars && typeof prop === 'string') {
      vars[prop] = value;
      return true;
    }
    // Replacing a method (jest.spyOn) is allowed; a spy wraps the counting method, so calls stay counted.
    if (typeof prop === 'string' && typeof value === 'function' && typeof Reflect.get(target, prop) === 'function') {
      return Reflect.set(target, prop, value);
    }
    throw new Error(`not emulated: assigning ${this.kind}.${String(prop)}`);
  }

  // Enumeration agrees with `get`: public own fields (and spies) plus IDENTITY, never the internals.
  ownKeys(target: Emulated): (string | symbol)[] {
    return [...Reflect.ownKeys(target).filter((key) => !isHidden(target, key)), IDENTITY];
  }

  getOwnPropertyDescriptor(target: Emulated, prop: string | symbol): PropertyDescriptor | undefined {
    if (prop === IDENTITY) return { value: `${this.kind} ${target._identity()}`, enumerable: true, configurable: true, writable: false };
    if (isHidden(target, prop)) return undefined;
    return Reflect.getOwnPropertyDescriptor(target, prop);
  }
}

/** Map results: emulator objects become proxies (arrays up to `depth` levels). */
function exposeResult(res: unknown, depth: number): unknown {
  if (res instanceof Emulated) return expose(res);
  if (res instanceof AsKind) return expose(res.impl, res.kind, res.allowed);
  if (depth > 0 && Array.isArray(res) && res.length > 0 && typeof res[0] === 'object') {
    return res.map((r) => exposeResult(r, depth - 1));
  }
  return res;
}

/** Proxies passed back into the emulator (rules, ranges, users...) become the objects behind them. */
function unwrap(a: unknown, depth: number): unknown {
  if (a === null || typeof a !== 'object') return a;
  const impl = implOf.get(a);
  if (impl) return impl;
  if (depth > 0 && Array.isArray(a) && a.length > 0 && typeof a[0] === 'object' && !isDate(a[0])) {
    return a.map((x) => unwrap(x, depth - 1));
  }
  return a;
}

/** The emulator object behind a proxy, or undefined when `p` is not an emulator proxy. */
export function implOfProxy<T extends Emulated>(p: unknown): T | undefined {
  return (p !== null && typeof p === 'object' ? implOf.get(p) : undefined) as T | undefined;
}
