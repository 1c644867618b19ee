/**
 * Every event the elements dispatch, declared in one place. All bubble and cross shadow roots
 * (`composed`), so a page can listen on any ancestor, e.g.
 * `document.addEventListener('prm-registration-submitted', (event) => event.registration.id)`.
 * They fire on a person's action, never on programmatic property changes.
 */
import type {
  Acceptance,
  Account,
  PartnerSearchResult,
  Registration,
  Reservation,
  ReservationCheck,
} from '@openprm/core';

const init = { bubbles: true, composed: true } as const;

/**
 * A person chose an account in `<prm-account-lookup>` (`account`), or typed over the chosen one
 * (`account` is `undefined`).
 */
export class PrmAccountChangedEvent extends Event {
  static readonly type = 'prm-account-changed';
  constructor(readonly account: Account | undefined) {
    super(PrmAccountChangedEvent.type, init);
  }
}

/** The account's reservation changed: reserved, renewed or released from an element. */
export class PrmReservationChangedEvent extends Event {
  static readonly type = 'prm-reservation-changed';
  constructor(
    readonly check: ReservationCheck,
    readonly reservation: Reservation | undefined,
  ) {
    super(PrmReservationChangedEvent.type, init);
  }
}

/** A registration was submitted; it may already be rejected automatically (see `registration.rejection`). */
export class PrmRegistrationSubmittedEvent extends Event {
  static readonly type = 'prm-registration-submitted';
  constructor(readonly registration: Registration) {
    super(PrmRegistrationSubmittedEvent.type, init);
  }
}

export type RegistrationAction =
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'request-extension'
  | 'comment';

/** A person acted on a registration in a list; `registration` is its state afterwards. */
export class PrmRegistrationChangedEvent extends Event {
  static readonly type = 'prm-registration-changed';
  constructor(
    readonly action: RegistrationAction,
    readonly registration: Registration,
  ) {
    super(PrmRegistrationChangedEvent.type, init);
  }
}

/** A person chose a partner in the skills finder. */
export class PrmPartnerSelectedEvent extends Event {
  static readonly type = 'prm-partner-selected';
  constructor(readonly partner: PartnerSearchResult) {
    super(PrmPartnerSelectedEvent.type, init);
  }
}

/** A person accepted a contract version; `acceptance` is the receipt. */
export class PrmContractAcceptedEvent extends Event {
  static readonly type = 'prm-contract-accepted';
  constructor(readonly acceptance: Acceptance) {
    super(PrmContractAcceptedEvent.type, init);
  }
}

/** A person asked for the detail behind a light on the board: a partner, and maybe one objective. */
export class PrmDrillDownEvent extends Event {
  static readonly type = 'prm-drill-down';
  constructor(
    readonly partnerId: string,
    readonly objectiveId: string | undefined,
  ) {
    super(PrmDrillDownEvent.type, init);
  }
}

/** A request failed in a way the page may want to handle (an expired session, say). */
export class PrmErrorEvent extends Event {
  static readonly type = 'prm-error';
  constructor(readonly error: unknown) {
    super(PrmErrorEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-account-changed': PrmAccountChangedEvent;
    'prm-reservation-changed': PrmReservationChangedEvent;
    'prm-registration-submitted': PrmRegistrationSubmittedEvent;
    'prm-registration-changed': PrmRegistrationChangedEvent;
    'prm-partner-selected': PrmPartnerSelectedEvent;
    'prm-contract-accepted': PrmContractAcceptedEvent;
    'prm-drill-down': PrmDrillDownEvent;
    'prm-error': PrmErrorEvent;
  }
}
