import type { Messages } from '../shared/localize.js';
import type { RegistrationFormMessageKey } from './registration-form.messages.js';

const de: Messages<RegistrationFormMessageKey> = {
  heading: 'Deal registrieren',
  requiredNote: 'Mit * markierte Felder sind Pflichtfelder.',
  account: 'Kunde',
  statusLoading: 'Reservierung wird geprüft …',
  statusFailed: 'Der Reservierungsstatus konnte nicht geprüft werden.',
  open: 'Frei',
  openHint: 'Kein Partner hält diesen Kunden.',
  reserved_by_you: 'Von Ihnen reserviert',
  reservedByYouHint: 'Ihre Reservierung läuft bis {date}.',
  reserved_by_other: 'Von einem anderen Partner reserviert',
  reservedByOtherHint:
    'Gehalten bis {date}. Ihre Registrierung wird als umstritten markiert; der Inhaber hat Vorrang.',
  vendor_direct: 'Direktkunde des Herstellers',
  vendorDirectHint:
    'Der Hersteller betreut diesen Kunden direkt: Registrierungen werden sofort abgelehnt.',
  products: 'Produkte',
  productsHint:
    'Geben Sie ein Produkt ein und drücken Sie Enter oder ein Komma, um es hinzuzufügen. Mindestens eines.',
  addProduct: 'Hinzufügen',
  removeProduct: '{name} entfernen',
  chosenProducts: 'Gewählte Produkte',
  amount: 'Geschätzter Wert',
  currency: 'Währung',
  closeDate: 'Erwarteter Abschluss',
  notes: 'Notizen',
  notesHint: 'Optional, bis zu {max} Zeichen ({count} verwendet).',
  submit: 'Deal registrieren',
  submitting: 'Wird registriert …',
  errorAccount: 'Wählen Sie den Kunden aus der Liste.',
  errorProducts: 'Fügen Sie mindestens ein Produkt hinzu (höchstens 50).',
  errorAmount: 'Geben Sie den geschätzten Wert als Zahl ab 0 ein.',
  errorCurrency: 'Wählen Sie eine Währung.',
  errorCloseDate: 'Geben Sie das erwartete Abschlussdatum ein.',
  errorNotes: 'Kürzen Sie die Notizen auf höchstens {max} Zeichen.',
  summaryHeading: ({ count }) =>
    count === 1 ? 'Die Registrierung hat 1 Problem' : `Die Registrierung hat ${count} Probleme`,
  termsHeading: 'Bedingungen für Deal-Registrierungen akzeptieren',
  termsIntro:
    'Ihr Partnerunternehmen muss diese Bedingungen akzeptieren, bevor es Deals registrieren kann.',
  termsWaiting: 'Sobald Sie akzeptieren, wird Ihre Registrierung automatisch gesendet.',
  resultSubmitted: 'Registriert',
  resultContested: 'Registriert, aber umstritten',
  resultRejected: 'Automatisch abgelehnt',
  decisionDue: 'Entscheidung fällig bis {date} ({relative}).',
  registered: '{products} für {account}, {value}, erwarteter Abschluss am {date}.',
  reference: 'Referenz: {id}',
  conflictsHeading: 'Überschneidende Ansprüche',
  conflictRegistrationTheirs:
    'Ein anderer Partner hat früher einen überschneidenden Deal registriert ({date}, {status}) — er hat Vorrang.',
  conflictRegistrationOurs:
    'Ein anderer Partner hat später einen überschneidenden Deal registriert ({date}, {status}) — Ihre Registrierung hat Vorrang.',
  conflictReservationTheirs:
    'Ein anderer Partner hält seit {date} eine Reservierung auf diesen Kunden — er hat Vorrang.',
  conflictReservationOurs:
    'Ein anderer Partner hat diesen Kunden später reserviert ({date}) — Ihre Registrierung hat Vorrang.',
  conflictPartner: 'Partner: {partnerId}.',
  conflictUndisclosed:
    'Ein anderer Partner hat einen überschneidenden Anspruch; das Programm legt keine Details offen.',
  rejectionReason: 'Grund: {reason}',
  rejectionCode: 'Code: {code}',
  registerAnother: 'Weiteren Deal registrieren',
  status_submitted: 'eingereicht',
  status_approved: 'genehmigt',
  status_rejected: 'abgelehnt',
  status_won: 'gewonnen',
  status_lost: 'verloren',
  status_expired: 'abgelaufen',
  status_withdrawn: 'zurückgezogen',
  status_active: 'aktiv',
};

export default de;
