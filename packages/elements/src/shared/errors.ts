import {
  isAuthenticationError,
  isContractAcceptanceRequiredError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isPrmError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
} from '@openprm/sdk';
import type { SharedMessageKey } from './shared.messages.js';

/** Thrown by an element's data task when it has neither a `client` nor a provider. */
export class MissingClientError extends Error {
  override name = 'MissingClientError' as const;
}

/** Which shared text explains an error to a person; the server's own detail is shown beneath. */
export const errorMessageKey = (error: unknown): SharedMessageKey => {
  if (error instanceof MissingClientError) return 'noClient';
  if (isNetworkError(error)) return 'offline';
  if (isTimeoutError(error)) return 'timeout';
  if (isAuthenticationError(error)) return 'authentication';
  if (isPermissionError(error)) return 'permission';
  if (isNotFoundError(error)) return 'notFound';
  if (isRateLimitError(error)) return 'rateLimited';
  if (isValidationError(error)) return 'validation';
  if (isContractAcceptanceRequiredError(error)) return 'termsRequired';
  return 'unexpected';
};

/** The server's explanation, when there is one worth showing. */
export const errorDetail = (error: unknown): string | undefined =>
  isPrmError(error) && !isNetworkError(error) && !isTimeoutError(error) ? error.detail : undefined;
