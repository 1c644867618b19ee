/**
 * The protection period of an approved registration (DESIGN §2.2): warnings before it ends
 * (default 14 and 3 days before) and its enforced expiry.
 *
 * A warning for `d` days is due from `expiresAt - d days` until the expiry itself, and is sent
 * once. So a warning whose moment passed — the registration was approved with less protection
 * left than `d`, or the job did not run — still goes out once, as long as the registration has
 * not expired. Once `expiresAt` is reached no warning is due: the expiry notice replaces them.
 */
import type { ProgramSettings } from '../../schemas/program.js';
import type { Registration } from '../../schemas/registration.js';
import { addDays, daysBetween, type Instant, toMs } from '../time.js';

export interface ExpiryWarning {
  /** Which configured warning this is, e.g. `14`. Record it as sent. */
  daysBefore: number;
  /** Whole days left until expiry, rounded up: what the message should say. */
  daysLeft: number;
}

export interface ExpiryWarningFacts {
  /** The `daysBefore` of warnings already sent for this registration. */
  alreadySent: readonly number[];
  settings: Pick<ProgramSettings, 'expiryWarningDays'>;
  now: Instant;
}

/**
 * Warnings to send now, earliest-scheduled first. When several are due at once, each is
 * returned so each gets recorded; a caller may merge them into one message.
 */
export const dueExpiryWarnings = (
  registration: Pick<Registration, 'status' | 'expiresAt'>,
  { alreadySent, settings, now }: ExpiryWarningFacts,
): ExpiryWarning[] => {
  const { expiresAt } = registration;
  if (registration.status !== 'approved' || expiresAt === undefined) return [];
  if (toMs(now) >= toMs(expiresAt)) return [];
  const daysLeft = Math.ceil(daysBetween(now, expiresAt));
  return [...new Set(settings.expiryWarningDays)]
    .filter((days) => !alreadySent.includes(days))
    .filter((days) => toMs(now) >= toMs(addDays(expiresAt, -days)))
    .sort((a, b) => b - a)
    .map((daysBefore) => ({ daysBefore, daysLeft }));
};

/** Approved registrations whose protection has ended: each must move to `expired`. */
export const findExpired = (
  registrations: readonly Pick<Registration, 'id' | 'status' | 'expiresAt'>[],
  now: Instant,
): string[] =>
  registrations
    .filter(
      (registration) =>
        registration.status === 'approved' &&
        registration.expiresAt !== undefined &&
        toMs(registration.expiresAt) <= toMs(now),
    )
    .map((registration) => registration.id);
