/**
 * Reserving an account (DESIGN §2.1): one click when open. A reservation covers the account and
 * its descendants, optionally limited to a region, and at most one reservation in force may
 * hold any account and region. (Under concurrency the server serialises reservations on one
 * tree and asks this rule inside that transaction.)
 */
import type { ProgramSettings } from '../../schemas/program.js';
import { allow, type Decision, type Reason, refuse } from '../decision.js';
import { addDays, type Instant } from '../time.js';
import { sameRegionLimit } from './region-overlap.js';
import { findBlockingReservations, type ReservationFacts } from './reservation-overlap.js';
import { type AccountIndex, vendorDirectSource } from './tree.js';

export interface ReservationRequest {
  accountId: string;
  /** The partner the reservation is for (the vendor may reserve on a partner's behalf). */
  partnerId: string;
  /** `null`: every region of the account tree. */
  region: string | null;
  accounts: AccountIndex;
  /** Reservations on the account's tree, in any status: only those in force count. */
  reservations: readonly ReservationFacts[];
  /** `reservationDays` sets the expiry; `disclosure` how much a refusal tells of another's hold. */
  settings: Pick<ProgramSettings, 'reservationDays' | 'disclosure'>;
  now: Instant;
}

/** What the server stores when the reservation is allowed (it adds id, status and timestamps). */
export interface ReservationGrant {
  accountId: string;
  partnerId: string;
  region: string | null;
  expiresAt: string;
}

export type ReservationRefusalCode = 'vendor_direct_account' | 'account_reserved';

const regionText = (region: string | null) =>
  region === null ? 'all regions' : `region ${region}`;

/**
 * Names the blocking reservation. Another partner's identity is never part of the message, and
 * with disclosure `none` neither is which reservation blocks (as in `checkReservation`).
 */
const blockedBy = (
  blocking: ReservationFacts,
  request: ReservationRequest,
): Reason<'account_reserved'> => {
  const where = `account ${blocking.accountId} (${regionText(blocking.region)})`;
  const until = `until ${blocking.expiresAt}`;
  if (blocking.partnerId !== request.partnerId) {
    if (request.settings.disclosure === 'none') {
      return {
        code: 'account_reserved',
        message: 'Another partner holds a reservation that overlaps this account and region.',
      };
    }
    return {
      code: 'account_reserved',
      message: `Another partner holds a reservation on ${where} ${until}, which overlaps this account and region.`,
    };
  }
  const exact =
    blocking.accountId === request.accountId && sameRegionLimit(blocking.region, request.region);
  return {
    code: 'account_reserved',
    message: exact
      ? `You already hold reservation ${blocking.id} on this account for ${regionText(blocking.region)} ${until}; renew it instead of reserving again.`
      : `You already hold reservation ${blocking.id} on ${where} ${until}, which overlaps this account and region.`,
  };
};

/**
 * May `partnerId` reserve the account for the region? Refused when the account or an ancestor is
 * vendor-direct, or when any reservation in force — another partner's or the partner's own —
 * overlaps it (one reason per blocking reservation, other partners' first). Allowed reservations
 * expire `settings.reservationDays` after `now`.
 *
 * A vendor-direct descendant does not block reserving its parent; the reservation simply never
 * covers that branch (see `reservationCovers`).
 */
export const decideReservation = (
  request: ReservationRequest,
): Decision<ReservationGrant, ReservationRefusalCode> => {
  const { accountId, partnerId, region, accounts, now } = request;
  const vendorDirect = vendorDirectSource(accounts, accountId);
  if (vendorDirect !== null) {
    return refuse(
      'vendor_direct_account',
      vendorDirect === accountId
        ? `Account ${accountId} is served directly by the vendor, so partners cannot reserve it.`
        : `Account ${accountId} lies under vendor-direct account ${vendorDirect}, so partners cannot reserve it.`,
    );
  }
  const blocking = findBlockingReservations(
    accounts,
    request.reservations,
    { accountId, region },
    now,
  );
  const ordered = [
    ...blocking.filter((r) => r.partnerId !== partnerId),
    ...blocking.filter((r) => r.partnerId === partnerId),
  ];
  const [first, ...rest] = ordered.map((r) => blockedBy(r, request));
  if (first !== undefined) return refuse(first.code, first.message, ...rest);
  return allow({
    accountId,
    partnerId,
    region,
    expiresAt: addDays(now, request.settings.reservationDays),
  });
};
