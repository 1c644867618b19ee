import { eventInit } from './init.js';

/** A person asked for the detail behind a light on the board: a partner, and maybe one objective. */
export class PrmDrillDownEvent extends Event {
  static readonly type = 'prm-drill-down';
  constructor(
    readonly partnerId: string,
    readonly objectiveId: string | undefined,
  ) {
    super(PrmDrillDownEvent.type, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-drill-down': PrmDrillDownEvent;
  }
}
