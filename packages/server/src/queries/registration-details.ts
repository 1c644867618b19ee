import type { Actor, AuditEvent, Comment, Extension } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso, optional } from './rows.js';

/** Extension requests, comments and the audit trail of registrations. */

export interface ExtensionRow {
  id: string;
  registration_id: string;
  requested_at: Date;
  justification: string;
  days: number;
  status: Extension['status'];
  decided_at: Date | null;
  decision_reason: string | null;
}

export const toExtension = (row: ExtensionRow): Extension => ({
  id: row.id,
  requestedAt: iso(row.requested_at),
  justification: row.justification,
  days: row.days,
  status: row.status,
  ...optional('decidedAt', row.decided_at && iso(row.decided_at)),
  ...optional('decisionReason', row.decision_reason),
});

/** Every extension of the given registrations, in the order they were asked for. */
export const extensionsOf = (db: Queryable, registrationIds: readonly string[]) =>
  db.query<ExtensionRow>(
    'select * from registration_extensions where registration_id = any($1::text[]) order by seq',
    [registrationIds],
  );

export const insertExtension = async (
  db: Queryable,
  e: {
    id: string;
    registrationId: string;
    requestedAt: string;
    justification: string;
    days: number;
  },
) =>
  (
    await db.query<ExtensionRow>(
      `insert into registration_extensions (id, registration_id, requested_at, justification, days, status)
       values ($1, $2, $3, $4, $5, 'requested') returning *`,
      [e.id, e.registrationId, e.requestedAt, e.justification, e.days],
    )
  )[0] as ExtensionRow;

export const decideExtensionRow = async (db: Queryable, decided: Extension) =>
  (
    await db.query<ExtensionRow>(
      `update registration_extensions set status = $2, decided_at = $3, decision_reason = $4
       where id = $1 returning *`,
      [decided.id, decided.status, decided.decidedAt ?? null, decided.decisionReason ?? null],
    )
  )[0] as ExtensionRow;

export interface CommentRow {
  id: string;
  registration_id: string;
  at: Date;
  author: Actor;
  kind: Comment['kind'];
  body: string;
}

export const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  at: iso(row.at),
  author: row.author,
  kind: row.kind,
  body: row.body,
});

/** The conversation of the given registrations, as written. */
export const commentsOf = (db: Queryable, registrationIds: readonly string[]) =>
  db.query<CommentRow>(
    'select * from registration_comments where registration_id = any($1::text[]) order by seq',
    [registrationIds],
  );

export const insertComment = async (
  db: Queryable,
  c: {
    id: string;
    registrationId: string;
    at: Date;
    author: Actor;
    kind: Comment['kind'];
    body: string;
  },
) =>
  (
    await db.query<CommentRow>(
      `insert into registration_comments (id, registration_id, at, author, kind, body)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [c.id, c.registrationId, c.at, JSON.stringify(c.author), c.kind, c.body],
    )
  )[0] as CommentRow;

interface AuditRow {
  id: string;
  at: Date;
  actor: Actor;
  action: string;
  from_status: string | null;
  to_status: string | null;
  data: Record<string, unknown> | null;
}

const toAuditEvent = (row: AuditRow): AuditEvent => ({
  id: row.id,
  at: iso(row.at),
  actor: row.actor,
  action: row.action,
  ...optional('from', row.from_status),
  ...optional('to', row.to_status),
  ...optional('data', row.data),
});

/** A registration's trail in the order it was written (`seq`), whatever the timestamps say. */
export const auditTrailOf = async (db: Queryable, registrationId: string) =>
  (
    await db.query<AuditRow>(
      `select id, at, actor, action, from_status, to_status, data from audit_events
       where subject_type = 'registration' and subject_id = $1 order by seq`,
      [registrationId],
    )
  ).map(toAuditEvent);
