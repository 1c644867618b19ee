import type { Messages } from '../shared/localize.js';
import type { ReservationCheckMessageKey } from './reservation-check.messages.js';

const de: Messages<ReservationCheckMessageKey> = {
  heading: 'Reservierung',
  chooseAccount: 'Wählen Sie einen Kunden, um zu sehen, ob Sie ihn ansprechen dürfen.',
  open: 'Frei',
  openHint: 'Niemand hält diesen Kunden. Reservieren Sie ihn, um ihn anzusprechen.',
  reserved_by_you: 'Von Ihnen reserviert',
  reservedByYouHint: 'Ihre Reservierung läuft bis {date} ({relative}).',
  reserved_by_other: 'Von einem anderen Partner reserviert',
  reservedByOtherHint: 'Gehalten bis {date}. Bis dahin dürfen Sie diesen Kunden nicht ansprechen.',
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
};

export default de;
