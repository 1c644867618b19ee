import type { PartnerSearchResult } from '@openprm/core';
import { eventInit } from './init.js';

/** A person chose a partner in the skills finder. */
export class PrmPartnerSelectedEvent extends Event {
  static readonly type = 'prm-partner-selected';
  constructor(readonly partner: PartnerSearchResult) {
    super(PrmPartnerSelectedEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-partner-selected': PrmPartnerSelectedEvent;
  }
}
