import * as z from 'zod/mini';
import { Id, PageCursor, PageLimit, Region, Timestamp } from './common.js';

export const ReservationStatus = z.enum(['active', 'released', 'expired']);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

/** A partner's claim on an account and its descendants, optionally limited to one region. */
export const Reservation = z.object({
  id: Id,
  partnerId: Id,
  accountId: Id,
  /** `null`: every region of the account tree. */
  region: z.nullable(Region),
  status: ReservationStatus,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  renewals: z.number().check(z.int(), z.gte(0)),
  releasedAt: z.optional(Timestamp),
});
export type Reservation = z.infer<typeof Reservation>;

export const ReservationCheckStatus = z.enum([
  'open',
  'reserved_by_you',
  'reserved_by_other',
  'vendor_direct',
]);
export type ReservationCheckStatus = z.infer<typeof ReservationCheckStatus>;

/** `GET /v1/accounts/{id}/reservation`: may this caller call on the account? */
export const ReservationCheck = z.object({
  accountId: Id,
  status: ReservationCheckStatus,
  reservation: z.optional(
    z.object({
      /** Only for the holder and the vendor. */
      id: z.optional(Id),
      expiresAt: Timestamp,
      /** The account the blocking reservation was made on (self, ancestor or descendant). */
      accountId: Id,
      region: z.nullable(Region),
      /** Only when the disclosure policy reveals identities, or to the vendor. */
      partnerId: z.optional(Id),
    }),
  ),
});
export type ReservationCheck = z.infer<typeof ReservationCheck>;

export const ReserveInput = z.object({
  accountId: Id,
  region: z.optional(z.nullable(Region)),
  /** Vendor roles reserve on behalf of a partner; partner roles always reserve for their own. */
  partnerId: z.optional(Id),
});
export type ReserveInput = z.infer<typeof ReserveInput>;

export const ReservationListQuery = z.object({
  status: z.optional(ReservationStatus),
  accountId: z.optional(Id),
  partnerId: z.optional(Id),
  cursor: PageCursor,
  limit: PageLimit,
});
export type ReservationListQuery = z.infer<typeof ReservationListQuery>;
