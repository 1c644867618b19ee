import type { ServerContext } from '../context.js';
import { dispatchWebhooks, type WebhookDispatchOptions } from './dispatcher.js';

export interface WebhookTimerOptions {
  /** Time between the end of one run and the start of the next. @default 1_000 */
  intervalMs?: number;
  /** Where a failed run is reported (never with a secret); the timer keeps going. @default console.error */
  onError?: (error: unknown) => void;
  /** Passed to each run (tests: a fake `fetch`). */
  dispatch?: Omit<WebhookDispatchOptions, 'now'>;
}

export interface WebhookTimer {
  /** Stops scheduling and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

export const DEFAULT_WEBHOOK_INTERVAL_MS = 1_000;

/**
 * Runs the webhook dispatcher now and then every `intervalMs`, on the context's clock. Runs never
 * overlap; the timer is unref'd, so it never keeps the process alive by itself.
 */
export const startWebhookTimer = (
  context: ServerContext,
  options: WebhookTimerOptions = {},
): WebhookTimer => {
  const intervalMs = options.intervalMs ?? DEFAULT_WEBHOOK_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(
      `webhooks.intervalMs must be a positive number of milliseconds, not ${intervalMs}.`,
    );
  }
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(
        'Webhook dispatch failed:',
        error instanceof Error ? error.message : String(error),
      ));
  let stopped = false;
  let running: Promise<void> | null = null;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    handle = setTimeout(tick, delay);
    handle.unref();
  };
  const tick = () => {
    running = dispatchWebhooks(context.db, {
      version: context.version,
      ...options.dispatch,
      now: context.clock,
    })
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (!stopped) schedule(intervalMs);
      });
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(handle);
      await running;
    },
  };
};
