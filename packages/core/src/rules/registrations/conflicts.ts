/**
 * Conflicts of a registration with other partners' claims (DESIGN §2.2).
 *
 * - Registrations conflict when both are active, belong to different partners, lie in the same
 *   account TREE (same root, so a subsidiary's deal meets a sibling office's deal) and share a
 *   product line (compared case-insensitively). The earlier submission has priority; equal
 *   instants are broken by id so every party computes the same order.
 * - A reservation of another partner conflicts when it is active and unexpired, covers the
 *   registration's account BRANCH (self, ancestor or descendant — a reservation covers an account
 *   and what lies below it, as in §2.1) and, when both regions are known, the same region. The
 *   holder of the reservation always has priority.
 * - A partner's own registrations and reservations never conflict with each other.
 */
import type { Registration } from '../../schemas/registration.js';
import type { Reservation } from '../../schemas/reservation.js';
import { regionsOverlap } from '../accounts/region-overlap.js';
import { isReservationInForce } from '../accounts/reservation-overlap.js';
import { type AccountIndex, accountsOverlap, treeRoot } from '../accounts/tree.js';
import { type Instant, toMs } from '../time.js';

/** The registration being checked; `id` is absent while it is still being submitted. */
export interface RegistrationClaim
  extends Pick<Registration, 'partnerId' | 'accountId' | 'products' | 'submittedAt'> {
  id?: string;
  /** The account's region, when known: a reservation limited to another region does not clash. */
  region?: string | undefined;
}

export type OtherRegistration = Pick<
  Registration,
  'id' | 'partnerId' | 'accountId' | 'products' | 'submittedAt' | 'status' | 'expiresAt'
>;

export type ReservationClaim = Pick<
  Reservation,
  'id' | 'partnerId' | 'accountId' | 'region' | 'status' | 'createdAt' | 'expiresAt'
>;

/** What the rules and the vendor see about a conflict; `disclosure.ts` decides what partners see. */
export interface ConflictRecord {
  kind: 'registration' | 'reservation';
  id: string;
  partnerId: string;
  accountId: string;
  /** When the other claim was made: its submission, or the reservation's creation. */
  submittedAt: string;
  status: string;
  /** `theirs`: the other claim came first (or is a reservation); `ours`: this one came first. */
  priority: 'theirs' | 'ours';
  /** The product lines both registrations name (empty for reservations). */
  sharedProducts: string[];
}

export interface FindConflictsInput {
  registration: RegistrationClaim;
  others: readonly OtherRegistration[];
  reservations?: readonly ReservationClaim[] | undefined;
  accounts: AccountIndex;
  now: Instant;
}

const normaliseProduct = (product: string): string =>
  product.trim().replace(/\s+/g, ' ').toLowerCase();

/** Products of `a` that `b` names too, in `a`'s spelling, each once. */
export const sharedProducts = (a: readonly string[], b: readonly string[]): string[] => {
  const inB = new Set(b.map(normaliseProduct));
  const seen = new Set<string>();
  return a.filter((product) => {
    const key = normaliseProduct(product);
    if (!inB.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Each product line once, trimmed, in its first spelling: `['VPN', ' vpn ']` → `['VPN']`. */
export const uniqueProducts = (products: readonly string[]): string[] => {
  const trimmed = products.map((product) => product.trim()).filter((product) => product !== '');
  return sharedProducts(trimmed, trimmed);
};

/** Submitted, or approved and still inside its protection period. */
export const isActiveRegistration = (
  registration: Pick<Registration, 'status' | 'expiresAt'>,
  now: Instant,
): boolean =>
  registration.status === 'submitted' ||
  (registration.status === 'approved' &&
    (registration.expiresAt === undefined || toMs(registration.expiresAt) > toMs(now)));

/**
 * First-come order: earlier `submittedAt` first, then the smaller id. A claim without an id is
 * not stored yet, so it arrived after any stored claim with the same instant.
 */
export const submittedBefore = (
  a: { submittedAt: string; id?: string },
  b: { submittedAt: string; id?: string },
): boolean => {
  const diff = toMs(a.submittedAt) - toMs(b.submittedAt);
  if (diff !== 0) return diff < 0;
  if (a.id === undefined) return false;
  if (b.id === undefined) return true;
  return a.id < b.id;
};

export const findConflicts = ({
  registration,
  others,
  reservations = [],
  accounts,
  now,
}: FindConflictsInput): ConflictRecord[] => {
  const root = treeRoot(accounts, registration.accountId);
  const fromRegistrations = others
    .filter(
      (other) =>
        other.id !== registration.id &&
        other.partnerId !== registration.partnerId &&
        isActiveRegistration(other, now) &&
        treeRoot(accounts, other.accountId) === root,
    )
    .map((other): ConflictRecord | null => {
      const shared = sharedProducts(registration.products, other.products);
      if (shared.length === 0) return null;
      return {
        kind: 'registration',
        id: other.id,
        partnerId: other.partnerId,
        accountId: other.accountId,
        submittedAt: other.submittedAt,
        status: other.status,
        priority: submittedBefore(other, registration) ? 'theirs' : 'ours',
        sharedProducts: shared,
      };
    })
    .filter((conflict): conflict is ConflictRecord => conflict !== null);

  const fromReservations = reservations
    .filter(
      (reservation) =>
        reservation.partnerId !== registration.partnerId &&
        isReservationInForce(reservation, now) &&
        accountsOverlap(accounts, reservation.accountId, registration.accountId) &&
        regionsOverlap(reservation.region, registration.region ?? null),
    )
    .map(
      (reservation): ConflictRecord => ({
        kind: 'reservation',
        id: reservation.id,
        partnerId: reservation.partnerId,
        accountId: reservation.accountId,
        submittedAt: reservation.createdAt,
        status: reservation.status,
        priority: 'theirs',
        sharedProducts: [],
      }),
    );

  return [...fromRegistrations, ...fromReservations].sort(compareConflicts);
};

const compareConflicts = (a: ConflictRecord, b: ConflictRecord): number =>
  toMs(a.submittedAt) - toMs(b.submittedAt) ||
  compareText(a.kind, b.kind) ||
  compareText(a.id, b.id);

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Does another claim take priority over this registration? */
export const isOutranked = (conflicts: readonly ConflictRecord[]): boolean =>
  conflicts.some((conflict) => conflict.priority === 'theirs');
