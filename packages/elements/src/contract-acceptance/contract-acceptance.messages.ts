import type { Catalog } from '../shared/localize.js';

export const contractAcceptanceMessages = {
  en: {
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
  },
  de: {
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
  },
} satisfies Catalog<string>;

export type ContractAcceptanceMessageKey = keyof (typeof contractAcceptanceMessages)['en'];
