/**
 * Profile freshness (DESIGN §2.3): a skills profile not updated within `staleAfterDays` is stale —
 * flagged, left out of lead matching and, unless asked for, out of search.
 */
import { DEFAULT_PROGRAM } from '../../schemas/program.js';
import { addDays, daysBetween, type Instant } from '../time.js';

/** Whole days since the profile was last updated; never negative (a clock skew is "today"). */
export const profileAgeDays = (profileUpdatedAt: Instant, now: Instant): number =>
  Math.max(0, Math.floor(daysBetween(profileUpdatedAt, now)));

/**
 * Stale once more than `staleAfterDays` have passed since the last update: a profile updated
 * exactly `staleAfterDays` ago still counts as updated "within" the period.
 */
export const isProfileStale = (
  profileUpdatedAt: Instant,
  now: Instant,
  staleAfterDays: number = DEFAULT_PROGRAM.staleAfterDays,
): boolean => daysBetween(profileUpdatedAt, now) > staleAfterDays;

/**
 * The instant before which a profile update is stale at `now`: `isProfileStale(t, now, days)`
 * holds exactly when `t` lies before it. Lets a database filter and page by staleness with one
 * comparison instead of re-stating the rule in SQL.
 */
export const staleProfileCutoff = (
  now: Instant,
  staleAfterDays: number = DEFAULT_PROGRAM.staleAfterDays,
): string => addDays(now, -staleAfterDays);
