import type { Database } from '../db/database.js';
import { version as serverVersion } from '../version.js';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordAttempt,
} from './deliveries.js';
import { fanOutEvents } from './fan-out.js';
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt, type RetrySchedule } from './retry-schedule.js';
import { type SendResult, sendDelivery } from './send.js';

export interface WebhookDispatchOptions {
  /**
   * What is due, the signature's timestamp, the retry times: a fixed moment (tests), or a clock
   * read again for each batch, so a long run never signs with a stale timestamp.
   */
  now: Date | (() => Date);
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** A receiver that has not answered by then has failed this attempt. @default 10_000 */
  timeoutMs?: number;
  /** Deliveries claimed (and sent in parallel) at a time. @default 10 */
  batchSize?: number;
  retry?: Partial<RetrySchedule>;
  /** Jitter source, in [0, 1). @default Math.random */
  random?: () => number;
  /** Sent as `user-agent: OpenPRM-Webhooks/<version>`. @default this package's version */
  version?: string;
}

export interface WebhookDispatchResult {
  /** Deliveries created from new outbox events. */
  queued: number;
  delivered: number;
  /** Attempts that failed and will be tried again. */
  retrying: number;
  /** Deliveries given up after the retry period. */
  failed: number;
}

const outcomeOf = (
  result: SendResult,
  delivery: ClaimedDelivery,
  now: Date,
  schedule: RetrySchedule,
  random: () => number,
): AttemptOutcome => {
  if (result.ok) return { kind: 'delivered', responseStatus: result.status };
  const next = nextAttemptAt(
    schedule,
    { attempts: delivery.attempt, queuedAt: delivery.queuedAt },
    now,
    random,
  );
  return next === null
    ? { kind: 'failed', responseStatus: result.status, error: result.error }
    : { kind: 'retry', responseStatus: result.status, error: result.error, nextAttemptAt: next };
};

/**
 * One run of the webhook dispatcher: new outbox events become deliveries (fan-out), then every
 * due delivery gets one attempt. Safe with any number of instances on one PostgreSQL: fan-out
 * runs on one at a time, and each delivery is claimed by one instance per attempt. The secret
 * signs the body and is never logged or stored anywhere else.
 */
export const dispatchWebhooks = async (
  db: Database,
  options: WebhookDispatchOptions,
): Promise<WebhookDispatchResult> => {
  const { now: moment } = options;
  const clock = typeof moment === 'function' ? moment : () => moment;
  const send = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    userAgent: `OpenPRM-Webhooks/${options.version ?? serverVersion}`,
  };
  const schedule = { ...DEFAULT_RETRY_SCHEDULE, ...options.retry };
  const random = options.random ?? Math.random;
  const limit = options.batchSize ?? 10;
  // The lease outlasts the attempt, so a slow receiver is not sent the same event twice at once.
  const leaseMs = send.timeoutMs + 50_000;
  const result: WebhookDispatchResult = {
    queued: await fanOutEvents(db, clock()),
    delivered: 0,
    retrying: 0,
    failed: 0,
  };
  for (;;) {
    const now = clock();
    const claimed = await claimDueDeliveries(db, { now, limit, leaseMs });
    await Promise.all(
      claimed.map(async (delivery) => {
        const started = performance.now();
        const sent = await sendDelivery(delivery, { ...send, now });
        const outcome = outcomeOf(sent, delivery, now, schedule, random);
        await recordAttempt(db, delivery, outcome, now, Math.round(performance.now() - started));
        result[outcome.kind === 'retry' ? 'retrying' : outcome.kind] += 1;
      }),
    );
    // A short batch means nothing else is due; failed ones are due again only later.
    if (claimed.length < limit) return result;
  }
};
