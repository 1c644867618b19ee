import type { AuditEvent, EventType } from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';

/** Writes an event in the caller's transaction (transactional outbox): it exists iff the change does. */
export const recordEvent = async (
  tx: Queryable,
  event: {
    type: EventType;
    at: Date;
    partnerId: string | null;
    subject: { type: string; id: string };
    data: Record<string, unknown>;
  },
) => {
  await tx.query(
    `insert into events (id, type, at, partner_id, subject_type, subject_id, data)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      newId('evt'),
      event.type,
      event.at,
      event.partnerId,
      event.subject.type,
      event.subject.id,
      JSON.stringify(event.data),
    ],
  );
};

/** Appends to the audit trail (the table refuses updates and deletes). */
export const recordAudit = async (
  tx: Queryable,
  entry: {
    subject: { type: string; id: string };
    partnerId: string | null;
    at: Date;
    actor: AuditEvent['actor'];
    action: string;
    from?: string | null;
    to?: string | null;
    data?: Record<string, unknown> | null;
  },
) => {
  await tx.query(
    `insert into audit_events (id, subject_type, subject_id, partner_id, at, actor, action, from_status, to_status, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
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
    ],
  );
};
