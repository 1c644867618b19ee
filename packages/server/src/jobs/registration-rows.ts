import type { RegistrationStatus } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import type { RegistrationRow } from '../queries/registrations.js';
import { iso, optional } from '../queries/rows.js';

/*
 * The jobs' own small SQL over `registrations`: they claim rows in bulk with `skip locked`,
 * which the registrations API (one registration per request) has no need for.
 */

/** A stored registration as the facts core's time rules read. */
export const toRuleFacts = (row: RegistrationRow) => ({
  id: row.id,
  status: row.status,
  decisionDueAt: iso(row.decision_due_at),
  slaBreached: row.sla_breached,
  ...optional('expiresAt', row.expires_at && iso(row.expires_at)),
});

interface Claim {
  afterId: string;
  limit: number;
}

/**
 * Locks and returns candidate rows after `afterId` in id order, skipping rows another
 * transaction holds (`skip locked`): the `where` only narrows, the rule decides.
 */
const claim = (tx: Queryable, where: string, params: unknown[], { afterId, limit }: Claim) =>
  tx.query<RegistrationRow>(
    `select * from registrations
     where ${where} and id > $${params.length + 1}
     order by id limit $${params.length + 2} for update skip locked`,
    [...params, afterId, limit],
  );

/** Still awaiting a decision after its due time and not flagged yet. */
export const claimUndecidedPastDue = (tx: Queryable, now: Date, page: Claim) =>
  claim(tx, "status = 'submitted' and not sla_breached and decision_due_at < $1", [now], page);

/** Approved, with the protection period over. */
export const claimApprovedPastExpiry = (tx: Queryable, now: Date, page: Claim) =>
  claim(tx, "status = 'approved' and expires_at <= $1", [now], page);

/** Approved and expiring within `horizon`: the only ones a warning can be due for. */
export const claimApprovedExpiringBefore = (tx: Queryable, now: Date, horizon: Date, page: Claim) =>
  claim(tx, "status = 'approved' and expires_at > $1 and expires_at <= $2", [now, horizon], page);

export const setRegistrationStatus = (tx: Queryable, ids: string[], status: RegistrationStatus) =>
  tx.query<RegistrationRow>(
    `update registrations set status = $2 where id = any($1::text[]) returning *`,
    [ids, status],
  );

export const flagSlaBreached = (tx: Queryable, ids: string[]) =>
  tx.query<RegistrationRow>(
    `update registrations set sla_breached = true where id = any($1::text[]) returning *`,
    [ids],
  );

export const setWarningsSent = (tx: Queryable, id: string, warningsSent: number[]) =>
  tx.query(`update registrations set warnings_sent = $2 where id = $1`, [
    id,
    JSON.stringify(warningsSent),
  ]);
