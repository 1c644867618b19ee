import type { Catalog, Messages } from '../shared/localize.js';

const en = {
  heading: 'Register a deal',
  requiredNote: 'Fields marked * are required.',
  account: 'Customer account',
  statusLoading: 'Checking the reservation…',
  statusFailed: 'The reservation status could not be checked.',
  open: 'Open',
  openHint: 'No partner holds this account.',
  reserved_by_you: 'Reserved by you',
  reservedByYouHint: 'Your reservation runs until {date}.',
  reserved_by_other: 'Reserved by another partner',
  reservedByOtherHint:
    'Held until {date}. Your registration will be flagged as contested; the holder has priority.',
  vendor_direct: 'Vendor-direct',
  vendorDirectHint: 'The vendor serves this account directly: registrations are rejected at once.',
  products: 'Products',
  productsHint: 'Type a product and press Enter or a comma to add it. Add one or more.',
  addProduct: 'Add',
  removeProduct: 'Remove {name}',
  chosenProducts: 'Chosen products',
  amount: 'Estimated value',
  currency: 'Currency',
  closeDate: 'Expected close date',
  notes: 'Notes',
  notesHint: 'Optional, up to {max} characters ({count} used).',
  submit: 'Register deal',
  submitting: 'Registering…',
  errorAccount: 'Choose the customer account from the list.',
  errorProducts: 'Add at least one product (up to 50).',
  errorAmount: 'Enter the estimated value as a number of 0 or more.',
  errorCurrency: 'Choose a currency.',
  errorCloseDate: 'Enter the expected close date.',
  errorNotes: 'Shorten the notes to {max} characters or fewer.',
  summaryHeading: ({ count }) =>
    count === 1
      ? 'There is 1 problem with the registration'
      : `There are ${count} problems with the registration`,
  termsHeading: 'Accept the deal registration terms',
  termsIntro: 'Your partner has to accept these terms before it can register deals.',
  termsWaiting: 'As soon as you accept, your registration is sent automatically.',
  resultSubmitted: 'Registered',
  resultContested: 'Registered, but contested',
  resultRejected: 'Rejected automatically',
  decisionDue: 'Decision due by {date} ({relative}).',
  registered: '{products} for {account}, {value}, expected to close on {date}.',
  reference: 'Reference: {id}',
  conflictsHeading: 'Overlapping claims',
  conflictRegistrationTheirs:
    'Another partner registered an overlapping deal earlier ({date}, {status}) — they have priority.',
  conflictRegistrationOurs:
    'Another partner registered an overlapping deal later ({date}, {status}) — yours has priority.',
  conflictReservationTheirs:
    'Another partner has held a reservation on this account since {date} — they have priority.',
  conflictReservationOurs:
    'Another partner reserved this account later ({date}) — yours has priority.',
  conflictPartner: 'Partner: {partnerId}.',
  conflictUndisclosed:
    'Another partner has an overlapping claim; the program does not disclose details.',
  rejectionReason: 'Reason: {reason}',
  rejectionCode: 'Code: {code}',
  registerAnother: 'Register another deal',
  status_submitted: 'submitted',
  status_approved: 'approved',
  status_rejected: 'rejected',
  status_won: 'won',
  status_lost: 'lost',
  status_expired: 'expired',
  status_withdrawn: 'withdrawn',
  status_active: 'active',
} satisfies Messages<string>;

export type RegistrationFormMessageKey = keyof typeof en;

/** English here; German loads the first time an element shows it (see `Catalog`). */
export const registrationFormMessages: Catalog<RegistrationFormMessageKey> = {
  en,
  load: { de: () => import('./registration-form.messages.de.js') },
};
