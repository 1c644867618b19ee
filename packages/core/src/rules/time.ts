/** Time arithmetic on ISO timestamps. Rules never read the clock: `now` is always passed in. */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export type Instant = Date | string;

export const toMs = (instant: Instant): number =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

export const toIso = (ms: number): string => new Date(ms).toISOString();

export const addHours = (instant: Instant, hours: number): string =>
  toIso(toMs(instant) + hours * MS_PER_HOUR);

export const addDays = (instant: Instant, days: number): string =>
  toIso(toMs(instant) + days * MS_PER_DAY);

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Instant, to: Instant): number =>
  (toMs(to) - toMs(from)) / MS_PER_DAY;

export const isBefore = (a: Instant, b: Instant): boolean => toMs(a) < toMs(b);
