import type { Reservation, ReservationCheck } from '@openprm/core';
import { eventInit } from './init.js';

/** The account's reservation changed: reserved, renewed or released from an element. */
export class PrmReservationChangedEvent extends Event {
  static readonly type = 'prm-reservation-changed';
  constructor(
    readonly check: ReservationCheck,
    readonly reservation: Reservation | undefined,
  ) {
    super(PrmReservationChangedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-reservation-changed': PrmReservationChangedEvent;
  }
}
