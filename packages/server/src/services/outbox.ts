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
 * Inserts the rows of a JSON array parameter (`eventRow`s), in array order: `seq` follows it, so
 * readers of the outbox see a change's events in the order they were recorded.
 */
const insertEvents = (parameter: string) => `
  insert into events (id, type, at, partner_id, subject_type, subject_id, data)
  select id, type, at, partner_id, subject_type, subject_id, data
  from rows from (jsonb_to_recordset(${parameter}::jsonb) as (id text, type text, at timestamptz,
    partner_id text, subject_type text, subject_id text, data jsonb))
    with ordinality as x(id, type, at, partner_id, subject_type, subject_id, data, n)
  order by n`;

/** Inserts the rows of a JSON array parameter (`auditRow`s), in array order (`seq`). */
const insertAudits = (parameter: string) => `
  insert into audit_events
    (id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status, data)
  select id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status,
    nullif(data, 'null')
  from rows from (jsonb_to_recordset(${parameter}::jsonb) as (id text, subject_type text,
    subject_id text, partner_id text, at timestamptz, actor jsonb, action text, from_status text,
    to_status text, data jsonb))
    with ordinality as x(id, subject_type, subject_id, partner_id, at, actor, action, from_status,
      to_status, data, n)
  order by n`;

const RECORD_EVENTS = prepared('record_events', insertEvents('$1'));
const RECORD_AUDITS = prepared('record_audits', insertAudits('$1'));
const RECORD_AUDITS_AND_EVENTS = prepared(
  'record_audits_and_events',
  `with audit as (${insertAudits('$1')}) ${insertEvents('$2')}`,
);

/** Writes an event in the caller's transaction (transactional outbox): it exists iff the change does. */
export const recordEvent = async (tx: Queryable, event: OutboxEvent) => {
  await tx.query(RECORD_EVENTS, [JSON.stringify([eventRow(event)])]);
};

/** Appends to the audit trail (the table refuses updates and deletes). */
export const recordAudit = async (tx: Queryable, entry: AuditEntry) => {
  await tx.query(RECORD_AUDITS, [JSON.stringify([auditRow(entry)])]);
};

/**
 * `recordAudit` and `recordEvent` for many changes in one statement (one round trip): each
 * change's trail entry and its event, in the caller's transaction and in the given order.
 */
export const recordAuditAndEvents = async (
  tx: Queryable,
  changes: readonly { entry: AuditEntry; event: OutboxEvent }[],
) => {
  if (changes.length === 0) return;
  await tx.query(RECORD_AUDITS_AND_EVENTS, [
    JSON.stringify(changes.map(({ entry }) => auditRow(entry))),
    JSON.stringify(changes.map(({ event }) => eventRow(event))),
  ]);
};

/** One change's trail entry and event in one statement. */
export const recordAuditAndEvent = (tx: Queryable, entry: AuditEntry, event: OutboxEvent) =>
  recordAuditAndEvents(tx, [{ entry, event }]);
