import type { Catalog } from '../shared/localize.js';

export const reservationCheckMessages = {
  en: {
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
  },
  de: {
    heading: 'Reservierung',
    chooseAccount: 'Wählen Sie einen Kunden, um zu sehen, ob Sie ihn ansprechen dürfen.',
    open: 'Frei',
    openHint: 'Niemand hält diesen Kunden. Reservieren Sie ihn, um ihn anzusprechen.',
    reserved_by_you: 'Von Ihnen reserviert',
    reservedByYouHint: 'Ihre Reservierung läuft bis {date} ({relative}).',
    reserved_by_other: 'Von einem anderen Partner reserviert',
    reservedByOtherHint:
      'Gehalten bis {date}. Bis dahin dürfen Sie diesen Kunden nicht ansprechen.',
    reservedOnRelative: 'Die Reservierung liegt auf einem verbundenen Kunden ({accountId}).',
    vendor_direct: 'Direktkunde des Herstellers',
    vendorDirectHint:
      'Der Hersteller betreut diesen Kunden direkt; Partner können ihn nicht reservieren.',
    reserve: 'Reservieren',
    renew: 'Verlängern',
    release: 'Freigeben',
    working: 'Wird ausgeführt …',
    reserved: 'Reserviert bis {date}.',
    renewed: 'Verlängert bis {date}.',
    released: 'Freigegeben.',
    account: 'Kunde',
  },
} satisfies Catalog<string>;

export type ReservationCheckMessageKey = keyof (typeof reservationCheckMessages)['en'];
