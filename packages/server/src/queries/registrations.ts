import type {
  ConflictRecord,
  OtherRegistration,
  RegistrationStatus,
  Rejection,
} from '@openprm/core';
import { prepared, type Queryable } from '../db/database.js';
import type { AccountRow } from './accounts.js';
import type { ReservationRow } from './reservations.js';
import { iso, optional } from './rows.js';

export interface RegistrationRow {
  id: string;
  partner_id: string;
  account_id: string;
  root_id: string;
  status: RegistrationStatus;
  products: string[];
  amount: string | number;
  currency: string;
  /** Text from PostgreSQL (see db/postgres.ts); PGlite may hand back a Date at UTC midnight. */
  expected_close_date: string | Date;
  notes: string | null;
  submitted_at: Date;
  decision_due_at: Date;
  sla_breached: boolean;
  approved_at: Date | null;
  expires_at: Date | null;
  margin_benefit_pct: string | number | null;
  rejection: Rejection | null;
  closed_at: Date | null;
  /** The vendor's full view: every conflict as the rules found it, statuses kept current. */
  conflicts: ConflictRecord[];
  warnings_sent: number[];
  escalated_at: Date | null;
  created_by: string;
}

/** What the conflict rules compare: a stored registration as another claim on the tree. */
export const toClaim = (row: RegistrationRow): OtherRegistration => ({
  id: row.id,
  partnerId: row.partner_id,
  accountId: row.account_id,
  products: row.products,
  submittedAt: iso(row.submitted_at),
  status: row.status,
  ...optional('expiresAt', row.expires_at && iso(row.expires_at)),
});

export const findRegistration = async (db: Queryable, id: string, lock = false) =>
  (
    await db.query<RegistrationRow>(
      `select * from registrations where id = $1${lock ? ' for update' : ''}`,
      [id],
    )
  )[0] ?? null;

/** Every column of `RegistrationRow`, named: what a prepared statement may return. */
export const REGISTRATION_COLUMNS = `id, partner_id, account_id, root_id, status, products, amount, currency,
  expected_close_date, notes, submitted_at, decision_due_at, sla_breached, approved_at, expires_at,
  margin_benefit_pct, rejection, closed_at, conflicts, warnings_sent, escalated_at, created_by`;

/** The fields a change may set; absent ones stay as they are. */
export interface RegistrationChange {
  status?: RegistrationStatus;
  approvedAt?: string;
  expiresAt?: string;
  marginBenefitPct?: number;
  rejection?: Rejection;
  closedAt?: string;
  escalatedAt?: string;
  slaBreached?: true;
  /** Warnings are counted against one expiry; a new expiry starts afresh. */
  resetWarnings?: true;
}

export const updateRegistration = async (db: Queryable, id: string, change: RegistrationChange) =>
  (
    await db.query<RegistrationRow>(
      `update registrations set status = coalesce($2, status),
         approved_at = coalesce($3::timestamptz, approved_at),
         expires_at = coalesce($4::timestamptz, expires_at),
         margin_benefit_pct = coalesce($5::numeric, margin_benefit_pct),
         rejection = coalesce($6::jsonb, rejection),
         closed_at = coalesce($7::timestamptz, closed_at),
         escalated_at = coalesce($8::timestamptz, escalated_at),
         sla_breached = sla_breached or $9::boolean,
         warnings_sent = case when $10::boolean then '[]'::jsonb else warnings_sent end
       where id = $1 returning *`,
      [
        id,
        change.status ?? null,
        change.approvedAt ?? null,
        change.expiresAt ?? null,
        change.marginBenefitPct ?? null,
        change.rejection ? JSON.stringify(change.rejection) : null,
        change.closedAt ?? null,
        change.escalatedAt ?? null,
        change.slaBreached ?? false,
        change.resetWarnings ?? false,
      ],
    )
  )[0] as RegistrationRow;

/**
 * Keeps the stored conflicts truthful: every registration of the tree that lists `id` as a
 * conflicting registration now shows its new status.
 */
export const updateConflictStatus = async (
  db: Queryable,
  rootId: string,
  id: string,
  status: RegistrationStatus,
) => {
  await db.query(
    `update registrations set conflicts = (
       select jsonb_agg(case when c->>'kind' = 'registration' and c->>'id' = $2
                        then jsonb_set(c, '{status}', to_jsonb($3::text)) else c end order by n)
       from jsonb_array_elements(conflicts) with ordinality as e(c, n))
     where root_id = $1
       and conflicts @> jsonb_build_array(jsonb_build_object('kind', 'registration', 'id', $2::text))`,
    [rootId, id, status],
  );
};

const TREE_STATES = prepared(
  'tree_states',
  `select t.root_id,
     (select json_agg(a order by a.id) from accounts a where a.root_id = t.root_id) as accounts,
     (select json_agg(r order by r.submitted_at, r.id) from registrations r
        where r.root_id = t.root_id and r.status in ('submitted', 'approved')) as registrations,
     (select json_agg(s order by s.created_at, s.id) from reservations s
        where s.root_id = t.root_id and s.status = 'active') as reservations
   from unnest($1::text[]) as t(root_id)`,
);

export interface TreeStateRows {
  accounts: AccountRow[];
  registrations: RegistrationRow[];
  reservations: ReservationRow[];
}

/**
 * Trees as the conflict rules see them, in one round trip and one snapshot: each tree's accounts
 * (by id), its registrations that may still hold a claim (by submission) and its active
 * reservations (by creation), by root id. Rows come as JSON: timestamps as text, which the row
 * mappers accept.
 */
export const treeStateRows = async (db: Queryable, rootIds: readonly string[]) => {
  const rows = await db.query<{
    root_id: string;
    accounts: AccountRow[] | null;
    registrations: RegistrationRow[] | null;
    reservations: ReservationRow[] | null;
  }>(TREE_STATES, [[...new Set(rootIds)]]);
  return new Map<string, TreeStateRows>(
    rows.map((row) => [
      row.root_id,
      {
        accounts: row.accounts ?? [],
        registrations: row.registrations ?? [],
        reservations: row.reservations ?? [],
      },
    ]),
  );
};
