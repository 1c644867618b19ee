/** When a failed delivery is tried again, and when it is given up. */
export interface RetrySchedule {
  /** Delay after the first failed attempt; doubled after each further one. @default 30_000 */
  firstDelayMs: number;
  /** @default 3_600_000 (1 h) */
  maxDelayMs: number;
  /** A delivery not sent this long after it was queued is marked failed. @default 86_400_000 (24 h) */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  firstDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 86_400_000,
};

/**
 * The next attempt after `attempts` failed ones (30 s, 1 min, 2 min … capped at 1 h), with ±25 %
 * jitter so a receiver coming back is not hit by every delivery in the same second; `null`
 * once the next attempt would fall after the give-up time.
 */
export const nextAttemptAt = (
  schedule: RetrySchedule,
  delivery: { attempts: number; queuedAt: Date },
  now: Date,
  random: () => number,
): Date | null => {
  const exponent = Math.min(Math.max(delivery.attempts - 1, 0), 30);
  const base = Math.min(schedule.firstDelayMs * 2 ** exponent, schedule.maxDelayMs);
  const next = new Date(now.getTime() + Math.round(base * (0.75 + random() * 0.5)));
  return next.getTime() > delivery.queuedAt.getTime() + schedule.giveUpAfterMs ? null : next;
};
