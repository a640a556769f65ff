// Time-driven triggers: running those due up to a time, in order, each at its (possibly shifted) time.
import type { ClockRunOptions, EmulatorOptions } from '../core/api';
import type { Env } from '../core/env';
import type { TriggerImpl, TriggerRegistry } from './scriptApp';

/** The event of a clock trigger firing at `at` (Google reports the wall time in UTC). */
function clockEvent(at: Date): Record<string, unknown> {
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'day-of-month': at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/**
 * Runs every clock trigger due up to `upTo`, earliest first, moving the clock to each run and then to
 * `upTo`; returns how many ran.
 */
export function runClockTriggers(
  env: Env,
  triggers: TriggerRegistry,
  upTo: Date,
  opts: ClockRunOptions,
  jitter: EmulatorOptions['clockJitterMinutes'],
  fire: (t: TriggerImpl, event: Record<string, unknown>) => void,
): number {
  const explicit = opts.lateByMinutes !== undefined || opts.earlyByMinutes !== undefined;
  // Shift of one occurrence: explicit (every occurrence alike) or drawn once from the seed within the jitter.
  const shiftOf = (t: TriggerImpl): number => {
    const early = t._notEarly ? 0 : 1;
    if (explicit) return ((opts.lateByMinutes ?? 0) - early * (opts.earlyByMinutes ?? 0)) * 60000;
    if (!jitter) return 0;
    if (t._shiftMs === undefined) {
      const lo = -early * (jitter.early ?? 0);
      const hi = jitter.late ?? 0;
      t._shiftMs = Math.round((lo + env.rand() * (hi - lo)) * 60000);
    }
    return t._shiftMs;
  };
  let ran = 0;
  for (let guard = 0; guard < 100000; guard++) {
    const due = triggers.all
      .filter((t) => t._eventType === 'CLOCK' && t._nextRun !== undefined && t._nextRun + shiftOf(t) <= upTo.getTime())
      .sort((a, b) => a._nextRun! + shiftOf(a) - (b._nextRun! + shiftOf(b)))[0];
    if (!due) break;
    const at = new Date(Math.max(due._nextRun! + shiftOf(due), env.now().getTime()));
    if (at.getTime() > env.now().getTime()) env.setNow(at);
    due._nextRun = due._everyMs ? due._nextRun! + due._everyMs : undefined;
    due._shiftMs = undefined;
    fire(due, clockEvent(at));
    ran++;
  }
  if (upTo.getTime() > env.now().getTime()) env.setNow(upTo);
  return ran;
}
