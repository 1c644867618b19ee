/**
 * When two reservations conflict (DESIGN §2.1): their account sets overlap (self, ancestor or
 * descendant) and their regions overlap. Only reservations in force — active and not yet past
 * `expiresAt` — block anything; an active one past its expiry is only waiting for the sweep.
 */
import type { Reservation } from '../../schemas/reservation.js';
import { type Instant, toMs } from '../time.js';
import { regionsOverlap, sameRegion } from './region-overlap.js';
import {
  type AccountIndex,
  accountsOverlap,
  isAncestorOrSelf,
  vendorDirectSource,
} from './tree.js';

/** The fields of a reservation the overlap rules read. */
export type ReservationFacts = Pick<
  Reservation,
  'id' | 'partnerId' | 'accountId' | 'region' | 'status' | 'createdAt' | 'expiresAt'
>;

/** A claim on an account and region: a reservation, or one being asked for. */
export type ReservationScope = Pick<Reservation, 'accountId' | 'region'>;

/** Active and unexpired at `now`: the only reservations that block others. */
export const isReservationInForce = (
  reservation: Pick<Reservation, 'status' | 'expiresAt'>,
  now: Instant,
): boolean => reservation.status === 'active' && toMs(reservation.expiresAt) > toMs(now);

/** Do two claims conflict: accounts on one branch of the tree and regions overlapping? */
export const scopesOverlap = (
  accounts: AccountIndex,
  a: ReservationScope,
  b: ReservationScope,
): boolean =>
  regionsOverlap(a.region, b.region) && accountsOverlap(accounts, a.accountId, b.accountId);

/**
 * The reservations in force that conflict with `scope`, first come first (by `createdAt`, then
 * id), so callers name the same blocking reservation every time.
 */
export const findBlockingReservations = <R extends ReservationFacts>(
  accounts: AccountIndex,
  reservations: readonly R[],
  scope: ReservationScope,
  now: Instant,
): R[] =>
  reservations
    .filter((r) => isReservationInForce(r, now) && scopesOverlap(accounts, r, scope))
    .sort(
      (a, b) => toMs(a.createdAt) - toMs(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );

/**
 * Does the reservation give its holder `scope`'s account and region? It covers its account and
 * the descendants, except vendor-direct branches: those stay the vendor's even when an ancestor
 * is reserved (a vendor-direct descendant does not stop a partner reserving the parent). A
 * reservation limited to one region does not cover a scope of all regions.
 */
export const reservationCovers = (
  accounts: AccountIndex,
  reservation: ReservationScope,
  scope: ReservationScope,
): boolean =>
  isAncestorOrSelf(accounts, reservation.accountId, scope.accountId) &&
  (reservation.region === null ||
    (scope.region !== null && sameRegion(reservation.region, scope.region))) &&
  vendorDirectSource(accounts, scope.accountId) === null;
