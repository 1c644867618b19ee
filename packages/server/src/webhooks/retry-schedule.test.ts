import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt } from './retry-schedule.js';

const T = new Date('2026-11-23T09:00:00Z');
const delayAfter = (attempts: number, random: number, now = T) =>
  (nextAttemptAt(DEFAULT_RETRY_SCHEDULE, { attempts, queuedAt: T }, now, () => random)?.getTime() ??
    Number.NaN) - now.getTime();

describe('the retry schedule', () => {
  it('doubles from 30 s and stops growing at one hour', () => {
    expect([1, 2, 3, 4].map((attempts) => delayAfter(attempts, 0.5))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(delayAfter(8, 0.5)).toBe(3_600_000);
    expect(delayAfter(40, 0.5)).toBe(3_600_000);
  });

  it('spreads retries by ±25 %', () => {
    expect(delayAfter(1, 0)).toBe(22_500);
    expect(delayAfter(1, 0.999_999)).toBeCloseTo(37_500, -1);
  });

  it('gives up when the next attempt would fall after 24 hours', () => {
    const late = new Date(T.getTime() + 23.5 * 3_600_000);
    expect(
      nextAttemptAt(DEFAULT_RETRY_SCHEDULE, { attempts: 20, queuedAt: T }, late, () => 0.5),
    ).toBeNull();
    const earlier = new Date(T.getTime() + 20 * 3_600_000);
    expect(
      nextAttemptAt(DEFAULT_RETRY_SCHEDULE, { attempts: 20, queuedAt: T }, earlier, () => 0.5),
    ).not.toBeNull();
  });
});
