import type { Messages } from '../shared/localize.js';
import type { AccountLookupMessageKey } from './account-lookup.messages.js';

const de: Messages<AccountLookupMessageKey> = {
  label: 'Kunde',
  hint: 'Geben Sie einen Namen oder eine Domain ein und wählen Sie einen Kunden aus der Liste.',
  searching: 'Wird gesucht …',
  results: ({ count }) => (count === 1 ? '1 Kunde gefunden.' : `${count} Kunden gefunden.`),
  noMatch: 'Kein Kunde passt zu „{query}“.',
  chosen: '{name} ausgewählt.',
};

export default de;
