/** Webhooks: fan-out from the outbox, signed deliveries with retries, and the timer that runs them. */
export {
  dispatchWebhooks,
  type WebhookDispatchOptions,
  type WebhookDispatchResult,
} from './dispatcher.js';
export { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from './retry-schedule.js';
export { SIGNATURE_HEADER, signWebhookPayload } from './signature.js';
export {
  DEFAULT_WEBHOOK_INTERVAL_MS,
  startWebhookTimer,
  type WebhookTimer,
  type WebhookTimerOptions,
} from './timer.js';
