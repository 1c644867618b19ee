/** Releasing a reservation (DESIGN §2.1): the holder gives the account back, or the vendor ends it. */
import type { Reservation } from '../../schemas/reservation.js';
import { allow, type Decision, refuse } from '../decision.js';
import { type Instant, toIso, toMs } from '../time.js';

export interface ReleaseRequest {
  reservation: Pick<Reservation, 'id' | 'partnerId' | 'status' | 'expiresAt'>;
  /** The partner asking; `null` for the vendor, who may release any reservation. */
  callerPartnerId: string | null;
  now: Instant;
}

export interface ReleaseGrant {
  status: 'released';
  releasedAt: string;
}

export type ReleaseRefusalCode = 'forbidden' | 'invalid_transition';

/**
 * May the caller release the reservation? The holder or the vendor, and only while it is active
 * and unexpired: an expired one is already free (the sweep marks it `expired`, not `released`).
 */
export const decideRelease = (
  request: ReleaseRequest,
): Decision<ReleaseGrant, ReleaseRefusalCode> => {
  const { reservation, callerPartnerId, now } = request;
  if (callerPartnerId !== null && reservation.partnerId !== callerPartnerId) {
    return refuse(
      'forbidden',
      `Only the partner holding reservation ${reservation.id} or the vendor may release it.`,
    );
  }
  if (reservation.status !== 'active') {
    return refuse(
      'invalid_transition',
      `Reservation ${reservation.id} is already ${reservation.status}; only an active reservation can be released.`,
    );
  }
  if (toMs(reservation.expiresAt) <= toMs(now)) {
    return refuse(
      'invalid_transition',
      `Reservation ${reservation.id} expired at ${reservation.expiresAt}; there is nothing left to release.`,
    );
  }
  return allow({ status: 'released', releasedAt: toIso(toMs(now)) });
};
