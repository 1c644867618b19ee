import type { ServerContext } from '../context.js';
import { type RepeatingTimer, startRepeating } from '../timers/repeat.js';
import { dispatchWebhooks, type WebhookDispatchOptions } from './dispatcher.js';

export interface WebhookTimerOptions {
  /** Time between the end of one run and the start of the next. @default 1_000 */
  intervalMs?: number;
  /** Where a failed run is reported (never with a secret); the timer keeps going. @default console.error */
  onError?: (error: unknown) => void;
  /** Passed to each run (tests: a fake `fetch`). */
  dispatch?: Omit<WebhookDispatchOptions, 'now'>;
}

export type WebhookTimer = RepeatingTimer;

export const DEFAULT_WEBHOOK_INTERVAL_MS = 1_000;

/**
 * Runs the webhook dispatcher now and then every `intervalMs`, on the context's clock. Runs never
 * overlap; the timer is unref'd, so it never keeps the process alive by itself.
 */
export const startWebhookTimer = (
  context: ServerContext,
  options: WebhookTimerOptions = {},
): WebhookTimer =>
  startRepeating(
    () =>
      dispatchWebhooks(context.db, {
        version: context.version,
        ...options.dispatch,
        now: context.clock,
      }),
    {
      intervalMs: options.intervalMs ?? DEFAULT_WEBHOOK_INTERVAL_MS,
      settingName: 'webhooks.intervalMs',
      onError:
        options.onError ??
        ((error: unknown) =>
          console.error(
            'Webhook dispatch failed:',
            error instanceof Error ? error.message : String(error),
          )),
    },
  );
