import type { Registration } from '@openprm/core';
import { eventInit } from './init.js';

/** A registration was submitted; it may already be rejected automatically (see `registration.rejection`). */
export class PrmRegistrationSubmittedEvent extends Event {
  static readonly type = 'prm-registration-submitted';
  constructor(readonly registration: Registration) {
    super(PrmRegistrationSubmittedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-registration-submitted': PrmRegistrationSubmittedEvent;
  }
}
