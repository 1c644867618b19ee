import * as z from 'zod/mini';

/**
 * Stable error codes of the public API (`problem.code`). Clients branch on these, never on text.
 * The HTTP status of each is fixed too, so a client can rely on the pair.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  contract_acceptance_required: 403,
  not_found: 404,
  account_reserved: 409,
  vendor_direct_account: 409,
  invalid_transition: 409,
  already_exists: 409,
  idempotency_key_reused: 422,
  renewal_limit_reached: 422,
  extension_limit_reached: 422,
  extension_not_pending: 409,
  region_mismatch: 422,
  account_tree_cycle: 422,
  rule_refused: 422,
  hash_mismatch: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
export const ErrorCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

/**
 * The published list of reasons a registration can be rejected. Every rejection carries one of
 * these codes plus a human explanation; there is no rejection without both. Listed apart from
 * their explanations so that validating a code does not ship the explanations to a browser.
 */
export const REJECTION_CODES: RejectionCode[] = [
  'vendor_direct_account',
  'conflict_resolved',
  'account_reserved_by_other',
  'duplicate',
  'existing_vendor_opportunity',
  'insufficient_information',
  'not_qualified',
  'outside_program',
  'other',
];

export type RejectionCode = keyof typeof REJECTION_REASONS;
export const RejectionCode = z.enum(REJECTION_CODES as [RejectionCode, ...RejectionCode[]]);

/** What each rejection code means: one entry per code, in the order of `REJECTION_CODES`. */
export const REJECTION_REASONS = {
  vendor_direct_account:
    'The account is served directly by the vendor, so partners cannot register deals on it.',
  conflict_resolved:
    'Another partner registered an overlapping deal first and that registration was approved (first-come priority).',
  account_reserved_by_other: 'Another partner holds the reservation for this account and region.',
  duplicate: 'The same deal is already registered by this partner.',
  existing_vendor_opportunity:
    'The vendor was already working this opportunity before the registration.',
  insufficient_information: 'The registration lacks the information needed to qualify the deal.',
  not_qualified:
    'The deal does not meet the program requirements (size, product or customer type).',
  outside_program: 'The partner is not authorised for these products or this territory.',
  other: 'Another reason, explained in the rejection text.',
} as const satisfies Record<string, string>;

/** Rejections a reviewer may choose by hand; the others are reserved for the automatic rules. */
export const MANUAL_REJECTION_CODES = REJECTION_CODES.filter(
  (code) => code !== 'vendor_direct_account' && code !== 'conflict_resolved',
) as RejectionCode[];
