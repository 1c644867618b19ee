import * as z from 'zod/mini';
import { CountryCode, Id, Name, PageCursor, PageLimit, Region, Timestamp } from './common.js';

/** A bare domain such as `acme.com` (no scheme, no path). */
export const Domain = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
      'Use a domain such as acme.com',
    ),
  );

/**
 * A customer account: a node in a tree (global parent → subsidiaries → offices).
 * `normalizedName` and `normalizedDomain` make "ACME, Inc.", "Acme Inc" and acme.com meet.
 */
export const Account = z.object({
  id: Id,
  name: Name,
  domain: z.optional(Domain),
  parentId: z.nullable(Id),
  vendorDirect: z.boolean(),
  country: CountryCode,
  region: Region,
  normalizedName: z.string(),
  normalizedDomain: z.optional(z.string()),
  createdAt: Timestamp,
});
export type Account = z.infer<typeof Account>;

/** `GET /v1/accounts/{id}`: the account with its place in the tree. */
export const AccountDetail = z.extend(Account, {
  /** From the root down to the parent. */
  ancestors: z.array(Account),
  /** Every account below this one (flat; rebuild the tree from `parentId`). */
  descendants: z.array(Account),
  /** True when this account or an ancestor is vendor-direct. */
  effectiveVendorDirect: z.boolean(),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

export const CreateAccountInput = z.object({
  name: Name,
  domain: z.optional(Domain),
  parentId: z.optional(z.nullable(Id)),
  vendorDirect: z.optional(z.boolean()),
  country: CountryCode,
  region: Region,
});
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

export const AccountSearchQuery = z.object({
  /** Name or domain, forgiving: "ACME, Inc." = "Acme Inc" = acme.com. */
  query: z.optional(z.string().check(z.maxLength(200))),
  cursor: PageCursor,
  limit: PageLimit,
});
export type AccountSearchQuery = z.infer<typeof AccountSearchQuery>;
