import type { EventType } from '@openprm/core';
import type { Queryable } from '../db/database.js';

export interface WebhookRow {
  id: string;
  url: string;
  event_types: EventType[];
  created_at: Date;
}

export const insertWebhook = async (
  tx: Queryable,
  webhook: { id: string; url: string; eventTypes: string[]; secret: string; createdAt: Date },
): Promise<WebhookRow> => {
  // from_seq: the newest event now; the webhook is sent what happens after its creation.
  const [row] = await tx.query<WebhookRow>(
    `insert into webhooks (id, url, event_types, secret, from_seq, created_at)
     values ($1, $2, $3, $4, (select coalesce(max(seq), 0) from events), $5)
     returning id, url, event_types, created_at`,
    [webhook.id, webhook.url, webhook.eventTypes, webhook.secret, webhook.createdAt],
  );
  return row as WebhookRow;
};

/** Active webhooks, oldest first, after the `(created_at, id)` cursor; never the secret. */
export const listWebhooks = (
  tx: Queryable,
  options: { after: [string, string] | null; limit: number },
) =>
  tx.query<WebhookRow>(
    `select id, url, event_types, created_at from webhooks
     where deleted_at is null
       and ($1::timestamptz is null or (created_at, id) > ($1::timestamptz, $2::text))
     order by created_at, id
     limit $3`,
    [options.after?.[0] ?? null, options.after?.[1] ?? null, options.limit],
  );

/** Marks the webhook deleted; false when there is no such active webhook. */
export const deleteWebhook = async (tx: Queryable, id: string, now: Date): Promise<boolean> => {
  const rows = await tx.query(
    'update webhooks set deleted_at = $2 where id = $1 and deleted_at is null returning id',
    [id, now],
  );
  return rows.length > 0;
};

/** Its pending deliveries will never be sent: the log says so instead of leaving them pending. */
export const cancelPendingDeliveries = (tx: Queryable, webhookId: string) =>
  tx.query(
    `update webhook_deliveries set status = 'cancelled'
     where webhook_id = $1 and status = 'pending'`,
    [webhookId],
  );
