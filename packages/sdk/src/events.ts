import type { EventType, PrmEvent } from '@openprm/core';
import { parseSse } from './sse.js';

export interface SubscribeOptions {
  /** Only these event types. @default every type the caller may see */
  types?: readonly EventType[];
  /** Resume after this event (e.g. one stored before a page reload). */
  lastEventId?: string;
  /** Aborting it ends the subscription, like `close()`. */
  signal?: AbortSignal;
  /** Called when the stream connects, and again after each reconnect. */
  onOpen?: () => void;
  /**
   * Called for each failure. Network errors and 5xx reconnect on their own; an answer that will
   * not change by retrying (400, 403, 404) ends the subscription after this call.
   */
  onError?: (error: unknown) => void;
}

export interface EventSubscription {
  /** Stops listening; the handler is never called after this. */
  close(): void;
  /** The id of the newest event handled: keep it to resume later with `lastEventId`. */
  readonly lastEventId: string | undefined;
  /** Settles once the subscription has ended (closed, aborted, or a final error). */
  readonly closed: Promise<void>;
}

/** Opens the stream once: the client adds the URL, the token (refreshed after a 401) and the fetch. */
export type OpenEventStream = (
  query: { types?: string },
  lastEventId: string | undefined,
  signal: AbortSignal,
) => Promise<Response>;

/** Raised for an answer that ends the subscription; `response` is the server's answer. */
export type StreamRefusal = (response: Response) => Promise<unknown>;

const MAX_DELAY_MS = 30_000;
const FINAL_STATUSES = new Set([400, 401, 403, 404, 422]);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Listens to `GET /v1/events` and calls `handler` for each event, reconnecting with backoff and
 * full jitter after a drop, and resuming with `Last-Event-ID` so no event is lost in between.
 */
export const subscribeToEvents = (
  open: OpenEventStream,
  refusal: StreamRefusal,
  handler: (event: PrmEvent) => void,
  options: SubscribeOptions = {},
): EventSubscription => {
  const controller = new AbortController();
  const { signal } = controller;
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  if (options.signal?.aborted) controller.abort();
  let lastEventId = options.lastEventId;
  let retryMs = 1_000;
  const query = options.types?.length ? { types: options.types.join(',') } : {};

  const run = async () => {
    for (let failures = 0; !signal.aborted; ) {
      try {
        const response = await open(query, lastEventId, signal);
        if (!response.ok || !response.body) {
          const error = await refusal(response);
          if (FINAL_STATUSES.has(response.status)) {
            options.onError?.(error);
            return;
          }
          throw error;
        }
        failures = 0;
        options.onOpen?.();
        for await (const frame of parseSse(response.body)) {
          if (signal.aborted) return;
          if (frame.retry !== undefined) retryMs = frame.retry;
          if (!frame.data) continue;
          const event = JSON.parse(frame.data) as PrmEvent;
          lastEventId = frame.id ?? event.id;
          handler(event);
        }
      } catch (error) {
        if (signal.aborted) return;
        options.onError?.(error);
      }
      // The stream ended or failed: wait, then resume where it stopped.
      failures++;
      const ceiling = Math.min(MAX_DELAY_MS, retryMs * 2 ** Math.min(failures - 1, 5));
      await sleep(failures === 1 ? retryMs : Math.random() * ceiling, signal);
    }
  };
  const closed = run().finally(() => controller.abort());
  return {
    close: () => controller.abort(),
    get lastEventId() {
      return lastEventId;
    },
    closed,
  };
};
