// The organizer's trigger runtime on a marking day (npm run bench) stays under a third of the 90 min/day consumer quota.
import { CONSUMER_TRIGGER_MINUTES, benchTriggerRuntime } from '../../tools/benchRuntime';

test('a marking day costs the organizer less than a third of the daily trigger quota', () => {
  const r = benchTriggerRuntime();
  expect(r.edits).toEqual({ jurors: 450, appraisal: 450, shareLog: 600 });
  expect(r.installableRuns).toBe(1500);
  expect(r.organizerMinutes).toBeGreaterThan(0);
  expect(r.organizerMinutes).toBeLessThan(CONSUMER_TRIGGER_MINUTES / 3);
}, 120_000);
