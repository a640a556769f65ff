// The "results at a glance" chart data: the top clips by total with their jury and engagement parts.
import type { ClipResult } from './types';

/** One bar: a label (unit and clip), and the two stacked parts of its total. */
export interface ChartBar {
  label: string;
  clipId: string;
  jury: number;
  engagement: number;
  total: number;
}

/** How many clips the chart shows by default. */
export const CHART_TOP = 10;

/**
 * The `top` best scored clips in rank order (results are already ranked), each split into its jury
 * and engagement parts; both parts sum to the total shown in "Kết quả".
 * @example two scored clips 92,8 (36,2 + 56,6) and 80 (40 + 40) → bars [{jury: 36.2, engagement: 56.6, total: 92.8}, {jury: 40, engagement: 40, total: 80}]
 */
export function chartBars(results: ClipResult[], top = CHART_TOP): ChartBar[] {
  return results
    .filter((r) => r.scored && r.total !== null && r.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .slice(0, top)
    .map((r) => ({
      label: `${r.unit || '(chưa ghi đơn vị)'} (${r.clipId})`,
      clipId: r.clipId,
      jury: r.juryPart ?? 0,
      engagement: r.engagementPart,
      total: r.total ?? 0,
    }));
}
