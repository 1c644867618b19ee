import type { Acceptance } from '@openprm/core';
import { eventInit } from './init.js';

/** A person accepted a contract version; `acceptance` is the receipt. */
export class PrmContractAcceptedEvent extends Event {
  static readonly type = 'prm-contract-accepted';
  constructor(readonly acceptance: Acceptance) {
    super(PrmContractAcceptedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-contract-accepted': PrmContractAcceptedEvent;
  }
}
