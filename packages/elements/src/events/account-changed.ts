import type { Account } from '@openprm/core';
import { eventInit } from './init.js';

/**
 * A person chose an account in `<prm-account-lookup>` (`account`), or typed over the chosen one
 * (`account` is `undefined`).
 */
export class PrmAccountChangedEvent extends Event {
  static readonly type = 'prm-account-changed';
  constructor(readonly account: Account | undefined) {
    super(PrmAccountChangedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-account-changed': PrmAccountChangedEvent;
  }
}
