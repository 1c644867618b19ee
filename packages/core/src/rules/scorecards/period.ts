/** Calendar days and quarters of scorecards, as ISO `YYYY-MM-DD` text (it sorts as it reads). */
import type { Objective, Period } from '../../schemas/scorecard.js';
import { type Instant, toIso, toMs } from '../time.js';

/** The UTC calendar day of an instant, e.g. `2026-11-23`. */
export const calendarDayOf = (now: Instant): string => toIso(toMs(now)).slice(0, 10);

/** Both ends are inclusive: a period `2026-01-01`…`2026-03-31` contains its last day. */
export const periodContains = (period: Period, day: string): boolean =>
  period.from <= day && day <= period.to;

/** The calendar quarter of a day, e.g. `2026-Q4`; quarter keys sort chronologically as text. */
export const quarterOf = (day: string): string => {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
};

/** The objectives whose period contains the day: what a board "on" that day shows. */
export const objectivesActiveOn = <O extends Pick<Objective, 'period'>>(
  objectives: readonly O[],
  day: string,
): O[] => objectives.filter((objective) => periodContains(objective.period, day));
