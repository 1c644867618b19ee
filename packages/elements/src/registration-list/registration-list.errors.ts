import { isPrmError } from '@openprm/sdk';
import type { RegistrationListMessageKey } from './registration-list.messages.js';

/** Refusals a row action may meet, which this element explains in its own words. */
const ACTION_ERROR_CODES = [
  'invalid_transition',
  'rule_refused',
  'extension_limit_reached',
  'already_exists',
] as const satisfies readonly RegistrationListMessageKey[];

type ActionErrorKey = (typeof ACTION_ERROR_CODES)[number];

/** The element's text for a known refusal (e.g. 409 `invalid_transition`), else none. */
export const actionErrorKey = (error: unknown): ActionErrorKey | undefined => {
  if (!isPrmError(error)) return undefined;
  return ACTION_ERROR_CODES.find((code) => code === error.code);
};
