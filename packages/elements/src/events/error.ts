import { eventInit } from './init.js';

/** A request failed in a way the page may want to handle (an expired session, say). */
export class PrmErrorEvent extends Event {
  static readonly type = 'prm-error';
  constructor(readonly error: unknown) {
    super(PrmErrorEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-error': PrmErrorEvent;
  }
}
