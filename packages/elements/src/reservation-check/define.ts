import { defineElement } from '../shared/define-element.js';
import { PrmReservationCheck } from './reservation-check.js';

defineElement('prm-reservation-check', PrmReservationCheck);

declare global {
  interface HTMLElementTagNameMap {
    'prm-reservation-check': PrmReservationCheck;
  }
}

export { PrmReservationCheck };
