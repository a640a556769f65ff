// LockService: script/document/user locks shared by emulated executions, with test hooks to simulate contention.
import { CallCounter, Emulated } from './calls';
import { LOCK_TIMEOUT } from './errors';
import type { Env } from './env';

export type LockScope = 'script' | 'document' | 'user';

/**
 * Lock state shared by all executions. JS here is single-threaded, so contention is simulated:
 * - holdByOther(true | Date): an execution outside the test holds the lock (until released / until that time);
 * - executions started by the emulator (triggers, run()) nest: while an outer execution holds a lock,
 *   an inner one cannot get it, and waiting does not help (the outer one is suspended);
 * - onNextAcquire(cb): run `cb` right after the next successful acquisition, i.e. while the lock is held,
 *   so a test can start a competing execution in the middle of a critical section.
 */
export class LockControl {
  private readonly holders = new Map<LockScope, number>(); // scope → execution id
  private readonly others = new Map<LockScope, number>(); // scope → time (ms) the outside holder releases it
  private readonly hooks: ((scope: LockScope) => void)[] = [];
  private execStack: number[] = [0];
  private nextExec = 1;
  /** Every acquisition attempt, for assertions. */
  readonly attempts: { scope: LockScope; ok: boolean; at: Date; waitedMs: number; execution: number }[] = [];

  constructor(private readonly env: Env) {}

  holdByOther(hold: boolean | Date, scope: LockScope = 'script'): void {
    if (hold === false) this.others.delete(scope);
    else this.others.set(scope, hold === true ? Number.POSITIVE_INFINITY : hold.getTime());
  }
  isHeldByOther(scope: LockScope = 'script'): boolean {
    const until = this.others.get(scope);
    const holder = this.holders.get(scope);
    return (until !== undefined && until > this.env.now().getTime()) || (holder !== undefined && holder !== this.current());
  }
  isHeldByMe(scope: LockScope = 'script'): boolean {
    return this.holders.get(scope) === this.current();
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
  _release(scope: LockScope): void {
    if (this.holders.get(scope) === this.current()) this.holders.delete(scope);
  }

  /** Tries for up to `timeoutMs` of emulated time; the clock advances by the time spent waiting. */
  _acquire(scope: LockScope, timeoutMs: number): boolean {
    const me = this.current();
    const start = this.env.now().getTime();
    let ok = true;
    let waited = 0;
    const holder = this.holders.get(scope);
    const until = this.others.get(scope);
    if (holder !== undefined && holder !== me) {
      ok = false; // a suspended outer execution never releases while we wait
      waited = Math.max(0, timeoutMs);
    } else if (until !== undefined && until > start) {
      if (until - start <= timeoutMs) {
        waited = until - start;
        this.others.delete(scope);
      } else {
        ok = false;
        waited = Math.max(0, timeoutMs);
      }
    }
    this.env.advance(waited);
    this.attempts.push({ scope, ok, at: new Date(start), waitedMs: waited, execution: me });
    if (!ok) return false;
    const fresh = holder !== me;
    this.holders.set(scope, me);
    if (fresh && this.hooks.length) this.hooks.shift()!(scope);
    return true;
  }
}

export class LockImpl extends Emulated {
  static kind = 'Lock';
  constructor(
    ctr: CallCounter,
    private readonly _ctl: LockControl,
    private readonly _scope: LockScope,
  ) {
    super(ctr);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._ctl._acquire(this._scope, timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._ctl._acquire(this._scope, timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    this._ctl._release(this._scope);
  }
  hasLock(): boolean {
    return this._ctl.isHeldByMe(this._scope);
  }
}

export class LockServiceImpl extends Emulated {
  static kind = 'LockService';
  constructor(
    ctr: CallCounter,
    private readonly _ctl: LockControl,
  ) {
    super(ctr);
  }
  getScriptLock(): LockImpl {
    return new LockImpl(this._ctr, this._ctl, 'script');
  }
  getDocumentLock(): LockImpl {
    return new LockImpl(this._ctr, this._ctl, 'document');
  }
  getUserLock(): LockImpl {
    return new LockImpl(this._ctr, this._ctl, 'user');
  }
}
