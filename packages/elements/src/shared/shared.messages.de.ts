import type { Messages } from './localize.js';
import type { SharedMessageKey } from './shared.messages.js';

/** Texts every element shares: states, retry, generic errors. */

const de: Messages<SharedMessageKey> = {
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  offline: 'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
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
};

export default de;
