import type { Reason, Refused } from '../rules/decision.js';
import { ERROR_STATUS, type ErrorCode } from '../schemas/codes.js';
import type { FieldError } from '../schemas/problem.js';

/** The problem `title` of each error code. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed',
  contract_acceptance_required: 'Contract acceptance required',
  not_found: 'Not found',
  account_reserved: 'Account reserved',
  vendor_direct_account: 'Vendor-direct account',
  invalid_transition: 'Invalid transition',
  already_exists: 'Already exists',
  idempotency_key_reused: 'Idempotency key reused',
  renewal_limit_reached: 'Renewal limit reached',
  extension_limit_reached: 'Extension limit reached',
  extension_not_pending: 'Extension not pending',
  region_mismatch: 'Region mismatch',
  account_tree_cycle: 'Account tree cycle',
  rule_refused: 'Refused by a rule',
  hash_mismatch: 'Hash mismatch',
  payload_too_large: 'Request too large',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  not_implemented: 'Not implemented yet',
};

/**
 * An answer that is not a success, as thrown by the server and the mock: `toJSON()` is the RFC 9457
 * body (`application/problem+json`) with the stable `code`.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = ERROR_STATUS[code];
  }

  toJSON() {
    return {
      type: `https://openprm.dev/problems/${this.code}`,
      title: ERROR_TITLES[this.code],
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...this.extensions,
    };
  }
}

export const notFound = (what: string) => new ProblemError('not_found', `${what} was not found.`);

export const invalid = (errors: FieldError[], detail = 'The request is not valid.') =>
  new ProblemError('invalid_request', detail, { errors });

const isErrorCode = (code: string): code is ErrorCode => code in ERROR_STATUS;

/** A rule's refusal as a problem: its code when public, else `rule_refused`; reasons attached. */
export const fromRefusal = (refused: Refused, extensions: Record<string, unknown> = {}) =>
  new ProblemError(
    isErrorCode(refused.code) ? refused.code : 'rule_refused',
    refused.reasons.map((reason: Reason) => reason.message).join(' '),
    { reasons: refused.reasons, ...extensions },
  );
