/** Reservations expire (DESIGN §2.1, default 90 days): the sweep that marks them `expired`. */
import type { Reservation } from '../../schemas/reservation.js';
import { type Instant, toMs } from '../time.js';

/**
 * The ids of the reservations that must be marked `expired` at `now`: active ones whose
 * `expiresAt` has passed. Idempotent: once marked, a reservation is no longer active, so a second
 * sweep at the same or a later time finds nothing new.
 */
export const expireReservations = (
  reservations: readonly Pick<Reservation, 'id' | 'status' | 'expiresAt'>[],
  now: Instant,
): string[] =>
  reservations
    .filter((r) => r.status === 'active' && toMs(r.expiresAt) <= toMs(now))
    .map((r) => r.id);
