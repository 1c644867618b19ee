import type { Registration } from '@openprm/core';
import { isContractAcceptanceRequiredError, isValidationError, type PrmClient } from '@openprm/sdk';
import type { SubmissionKey, toInput } from './registration-form.validation.js';

/** How one submission ended, for the form to show. */
export type SubmissionOutcome =
  | { kind: 'registered'; registration: Registration }
  /** The server refused the input; `errors` point at the fields (a blank path: the whole form). */
  | { kind: 'invalid'; errors: readonly { path: string; message: string }[] }
  /** Pending terms gate registrations; the same submission goes again once they are accepted. */
  | { kind: 'terms-required' }
  | { kind: 'failed'; error: unknown };

/**
 * Sends the registration under the form's idempotency key (a retry replays rather than
 * duplicates) and forgets the key once it is stored, so the next deal gets a new one.
 */
export const sendRegistration = async (
  client: PrmClient,
  input: ReturnType<typeof toInput>,
  submissionKey: SubmissionKey,
): Promise<SubmissionOutcome> => {
  try {
    const registration = await client.registrations.submit(input, {
      idempotencyKey: submissionKey.for(input),
    });
    submissionKey.forget();
    return { kind: 'registered', registration };
  } catch (error) {
    if (isValidationError(error)) {
      const errors = error.errors.length > 0 ? error.errors : [{ path: '', message: error.detail }];
      return { kind: 'invalid', errors };
    }
    if (isContractAcceptanceRequiredError(error)) return { kind: 'terms-required' };
    return { kind: 'failed', error };
  }
};
