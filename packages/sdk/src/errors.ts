import type { ErrorCode, FieldError, PendingContract, Problem } from '@openprm/core';

/**
 * A brand every OpenPRM error carries. `Symbol.for` is shared across bundles and realms (iframes),
 * so the type guards below work where `instanceof` cannot: two copies of the SDK, or an error
 * thrown in another frame.
 */
const BRAND = Symbol.for('openprm.sdk.error');

/** The problem details (RFC 9457) the server answered, or what the SDK built in its place. */
export type ProblemDetails = Problem & Record<string, unknown>;

/** What every OpenPRM error is built from. */
export interface PrmErrorInit {
  status?: number | undefined;
  code?: ErrorCode | undefined;
  detail?: string | undefined;
  requestId?: string | undefined;
  raw?: unknown;
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws. Branch on `code` (stable) or on the subclass; never
 * on the message text.
 *
 * @example
 * ```ts
 * try {
 *   await client.registrations.submit(input);
 * } catch (error) {
 *   if (isConflictError(error)) console.log(error.code, error.details);
 *   else throw error;
 * }
 * ```
 */
export class PrmError extends Error {
  /** The class name as a literal: type guards compare it, so they work across bundles. */
  override readonly name: PrmErrorName = 'PrmError';
  /** HTTP status of the answer; `0` when no answer arrived (network error, timeout). */
  readonly status: number;
  /** The stable error code of the API (`problem.code`), e.g. `account_reserved`. */
  readonly code: ErrorCode | undefined;
  /** The human explanation the server gave (`problem.detail`). */
  readonly detail: string;
  /** The server's request id (`x-request-id`): quote it when you report a problem. */
  readonly requestId: string | undefined;
  /** The whole problem body as answered, for fields this SDK does not model. */
  readonly raw: unknown;
  declare readonly [BRAND]: true;

  constructor(message: string, init: PrmErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status ?? 0;
    this.code = init.code;
    this.detail = init.detail ?? message;
    this.requestId = init.requestId;
    this.raw = init.raw;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** 400 `invalid_request`, from the server or from the SDK's check before sending. */
export class ValidationError extends PrmError {
  override readonly name = 'ValidationError' as const;
  /** Every invalid field: a dotted `path` (`estimatedValue.amount`, `query.limit`) and a message. */
  readonly errors: FieldError[];

  constructor(message: string, init: PrmErrorInit & { errors: FieldError[] }) {
    super(message, { status: 400, code: 'invalid_request', ...init });
    this.errors = init.errors;
  }
}

/** 401 `unauthenticated`: no token, an unknown key or an expired session. */
export class AuthenticationError extends PrmError {
  override readonly name = 'AuthenticationError' as const;
}

/** 403 `forbidden`: the caller's role may not do this. */
export class PermissionError extends PrmError {
  override readonly name = 'PermissionError' as const;
}

/** 403 `contract_acceptance_required`: the partner must accept these contract versions first. */
export class ContractAcceptanceRequiredError extends PrmError {
  override readonly name = 'ContractAcceptanceRequiredError' as const;
  /** The contract versions still to accept; accept them with `client.contracts.accept`. */
  readonly pending: PendingContract[];

  constructor(message: string, init: PrmErrorInit & { pending: PendingContract[] }) {
    super(message, init);
    this.pending = init.pending;
  }
}

/** 404 `not_found`: unknown, or not visible to the caller (another partner's record). */
export class NotFoundError extends PrmError {
  override readonly name = 'NotFoundError' as const;
}

/**
 * 409: the state refuses the change (`account_reserved`, `vendor_direct_account`,
 * `invalid_transition`, `already_exists`, `extension_not_pending`).
 */
export class ConflictError extends PrmError {
  override readonly name = 'ConflictError' as const;
  /** The problem's extra members, e.g. `reasons` naming the rule and the holder per disclosure policy. */
  readonly details: Record<string, unknown>;

  constructor(message: string, init: PrmErrorInit & { details: Record<string, unknown> }) {
    super(message, init);
    this.details = init.details;
  }
}

/** 422: a rule refused the request (`renewal_limit_reached`, `hash_mismatch`, `rule_refused` …). */
export class RuleRefusedError extends PrmError {
  override readonly name = 'RuleRefusedError' as const;
  /** The problem's extra members, e.g. `reasons`. */
  readonly details: Record<string, unknown>;

  constructor(message: string, init: PrmErrorInit & { details: Record<string, unknown> }) {
    super(message, init);
    this.details = init.details;
  }
}

/** 429 `rate_limited`, after the retries were spent. */
export class RateLimitError extends PrmError {
  override readonly name = 'RateLimitError' as const;
  /** Seconds to wait before the next request (`Retry-After`), when the server said. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: PrmErrorInit & { retryAfter: number | undefined }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** No answer: DNS, connection refused, CORS, offline. `cause` holds what `fetch` threw. */
export class NetworkError extends PrmError {
  override readonly name = 'NetworkError' as const;
}

/** No answer within `timeout` milliseconds. */
export class TimeoutError extends PrmError {
  override readonly name = 'TimeoutError' as const;
}

/** The `name` of each OpenPRM error class. */
export type PrmErrorName =
  | 'PrmError'
  | 'ValidationError'
  | 'AuthenticationError'
  | 'PermissionError'
  | 'ContractAcceptanceRequiredError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'RuleRefusedError'
  | 'RateLimitError'
  | 'NetworkError'
  | 'TimeoutError';

interface ErrorByName {
  PrmError: PrmError;
  ValidationError: ValidationError;
  AuthenticationError: AuthenticationError;
  PermissionError: PermissionError;
  ContractAcceptanceRequiredError: ContractAcceptanceRequiredError;
  NotFoundError: NotFoundError;
  ConflictError: ConflictError;
  RuleRefusedError: RuleRefusedError;
  RateLimitError: RateLimitError;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
}

const hasName = <N extends PrmErrorName>(error: unknown, name: N): error is ErrorByName[N] =>
  isPrmError(error) && error.name === name;

/** Any error thrown by an OpenPRM SDK, whichever copy of it threw. */
export const isPrmError = (error: unknown): error is PrmError =>
  typeof error === 'object' &&
  error !== null &&
  (error as { [BRAND]?: unknown })[BRAND] === true &&
  typeof (error as { name?: unknown }).name === 'string';
export const isValidationError = (error: unknown) => hasName(error, 'ValidationError');
export const isAuthenticationError = (error: unknown) => hasName(error, 'AuthenticationError');
export const isPermissionError = (error: unknown) => hasName(error, 'PermissionError');
export const isContractAcceptanceRequiredError = (error: unknown) =>
  hasName(error, 'ContractAcceptanceRequiredError');
export const isNotFoundError = (error: unknown) => hasName(error, 'NotFoundError');
export const isConflictError = (error: unknown) => hasName(error, 'ConflictError');
export const isRuleRefusedError = (error: unknown) => hasName(error, 'RuleRefusedError');
export const isRateLimitError = (error: unknown) => hasName(error, 'RateLimitError');
export const isNetworkError = (error: unknown) => hasName(error, 'NetworkError');
export const isTimeoutError = (error: unknown) => hasName(error, 'TimeoutError');

const STANDARD_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'code',
  'detail',
  'instance',
  'requestId',
  'errors',
]);

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export const parseRetryAfter = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
};

/** Chooses the error class for an answer by its status and problem `code`. */
export const errorFromResponse = (response: Response, body: unknown): PrmError => {
  const problem = (
    typeof body === 'object' && body !== null ? body : {}
  ) as Partial<ProblemDetails>;
  const status = response.status;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  const detail =
    typeof problem.detail === 'string' ? problem.detail : `HTTP ${status} ${response.statusText}`;
  const init: PrmErrorInit = {
    status,
    code,
    detail,
    requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
    raw: body,
  };
  const message = code ? `${detail} (${code})` : detail;
  const details = Object.fromEntries(
    Object.entries(problem).filter(([key]) => !STANDARD_MEMBERS.has(key)),
  );
  if (status === 400)
    return new ValidationError(message, { ...init, errors: problem.errors ?? [] });
  if (status === 401) return new AuthenticationError(message, init);
  if (status === 403 && code === 'contract_acceptance_required') {
    const pending = Array.isArray(problem.pending) ? (problem.pending as PendingContract[]) : [];
    return new ContractAcceptanceRequiredError(message, { ...init, pending });
  }
  if (status === 403) return new PermissionError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, { ...init, details });
  if (status === 422) return new RuleRefusedError(message, { ...init, details });
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new RateLimitError(message, { ...init, retryAfter });
  }
  return new PrmError(message, init);
};
