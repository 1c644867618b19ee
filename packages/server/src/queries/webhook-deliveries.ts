import type { Queryable } from '../db/database.js';

export interface DeliveryLogRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_response_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

/** Webhook deliveries, newest first, optionally of one webhook or in one status. */
export const listDeliveryLog = (
  db: Queryable,
  filter: { webhookId: string | null; status: string | null; limit: number },
) =>
  db.query<DeliveryLogRow>(
    `select d.id, d.webhook_id, d.event_id, e.type as event_type, d.status, d.attempts,
            d.next_attempt_at, d.last_response_status, d.last_error, d.delivered_at
     from webhook_deliveries d
     join events e on e.id = d.event_id
     where ($1::text is null or d.webhook_id = $1)
       and ($2::text is null or d.status = $2)
     order by d.event_seq desc, d.id
     limit $3`,
    [filter.webhookId, filter.status, filter.limit],
  );
