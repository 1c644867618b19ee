/**
 * Renewing a reservation (DESIGN §2.1): the holder may extend it a limited number of times
 * (`settings.reservationMaxRenewals`) while it is still in force.
 */
import type { ProgramSettings } from '../../schemas/program.js';
import type { Reservation } from '../../schemas/reservation.js';
import { allow, type Decision, refuse } from '../decision.js';
import { addDays, type Instant, toIso, toMs } from '../time.js';

export interface RenewalRequest {
  reservation: Pick<Reservation, 'id' | 'partnerId' | 'status' | 'expiresAt' | 'renewals'>;
  /** The partner asking (the vendor acting for the holder passes the holder's id). */
  partnerId: string;
  settings: Pick<ProgramSettings, 'reservationDays' | 'reservationMaxRenewals'>;
  now: Instant;
}

export interface RenewalGrant {
  expiresAt: string;
  renewals: number;
}

export type RenewalRefusalCode = 'forbidden' | 'invalid_transition' | 'renewal_limit_reached';

/**
 * May the partner renew the reservation? Only the holder, only while active and unexpired, at most
 * `reservationMaxRenewals` times. The new expiry runs `reservationDays` from `now` — not from the
 * old expiry, so renewing early cannot bank more than one period ahead — but never moves earlier
 * than the current expiry (e.g. after the program shortened `reservationDays`).
 */
export const decideRenewal = (
  request: RenewalRequest,
): Decision<RenewalGrant, RenewalRefusalCode> => {
  const { reservation, partnerId, settings, now } = request;
  if (reservation.partnerId !== partnerId) {
    return refuse(
      'forbidden',
      `Only the partner holding reservation ${reservation.id} may renew it.`,
    );
  }
  if (reservation.status !== 'active') {
    return refuse(
      'invalid_transition',
      `Reservation ${reservation.id} is ${reservation.status}; only an active reservation can be renewed. Reserve the account again instead.`,
    );
  }
  if (toMs(reservation.expiresAt) <= toMs(now)) {
    return refuse(
      'invalid_transition',
      `Reservation ${reservation.id} expired at ${reservation.expiresAt}; reserve the account again instead.`,
    );
  }
  if (reservation.renewals >= settings.reservationMaxRenewals) {
    return refuse(
      'renewal_limit_reached',
      `Reservation ${reservation.id} has been renewed ${reservation.renewals} times, the most the program allows (${settings.reservationMaxRenewals}).`,
    );
  }
  const fromNow = addDays(now, settings.reservationDays);
  const expiresAt =
    toMs(fromNow) >= toMs(reservation.expiresAt) ? fromNow : toIso(toMs(reservation.expiresAt));
  return allow({ expiresAt, renewals: reservation.renewals + 1 });
};
