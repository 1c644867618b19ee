import type { Catalog } from '../shared/localize.js';

export const accountLookupMessages = {
  en: {
    label: 'Account',
    hint: 'Type a name or domain, then choose an account from the list.',
    searching: 'Searching…',
    results: ({ count }) => (count === 1 ? '1 account found.' : `${count} accounts found.`),
    noMatch: 'No account matches “{query}”.',
    chosen: '{name} chosen.',
  },
  de: {
    label: 'Kunde',
    hint: 'Geben Sie einen Namen oder eine Domain ein und wählen Sie einen Kunden aus der Liste.',
    searching: 'Wird gesucht …',
    results: ({ count }) => (count === 1 ? '1 Kunde gefunden.' : `${count} Kunden gefunden.`),
    noMatch: 'Kein Kunde passt zu „{query}“.',
    chosen: '{name} ausgewählt.',
  },
} satisfies Catalog<string>;

export type AccountLookupMessageKey = keyof (typeof accountLookupMessages)['en'];
