/**
 * "May I call on this customer?" (DESIGN §2.1): the answer a partner or the vendor sees for one
 * account — open, reserved by you, reserved by another partner, or vendor-direct.
 */
import type { DisclosureLevel } from '../../schemas/registration.js';
import type { ReservationCheck } from '../../schemas/reservation.js';
import type { Instant } from '../time.js';
import { findBlockingReservations, type ReservationFacts } from './reservation-overlap.js';
import { type AccountIndex, vendorDirectSource } from './tree.js';

export interface ReservationCheckInput {
  accountId: string;
  /** The partner asking; `null` for the vendor, who sees every holder. */
  callerPartnerId: string | null;
  accounts: AccountIndex;
  /** Reservations on the account's tree, in any status: only those in force count. */
  reservations: readonly ReservationFacts[];
  /** The region the caller wants to work in; omitted or `null`: every region. */
  region?: string | null;
  disclosure: DisclosureLevel;
  now: Instant;
}

/** The record id goes only to its holder and the vendor: a partner never learns another's ids. */
const summarise = (
  reservation: ReservationFacts,
  revealHolder: boolean,
  revealId: boolean,
): NonNullable<ReservationCheck['reservation']> => ({
  ...(revealId ? { id: reservation.id } : {}),
  expiresAt: reservation.expiresAt,
  accountId: reservation.accountId,
  region: reservation.region,
  ...(revealHolder ? { partnerId: reservation.partnerId } : {}),
});

/**
 * The account's reservation status for the caller. Vendor-direct (the account or an ancestor)
 * wins over everything. Otherwise any reservation in force on the same branch with an
 * overlapping region blocks; another partner's is reported before the caller's own, because the
 * caller may not work the whole scope while someone else holds part of it.
 *
 * Disclosure of another partner's reservation: `none` tells only that it is reserved, `existence`
 * adds which reservation and until when, `identity` also names the partner. The vendor sees all.
 */
export const checkReservation = (input: ReservationCheckInput): ReservationCheck => {
  const { accountId, callerPartnerId, accounts, disclosure } = input;
  if (vendorDirectSource(accounts, accountId) !== null) {
    return { accountId, status: 'vendor_direct' };
  }
  const scope = { accountId, region: input.region ?? null };
  const blocking = findBlockingReservations(accounts, input.reservations, scope, input.now);
  const byOther = blocking.find((r) => r.partnerId !== callerPartnerId);
  if (byOther !== undefined) {
    const isVendor = callerPartnerId === null;
    if (disclosure === 'none' && !isVendor) return { accountId, status: 'reserved_by_other' };
    return {
      accountId,
      status: 'reserved_by_other',
      reservation: summarise(byOther, isVendor || disclosure === 'identity', isVendor),
    };
  }
  const own = blocking[0];
  if (own !== undefined) {
    return { accountId, status: 'reserved_by_you', reservation: summarise(own, true, true) };
  }
  return { accountId, status: 'open' };
};
