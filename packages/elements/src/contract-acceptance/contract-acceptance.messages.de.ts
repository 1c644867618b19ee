import type { Messages } from '../shared/localize.js';
import type { ContractAcceptanceMessageKey } from './contract-acceptance.messages.js';

const de: Messages<ContractAcceptanceMessageKey> = {
  heading: 'Zu akzeptierende Bedingungen',
  empty: 'Keine Bedingungen warten auf Sie',
  progress: 'Dokument {current} von {total}',
  version: 'Version {version}',
  published: 'Veröffentlicht am {date}',
  documentLabel: '{title}, Version {version}',
  agree: 'Ich habe die {title} (Version {version}) gelesen und akzeptiere sie.',
  accept: 'Akzeptieren',
  accepting: 'Wird akzeptiert …',
  receiptHeading: 'Akzeptiert',
  receipt: '{title}, Version {version}, akzeptiert am {time}.',
  fingerprint: 'Fingerabdruck des akzeptierten Textes (SHA-256):',
  allAccepted: 'Alle Bedingungen sind akzeptiert. Vielen Dank.',
  partnersOnly:
    'Nur Partner-Benutzer akzeptieren Bedingungen; Herstellerrollen haben hier nichts zu akzeptieren.',
};

export default de;
