import type { PrmEvent } from '@openprm/core';
import type { Database } from '../db/database.js';
import { type EventRow, toEvent } from '../queries/events.js';

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  /** This attempt's number (1 for the first): the claim's token when its outcome is recorded. */
  attempt: number;
  queuedAt: Date;
  url: string;
  secret: string;
  event: PrmEvent;
}

/** A delivery row joined with its event; `id` is the delivery's, `event_id` the event's. */
interface ClaimRow extends Omit<EventRow, 'id'> {
  id: string;
  attempts: number;
  created_at: Date | string;
  url: string;
  secret: string;
  deleted: boolean;
  event_id: string;
}

/**
 * Claims up to `limit` due deliveries for one attempt each. `for update skip locked` keeps two
 * instances from claiming the same row; the claim then moves `next_attempt_at` to the end of a
 * lease and commits, so no transaction stays open while the receiver answers. An instance that
 * dies mid-attempt leaves a lease that runs out: the delivery is tried again (at least once).
 */
export const claimDueDeliveries = (
  db: Database,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> =>
  db.transaction(async (tx) => {
    const rows = await tx.query<ClaimRow>(
      `select d.id, d.attempts, d.created_at, w.url, w.secret, w.deleted_at is not null as deleted,
              e.id as event_id, e.type, e.at, e.partner_id, e.subject_type, e.subject_id, e.data
       from webhook_deliveries d
       join webhooks w on w.id = d.webhook_id
       join events e on e.id = d.event_id
       where d.status = 'pending' and d.next_attempt_at <= $1
       order by d.next_attempt_at, d.event_seq
       limit $2
       for update of d skip locked`,
      [options.now, options.limit],
    );
    // Queued by a fan-out that overlapped the webhook's deletion: cancelled, never sent.
    const orphans = rows.filter((row) => row.deleted).map((row) => row.id);
    if (orphans.length > 0) {
      await tx.query(`update webhook_deliveries set status = 'cancelled' where id = any($1)`, [
        orphans,
      ]);
    }
    const due = rows.filter((row) => !row.deleted);
    if (due.length === 0) return [];
    await tx.query(
      `update webhook_deliveries
       set attempts = attempts + 1, last_attempt_at = $2, next_attempt_at = $3
       where id = any($1)`,
      [due.map((row) => row.id), options.now, new Date(options.now.getTime() + options.leaseMs)],
    );
    return due.map((row) => ({
      id: row.id,
      attempt: row.attempts + 1,
      queuedAt: new Date(row.created_at),
      url: row.url,
      secret: row.secret,
      event: toEvent({ ...row, id: row.event_id }),
    }));
  });

export type AttemptOutcome =
  | { kind: 'delivered'; responseStatus: number }
  | { kind: 'retry'; responseStatus: number | null; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; responseStatus: number | null; error: string };

/**
 * Writes the attempt to the log and its outcome to the delivery. Only while the claim still
 * holds (same attempt, still pending): a delivery cancelled meanwhile stays cancelled.
 */
export const recordAttempt = (
  db: Database,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: Date,
  durationMs: number,
) =>
  db.transaction(async (tx) => {
    const status = outcome.kind === 'retry' ? 'pending' : outcome.kind;
    const error = outcome.kind === 'delivered' ? null : outcome.error;
    await tx.query(
      `insert into webhook_delivery_attempts (delivery_id, attempt, at, response_status, error, duration_ms)
       values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing`,
      [delivery.id, delivery.attempt, at, outcome.responseStatus, error, durationMs],
    );
    await tx.query(
      `update webhook_deliveries
       set status = $3,
           last_response_status = $4,
           last_error = $5,
           delivered_at = case when $3 = 'delivered' then $6::timestamptz else delivered_at end,
           next_attempt_at = coalesce($7::timestamptz, next_attempt_at)
       where id = $1 and attempts = $2 and status = 'pending'`,
      [
        delivery.id,
        delivery.attempt,
        status,
        outcome.responseStatus,
        error,
        at,
        outcome.kind === 'retry' ? outcome.nextAttemptAt : null,
      ],
    );
  });
