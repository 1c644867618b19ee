import type { Catalog, Messages } from '../shared/localize.js';

const en = {
  label: 'Account',
  hint: 'Type a name or domain, then choose an account from the list.',
  searching: 'Searching…',
  results: ({ count }) => (count === 1 ? '1 account found.' : `${count} accounts found.`),
  noMatch: 'No account matches “{query}”.',
  chosen: '{name} chosen.',
} satisfies Messages<string>;

export type AccountLookupMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const accountLookupMessages: Catalog<AccountLookupMessageKey> = {
  en,
  load: { de: () => import('./account-lookup.messages.de.js') },
};
