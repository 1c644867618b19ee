import type { AuditEvent, EventType } from '@openprm/core';
import { newId } from '../crypto.js';
import { prepared, type Queryable } from '../db/database.js';

/** An event of the transactional outbox, as a change records it. */
export interface OutboxEvent {
  type: EventType;
  at: Date;
  partnerId: string | null;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

/** An entry of the audit trail, as a change records it. */
export interface AuditEntry {
  subject: { type: string; id: string };
  partnerId: string | null;
  at: Date;
  actor: AuditEvent['actor'];
  action: string;
  from?: string | null;
  to?: string | null;
  data?: Record<string, unknown> | null;
}

const EVENT_COLUMNS = '(id, type, at, partner_id, subject_type, subject_id, data)';
const AUDIT_COLUMNS =
  '(id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status, data)';

/** The values of one `events` row, in `EVENT_COLUMNS` order. */
const eventValues = (event: OutboxEvent) => [
  newId('evt'),
  event.type,
  event.at,
  event.partnerId,
  event.subject.type,
  event.subject.id,
  JSON.stringify(event.data),
];

/** The values of one `audit_events` row, in `AUDIT_COLUMNS` order. */
const auditValues = (entry: AuditEntry) => [
  newId('aud'),
  entry.subject.type,
  entry.subject.id,
  entry.partnerId,
  entry.at,
  JSON.stringify(entry.actor),
  entry.action,
  entry.from ?? null,
  entry.to ?? null,
  entry.data ? JSON.stringify(entry.data) : null,
];

/** Writes an event in the caller's transaction (transactional outbox): it exists iff the change does. */
export const recordEvent = async (tx: Queryable, event: OutboxEvent) => {
  await tx.query(
    `insert into events ${EVENT_COLUMNS} values ($1, $2, $3, $4, $5, $6, $7)`,
    eventValues(event),
  );
};

/** Appends to the audit trail (the table refuses updates and deletes). */
export const recordAudit = async (tx: Queryable, entry: AuditEntry) => {
  await tx.query(
    `insert into audit_events ${AUDIT_COLUMNS} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    auditValues(entry),
  );
};

const AUDIT_AND_EVENT = prepared(
  'record_audit_and_event',
  `with audit as (
     insert into audit_events ${AUDIT_COLUMNS} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))
   insert into events ${EVENT_COLUMNS} values ($11, $12, $13, $14, $15, $16, $17)`,
);

/**
 * `recordAudit` and `recordEvent` in one statement (one round trip): a change's trail entry and
 * its event, in the caller's transaction.
 */
export const recordAuditAndEvent = async (tx: Queryable, entry: AuditEntry, event: OutboxEvent) => {
  await tx.query(AUDIT_AND_EVENT, [...auditValues(entry), ...eventValues(event)]);
};
