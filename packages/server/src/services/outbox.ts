import type { AuditEvent, EventType } from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { runWrites, type Write } from '../db/writes.js';

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

/** The `events` row of an event, by column. */
const eventRow = (event: OutboxEvent) => ({
  id: newId('evt'),
  type: event.type,
  at: event.at.toISOString(),
  partner_id: event.partnerId,
  subject_type: event.subject.type,
  subject_id: event.subject.id,
  data: event.data,
});

/** The `audit_events` row of a trail entry, by column. */
const auditRow = (entry: AuditEntry) => ({
  id: newId('aud'),
  subject_type: entry.subject.type,
  subject_id: entry.subject.id,
  partner_id: entry.partnerId,
  at: entry.at.toISOString(),
  actor: entry.actor,
  action: entry.action,
  from_status: entry.from ?? null,
  to_status: entry.to ?? null,
  data: entry.data ?? null,
});

/**
 * Inserts events, in the given order: `seq` follows it, so readers of the outbox see a change's
 * events in the order they were recorded.
 */
export const eventsWrite = (events: readonly OutboxEvent[]): Write => ({
  name: 'record_events',
  text: `insert into events (id, type, at, partner_id, subject_type, subject_id, data)
    select id, type, at, partner_id, subject_type, subject_id, data
    from rows from (jsonb_to_recordset($1::jsonb) as (id text, type text, at timestamptz,
      partner_id text, subject_type text, subject_id text, data jsonb))
      with ordinality as x(id, type, at, partner_id, subject_type, subject_id, data, n)
    order by n`,
  params: [JSON.stringify(events.map(eventRow))],
});

/** Appends to the audit trail (the table refuses updates and deletes), in the given order. */
export const auditsWrite = (entries: readonly AuditEntry[]): Write => ({
  name: 'record_audits',
  text: `insert into audit_events
      (id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status, data)
    select id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status,
      nullif(data, 'null')
    from rows from (jsonb_to_recordset($1::jsonb) as (id text, subject_type text,
      subject_id text, partner_id text, at timestamptz, actor jsonb, action text, from_status text,
      to_status text, data jsonb))
      with ordinality as x(id, subject_type, subject_id, partner_id, at, actor, action, from_status,
        to_status, data, n)
    order by n`,
  params: [JSON.stringify(entries.map(auditRow))],
});

/** Writes an event in the caller's transaction (transactional outbox): it exists iff the change does. */
export const recordEvent = (tx: Queryable, event: OutboxEvent) =>
  runWrites(tx, [eventsWrite([event])]);

/** Appends to the audit trail. */
export const recordAudit = (tx: Queryable, entry: AuditEntry) =>
  runWrites(tx, [auditsWrite([entry])]);

/** Each change's trail entry and its event, in their order (for `runWrites` or `collectWrites`). */
export const auditAndEventWrites = (
  changes: readonly { entry: AuditEntry; event: OutboxEvent }[],
): Write[] =>
  changes.length === 0
    ? []
    : [
        auditsWrite(changes.map(({ entry }) => entry)),
        eventsWrite(changes.map(({ event }) => event)),
      ];

/** One change's trail entry and event, in one statement. */
export const recordAuditAndEvent = (tx: Queryable, entry: AuditEntry, event: OutboxEvent) =>
  runWrites(tx, auditAndEventWrites([{ entry, event }]));
