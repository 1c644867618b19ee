export {
  type CallOptions,
  createPrmClient,
  type Input,
  type Item,
  type ListQuery,
  type PrmClient,
  type Query,
  type Result,
} from './client.js';
export {
  AuthenticationError,
  ConflictError,
  ContractAcceptanceRequiredError,
  isAuthenticationError,
  isConflictError,
  isContractAcceptanceRequiredError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isPrmError,
  isRateLimitError,
  isRuleRefusedError,
  isTimeoutError,
  isValidationError,
  NetworkError,
  NotFoundError,
  PermissionError,
  PrmError,
  type PrmErrorInit,
  type PrmErrorName,
  type ProblemDetails,
  RateLimitError,
  RuleRefusedError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { EventSubscription, SubscribeOptions } from './events.js';
export type { Page, PagePromise, ToArrayOptions } from './pagination.js';
export type {
  IdempotentRequestOptions,
  PrmClientOptions,
  RequestOptions,
} from './transport.js';
export {
  signWebhookPayload,
  type VerifyWebhookOptions,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from './webhooks.js';
