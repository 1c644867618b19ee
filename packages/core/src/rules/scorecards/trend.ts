/**
 * Is an objective getting better or worse? Compares the last two periods that have data, so a
 * quarter without an import does not read as a collapse.
 */
import type { Direction, Trend } from '../../schemas/scorecard.js';

/** Changes within 2 % of the earlier value count as flat: noise, not a trend. */
export const TREND_EPSILON = 0.02;

/**
 * The trend of values ordered by period, oldest first, judged by the direction: improving,
 * worsening, flat (the latest differs from the one before by at most `epsilon` of it), or unknown
 * with fewer than two known (finite, non-null) values.
 */
export const trendOf = (
  values: readonly (number | null)[],
  direction: Direction,
  epsilon: number = TREND_EPSILON,
): Trend => {
  let latest: number | null = null;
  let previous: number | null = null;
  for (let i = values.length - 1; i >= 0 && previous === null; i -= 1) {
    const value = values[i];
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (latest === null) latest = value;
    else previous = value;
  }
  if (latest === null || previous === null) return 'unknown';
  const change = latest - previous;
  if (Math.abs(change) <= epsilon * Math.abs(previous)) return 'flat';
  const rose = change > 0;
  return rose === (direction === 'higher_is_better') ? 'improving' : 'worsening';
};
