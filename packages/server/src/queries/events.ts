import type { PrmEvent } from '@openprm/core';

/** The columns of an `events` (outbox) row that make up the event itself. */
export interface EventRow {
  id: string;
  type: PrmEvent['type'];
  at: Date | string;
  partner_id: string | null;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
}

/** The event as `GET /v1/events` and the webhooks send it, so one parser serves both. */
export const toEvent = (row: EventRow): PrmEvent => ({
  id: row.id,
  type: row.type,
  at: new Date(row.at).toISOString(),
  partnerId: row.partner_id,
  subject: { type: row.subject_type, id: row.subject_id },
  data: row.data,
});
