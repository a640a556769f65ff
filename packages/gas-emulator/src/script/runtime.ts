// Estimated execution time of trigger runs (fixed cost + cost per service call), summed per trigger owner per day.
import { formatJavaDate } from '../utilities/formatDate';

/**
 * Cost model. Google publishes no latency figures; these defaults are the emulator's assumption:
 * 300 ms to start an execution (load the bundle, run the handler's own code) plus 60 ms per
 * service call (every counted `Class.method` call on an emulated object).
 */
export interface RuntimeOptions {
  /** Fixed cost of one execution in ms (default 300). */
  fixedMs?: number;
  /** Cost of one service call in ms (default 60). */
  perCallMs?: number;
  /**
   * Daily trigger runtime per user, in minutes (Google's quotas page: 90 min consumer, 6 h Workspace).
   * When set, a trigger whose owner has used it up that day does not start; the run is recorded with
   * Google's reported error "Service using too much computer time for one day". Unset: never refused.
   */
  dailyLimitMinutes?: number;
}

export const DEFAULT_FIXED_MS = 300;
export const DEFAULT_PER_CALL_MS = 60;

/** Per owner and day (yyyy-MM-dd in the script time zone), the summed estimated duration of trigger executions. */
export class RuntimeLedger {
  private readonly used = new Map<string, number>();
  /** Calls made by the executions in progress, innermost last (a nested execution's calls are its own). */
  private readonly stack: { startCalls: number; childCalls: number }[] = [];
  readonly fixedMs: number;
  readonly perCallMs: number;
  readonly limitMs: number | undefined;

  constructor(
    options: RuntimeOptions,
    private readonly timeZone: () => string,
  ) {
    this.fixedMs = options.fixedMs ?? DEFAULT_FIXED_MS;
    this.perCallMs = options.perCallMs ?? DEFAULT_PER_CALL_MS;
    this.limitMs = options.dailyLimitMinutes === undefined ? undefined : options.dailyLimitMinutes * 60000;
  }

  day(at: Date): string {
    return formatJavaDate(at, this.timeZone(), 'yyyy-MM-dd');
  }
  private key(owner: string, day: string): string {
    return `${owner}\u0000${day}`;
  }
  /** Estimated trigger runtime (ms) of `owner` on `day` (a Date, or yyyy-MM-dd in the script time zone). */
  usedMs(owner: string, day: Date | string): number {
    return this.used.get(this.key(owner, typeof day === 'string' ? day : this.day(day))) ?? 0;
  }
  /** Whether the daily limit stops `owner`'s next trigger at `at`. */
  exhausted(owner: string, at: Date): boolean {
    return this.limitMs !== undefined && this.usedMs(owner, at) >= this.limitMs;
  }

  begin(calls: number): void {
    this.stack.push({ startCalls: calls, childCalls: 0 });
  }
  /** Ends the innermost execution; returns its estimated duration and, if `owner` is given, adds it to the day. */
  end(calls: number, at: Date, owner: string | undefined): number {
    const frame = this.stack.pop();
    if (!frame) return 0;
    const own = calls - frame.startCalls - frame.childCalls;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.childCalls += calls - frame.startCalls;
    const ms = this.fixedMs + this.perCallMs * Math.max(0, own);
    if (owner !== undefined) {
      const k = this.key(owner, this.day(at));
      this.used.set(k, (this.used.get(k) ?? 0) + ms);
    }
    return ms;
  }
}
