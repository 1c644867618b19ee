import type { Catalog, Messages } from './localize.js';

/** Texts every element shares: states, retry, generic errors. */

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You appear to be offline. Check your connection and try again.',
  noClient: 'Not connected: set the element’s client property or place it inside a <prm-provider>.',
  authentication: 'Your session has expired or the key is not valid. Sign in again.',
  permission: 'You are not allowed to do this.',
  notFound: 'This record does not exist or is not visible to you.',
  rateLimited: 'Too many requests. Please wait a moment and try again.',
  timeout: 'The server took too long to answer.',
  unexpected: 'Something went wrong.',
  validation: 'Please correct the highlighted fields.',
  termsRequired: 'Accept the updated terms to continue.',
} satisfies Messages<string>;

export type SharedMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const sharedMessages: Catalog<SharedMessageKey> = {
  en,
  load: { de: () => import('./shared.messages.de.js') },
};
