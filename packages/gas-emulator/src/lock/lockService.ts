// LockService: script/document/user locks shared by emulated executions, with test hooks to simulate contention.
import { CallCounter, Emulated } from '../core/calls';
import { LOCK_TIMEOUT } from '../core/errors';
import type { Env } from '../core/env';
import { ADDON_SCRIPT_LOCK } from '../core/errors';

export type LockScope = 'script' | 'document' | 'user';

/**
 * What a lock is held on: the script lock is one for the whole project (every document an add-on is
 * used in, every user); a document lock is per document ("document:<id>"); the user lock is one here.
 */
type LockKey = string;

/**
 * Lock state shared by all executions. JS here is single-threaded, so contention is simulated:
 * - holdByOther(true | Date): an execution outside the test holds the lock (until released / until that time);
 * - executions started by the emulator (triggers, run()) nest: while an outer execution holds a lock,
 *   an inner one cannot get it, and waiting does not help (the outer one is suspended);
 * - onNextAcquire(cb): run `cb` right after the next successful acquisition, i.e. while the lock is held,
 *   so a test can start a competing execution in the middle of a critical section.
 */
export class LockControl {
  private readonly holders = new Map<LockKey, number>(); // key → execution id
  private readonly others = new Map<LockKey, number>(); // key → time (ms) the outside holder releases it
  private readonly hooks: ((scope: LockScope) => void)[] = [];
  private execStack: number[] = [0];
  private nextExec = 1;
  /** Every acquisition attempt, for assertions. */
  readonly attempts: { scope: LockScope; ok: boolean; at: Date; waitedMs: number; execution: number }[] = [];

  constructor(private readonly env: Env) {}

  /** The key of `scope` now: a document lock is the active document's (`documentId` picks another). */
  _key(scope: LockScope, documentId?: string): LockKey {
    if (scope !== 'document') return scope;
    const id = documentId ?? this.env.active?._id;
    return id === undefined ? 'document' : `document:${id}`;
  }

  /** An execution outside the test holds the lock (`documentId`: a document lock of another document). */
  holdByOther(hold: boolean | Date, scope: LockScope = 'script', documentId?: string): void {
    const key = this._key(scope, documentId);
    if (hold === false) this.others.delete(key);
    else this.others.set(key, hold === true ? Number.POSITIVE_INFINITY : hold.getTime());
  }
  isHeldByOther(scope: LockScope = 'script', documentId?: string): boolean {
    const key = this._key(scope, documentId);
    const until = this.others.get(key);
    const holder = this.holders.get(key);
    return (until !== undefined && until > this.env.now().getTime()) || (holder !== undefined && holder !== this.current());
  }
  isHeldByMe(scope: LockScope = 'script', documentId?: string): boolean {
    return this.holders.get(this._key(scope, documentId)) === this.current();
  }
  _heldByMeKey(key: LockKey): boolean {
    return this.holders.get(key) === this.current();
  }
  onNextAcquire(cb: (scope: LockScope) => void): void {
    this.hooks.push(cb);
  }

  current(): number {
    return this.execStack[this.execStack.length - 1];
  }
  /** Starts a nested execution (trigger, run()); returns its id. */
  _begin(): number {
    const id = this.nextExec++;
    this.execStack.push(id);
    return id;
  }
  /** Ends the current execution: Apps Script releases its locks. */
  _end(): void {
    this.releaseAll();
    if (this.execStack.length > 1) this.execStack.pop();
  }
  /** Releases every lock of the current execution (what ending it does). */
  releaseAll(): void {
    const me = this.current();
    for (const [scope, holder] of [...this.holders]) if (holder === me) this.holders.delete(scope);
  }
  _release(key: LockKey): void {
    if (this.holders.get(key) === this.current()) this.holders.delete(key);
  }

  /** Tries for up to `timeoutMs` of emulated time; the clock advances by the time spent waiting. */
  _acquire(key: LockKey, timeoutMs: number): boolean {
    const scope = (key.startsWith('document') ? 'document' : key) as LockScope;
    const me = this.current();
    const start = this.env.now().getTime();
    let ok = true;
    let waited = 0;
    const holder = this.holders.get(key);
    const until = this.others.get(key);
    if (holder !== undefined && holder !== me) {
      ok = false; // a suspended outer execution never releases while we wait
      waited = Math.max(0, timeoutMs);
    } else if (until !== undefined && until > start) {
      if (until - start <= timeoutMs) {
        waited = until - start;
        this.others.delete(key);
      } else {
        ok = false;
        waited = Math.max(0, timeoutMs);
      }
    }
    this.env.advance(waited);
    this.attempts.push({ scope, ok, at: new Date(start), waitedMs: waited, execution: me });
    if (!ok) return false;
    const fresh = holder !== me;
    this.holders.set(key, me);
    if (fresh && this.hooks.length) this.hooks.shift()!(scope);
    return true;
  }
}

export class LockImpl extends Emulated {
  static kind = 'Lock';
  constructor(
    ctr: CallCounter,
    private readonly _ctl: LockControl,
    private readonly _key: LockKey,
  ) {
    super(ctr);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._ctl._acquire(this._key, timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._ctl._acquire(this._key, timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    this._ctl._release(this._key);
  }
  hasLock(): boolean {
    return this._ctl._heldByMeKey(this._key);
  }
}

export class LockServiceImpl extends Emulated {
  static kind = 'LockService';
  constructor(
    ctr: CallCounter,
    private readonly _ctl: LockControl,
    private readonly _env: Env,
  ) {
    super(ctr);
  }
  /** One lock for the whole script project: every user, every document (an add-on's every installation). */
  getScriptLock(): LockImpl {
    if (this._env.addon && this._env.refuseProjectWide) throw new Error(ADDON_SCRIPT_LOCK);
    return new LockImpl(this._ctr, this._ctl, 'script');
  }
  /** The active document's lock; null without a containing document (an add-on's clock trigger), as Google documents. */
  getDocumentLock(): LockImpl | null {
    if (!this._env.active) return null;
    return new LockImpl(this._ctr, this._ctl, this._ctl._key('document'));
  }
  getUserLock(): LockImpl {
    return new LockImpl(this._ctr, this._ctl, 'user');
  }
}
