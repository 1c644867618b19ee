/**
 * Every event the elements dispatch, one module each in `events/` (an element bundles only its own). All bubble and cross shadow roots
 * (`composed`), so a page can listen on any ancestor, e.g.
 * `document.addEventListener('prm-registration-submitted', (event) => event.registration.id)`.
 * They fire on a person's action, never on programmatic property changes.
 */
export { PrmAccountChangedEvent } from './events/account-changed.js';
export { PrmContractAcceptedEvent } from './events/contract-accepted.js';
export { PrmDrillDownEvent } from './events/drill-down.js';
export { PrmErrorEvent } from './events/error.js';
export { PrmPartnerSelectedEvent } from './events/partner-selected.js';
export {
  PrmRegistrationChangedEvent,
  type RegistrationAction,
} from './events/registration-changed.js';
export { PrmRegistrationSubmittedEvent } from './events/registration-submitted.js';
export { PrmReservationChangedEvent } from './events/reservation-changed.js';
