import type { Catalog, Messages } from '../shared/localize.js';

const en = {
  heading: 'Reservation',
  chooseAccount: 'Choose an account to see whether you may call on it.',
  open: 'Open',
  openHint: 'No one holds this account. Reserve it to call on it.',
  reserved_by_you: 'Reserved by you',
  reservedByYouHint: 'Your reservation runs until {date} ({relative}).',
  reserved_by_other: 'Reserved by another partner',
  reservedByOtherHint: 'Held until {date}. You may not call on this account until then.',
  reservedOnRelative: 'The reservation is on a related account ({accountId}).',
  vendor_direct: 'Vendor-direct',
  vendorDirectHint: 'The vendor serves this account directly; partners cannot reserve it.',
  reserve: 'Reserve',
  renew: 'Renew',
  release: 'Release',
  working: 'Working…',
  reserved: 'Reserved until {date}.',
  renewed: 'Renewed until {date}.',
  released: 'Released.',
  account: 'Account',
} satisfies Messages<string>;

export type ReservationCheckMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const reservationCheckMessages: Catalog<ReservationCheckMessageKey> = {
  en,
  load: { de: () => import('./reservation-check.messages.de.js') },
};
