import type { Registration } from '@openprm/core';
import { eventInit } from './init.js';

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
    super(PrmRegistrationChangedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-registration-changed': PrmRegistrationChangedEvent;
  }
}
