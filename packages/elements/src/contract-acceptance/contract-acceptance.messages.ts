import type { Catalog, Messages } from '../shared/localize.js';

const en = {
  heading: 'Terms to accept',
  empty: 'No terms waiting for you',
  progress: 'Document {current} of {total}',
  version: 'Version {version}',
  published: 'Published {date}',
  documentLabel: '{title}, version {version}',
  agree: 'I have read and accept the {title} (version {version}).',
  accept: 'Accept',
  accepting: 'Accepting…',
  receiptHeading: 'Accepted',
  receipt: '{title}, version {version}, accepted on {time}.',
  fingerprint: 'Fingerprint of the text you accepted (SHA-256):',
  allAccepted: 'All terms are accepted. Thank you.',
  partnersOnly: 'Only partner users accept terms; vendor roles have nothing to accept here.',
} satisfies Messages<string>;

export type ContractAcceptanceMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const contractAcceptanceMessages: Catalog<ContractAcceptanceMessageKey> = {
  en,
  load: { de: () => import('./contract-acceptance.messages.de.js') },
};
