import { addDays, addHours } from '@openprm/core';
import type { Queryable } from '../db/database.js';

/**
 * Test helpers for the jobs: registrations written straight into the table (the jobs depend on
 * the schema, not on the registrations API), and the events and audit rows a subject got.
 */
export const insertRegistration = async (
  db: Queryable,
  r: {
    id: string;
    partnerId: string;
    accountId: string;
    status: 'submitted' | 'approved';
    submittedAt: Date;
    /** Approved registrations: protection days from `submittedAt`. */
    protectionDays?: number;
  },
) => {
  const submittedAt = r.submittedAt.toISOString();
  const approved = r.status === 'approved';
  await db.query(
    `insert into registrations (id, partner_id, account_id, root_id, status, products, amount, currency,
       expected_close_date, submitted_at, decision_due_at, approved_at, expires_at, margin_benefit_pct, created_by)
     select $1, $2, a.id, a.root_id, $4, '["Widgets"]', 25000, 'EUR', '2027-03-31', $5, $6, $7, $8, $9, 'key_partner1'
     from accounts a where a.id = $3`,
    [
      r.id,
      r.partnerId,
      r.accountId,
      r.status,
      submittedAt,
      addHours(submittedAt, 48),
      approved ? submittedAt : null,
      approved ? addDays(submittedAt, r.protectionDays ?? 90) : null,
      approved ? 5 : null,
    ],
  );
};

export const eventsOf = (db: Queryable, subjectId: string, type?: string) =>
  db.query<{ type: string; at: Date; partner_id: string | null; data: Record<string, unknown> }>(
    `select type, at, partner_id, data from events
     where subject_id = $1 and ($2::text is null or type = $2) order by seq`,
    [subjectId, type ?? null],
  );

export const auditOf = (db: Queryable, subjectId: string, action?: string) =>
  db.query<{
    action: string;
    actor: { type: string; id: string };
    from_status: string | null;
    to_status: string | null;
  }>(
    `select action, actor, from_status, to_status from audit_events
     where subject_id = $1 and ($2::text is null or action = $2) order by seq`,
    [subjectId, action ?? null],
  );

export const registrationState = async (db: Queryable, id: string) =>
  (
    await db.query<{ status: string; sla_breached: boolean; warnings_sent: number[] }>(
      'select status, sla_breached, warnings_sent from registrations where id = $1',
      [id],
    )
  )[0];
