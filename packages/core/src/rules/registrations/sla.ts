/**
 * The hard time limit for the vendor's decision (DESIGN §2.2, default 48 h). A registration still
 * `submitted` after `decisionDueAt` is in breach: it is flagged once (and an event emitted by the
 * caller), and it sorts first in the vendor's queue.
 */
import type { ProgramSettings } from '../../schemas/program.js';
import type { Registration } from '../../schemas/registration.js';
import { addHours, type Instant, toMs } from '../time.js';

export const decisionDueAt = (
  submittedAt: Instant,
  settings: Pick<ProgramSettings, 'decisionHours'>,
): string => addHours(submittedAt, settings.decisionHours);

/** Still waiting for a decision after the limit passed. */
export const isSlaBreached = (
  registration: Pick<Registration, 'status' | 'decisionDueAt'>,
  now: Instant,
): boolean => registration.status === 'submitted' && toMs(now) > toMs(registration.decisionDueAt);

/**
 * Ids of registrations that breached since the last run: in breach now and not yet flagged.
 * Running it again after flagging them returns nothing, so each breach is reported once.
 */
export const findSlaBreaches = (
  registrations: readonly Pick<Registration, 'id' | 'status' | 'decisionDueAt' | 'slaBreached'>[],
  now: Instant,
): string[] =>
  registrations
    .filter((registration) => !registration.slaBreached && isSlaBreached(registration, now))
    .map((registration) => registration.id);

export type QueueEntry = Pick<
  Registration,
  'id' | 'status' | 'submittedAt' | 'decisionDueAt' | 'slaBreached'
>;

/** Awaiting a decision past its limit, whether or not the flag has been written yet. */
export const isOverdueForDecision = (registration: QueueEntry, now: Instant): boolean =>
  registration.status === 'submitted' &&
  (registration.slaBreached || isSlaBreached(registration, now));

/**
 * The vendor queue's order (`Array.prototype.sort` comparator): overdue first, then the nearest
 * decision due time, then the earliest submission, then id so the order is total and stable.
 */
export const compareQueueOrder = (a: QueueEntry, b: QueueEntry, now: Instant): number =>
  Number(isOverdueForDecision(b, now)) - Number(isOverdueForDecision(a, now)) ||
  toMs(a.decisionDueAt) - toMs(b.decisionDueAt) ||
  toMs(a.submittedAt) - toMs(b.submittedAt) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
