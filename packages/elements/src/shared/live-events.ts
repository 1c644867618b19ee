import { createContext } from '@lit/context';
import type { EventType, PrmEvent } from '@openprm/core';

/** What a `<prm-provider live>` offers the elements inside it: one shared event stream. */
export interface LiveEvents {
  /** Calls `listener` for each event of these types; returns the function that stops it. */
  listen(types: readonly EventType[], listener: (event: PrmEvent) => void): () => void;
}

export const liveEventsContext = createContext<LiveEvents | undefined>(
  Symbol.for('openprm.live-events'),
);

/**
 * Fans one subscription out to many listeners, so a page with five elements opens one stream.
 * `open` starts the stream and returns its `close`; it runs while anyone listens.
 */
export const createLiveEvents = (
  open: (deliver: (event: PrmEvent) => void) => () => void,
): LiveEvents & { close(): void } => {
  const listeners = new Set<{ types: ReadonlySet<string>; listener: (event: PrmEvent) => void }>();
  let close: (() => void) | undefined;
  const deliver = (event: PrmEvent) => {
    for (const entry of listeners) if (entry.types.has(event.type)) entry.listener(event);
  };
  return {
    listen(types, listener) {
      const entry = { types: new Set<string>(types), listener };
      listeners.add(entry);
      close ??= open(deliver);
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) {
          close?.();
          close = undefined;
        }
      };
    },
    close() {
      listeners.clear();
      close?.();
      close = undefined;
    },
  };
};
