import type { Catalog } from './localize.js';

/** Texts every element shares: states, retry, generic errors. */
export const sharedMessages = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'You appear to be offline. Check your connection and try again.',
    noClient:
      'Not connected: set the element’s client property or place it inside a <prm-provider>.',
    authentication: 'Your session has expired or the key is not valid. Sign in again.',
    permission: 'You are not allowed to do this.',
    notFound: 'This record does not exist or is not visible to you.',
    rateLimited: 'Too many requests. Please wait a moment and try again.',
    timeout: 'The server took too long to answer.',
    unexpected: 'Something went wrong.',
    validation: 'Please correct the highlighted fields.',
    termsRequired: 'Accept the updated terms to continue.',
  },
  de: {
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    offline:
      'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    noClient:
      'Nicht verbunden: Setzen Sie die Eigenschaft client des Elements oder platzieren Sie es in einem <prm-provider>.',
    authentication:
      'Ihre Sitzung ist abgelaufen oder der Schlüssel ist ungültig. Melden Sie sich erneut an.',
    permission: 'Dazu sind Sie nicht berechtigt.',
    notFound: 'Dieser Datensatz existiert nicht oder ist für Sie nicht sichtbar.',
    rateLimited: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    timeout: 'Der Server hat zu lange nicht geantwortet.',
    unexpected: 'Etwas ist schiefgelaufen.',
    validation: 'Bitte korrigieren Sie die markierten Felder.',
    termsRequired: 'Akzeptieren Sie die geänderten Bedingungen, um fortzufahren.',
  },
} satisfies Catalog<string>;
export type SharedMessageKey = keyof (typeof sharedMessages)['en'];
