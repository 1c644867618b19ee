import type {
  ConflictRecord,
  OtherRegistration,
  RegistrationStatus,
  Rejection,
} from '@openprm/core';
import { prepared, type Queryable } from '../db/database.js';
import type { AccountRow } from './accounts.js';
import { GATE_FACTS_COLUMNS, type GateFactsRow, toGateFacts } from './contracts.js';
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

export interface NewRegistrationRow {
  id: string;
  partnerId: string;
  accountId: string;
  rootId: string;
  status: 'submitted' | 'rejected';
  products: string[];
  amount: number;
  currency: string;
  expectedCloseDate: string;
  notes: string | null;
  submittedAt: string;
  decisionDueAt: string;
  rejection: Rejection | null;
  conflicts: ConflictRecord[];
  createdBy: string;
}

/** Every column of `RegistrationRow`, named: what a prepared statement may return. */
const REGISTRATION_COLUMNS = `id, partner_id, account_id, root_id, status, products, amount, currency,
  expected_close_date, notes, submitted_at, decision_due_at, sla_breached, approved_at, expires_at,
  margin_benefit_pct, rejection, closed_at, conflicts, warnings_sent, escalated_at, created_by`;

const INSERT_REGISTRATION = prepared(
  'insert_registration',
  `insert into registrations (id, partner_id, account_id, root_id, status, products, amount, currency,
     expected_close_date, notes, submitted_at, decision_due_at, rejection, conflicts, created_by)
   values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
   returning ${REGISTRATION_COLUMNS}`,
);

export const insertRegistration = async (db: Queryable, r: NewRegistrationRow) =>
  (
    await db.query<RegistrationRow>(INSERT_REGISTRATION, [
      r.id,
      r.partnerId,
      r.accountId,
      r.rootId,
      r.status,
      JSON.stringify(r.products),
      r.amount,
      r.currency,
      r.expectedCloseDate,
      r.notes,
      r.submittedAt,
      r.decisionDueAt,
      r.rejection ? JSON.stringify(r.rejection) : null,
      JSON.stringify(r.conflicts),
      r.createdBy,
    ])
  )[0] as RegistrationRow;

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

/** Adds conflicts found later (a newer claim on the tree) to a registration's stored ones. */
export const appendConflicts = async (db: Queryable, id: string, conflicts: ConflictRecord[]) => {
  await db.query('update registrations set conflicts = conflicts || $2::jsonb where id = $1', [
    id,
    JSON.stringify(conflicts),
  ]);
};

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

const SUBMISSION_FACTS = prepared(
  'submission_facts',
  `with target as (select * from accounts where id = $2),
     locked as (select id from accounts where id = (select root_id from target) for update)
   select exists (select 1 from partners where id = $1) as partner_exists,
     (select row_to_json(t) from target t) as account,
     (select count(*) from locked) as locked,
     ${GATE_FACTS_COLUMNS}`,
);

/**
 * What a submission checks before its rules, in one round trip: whether the partner exists, the
 * account, and the contract gate's facts; and it locks the account's tree (its root row, as
 * `lockTree` does) for the rest of the transaction. The tree itself must be read after this
 * statement: a read in the same statement would see the tree as it was before the lock wait.
 */
export const submissionFacts = async (db: Queryable, partnerId: string, accountId: string) => {
  const [row] = await db.query<
    GateFactsRow & { partner_exists: boolean; account: AccountRow | null; locked: unknown }
  >(SUBMISSION_FACTS, [partnerId, accountId]);
  return {
    partnerExists: row?.partner_exists ?? false,
    account: row?.account ?? null,
    gate: toGateFacts(row),
  };
};

const TREE_STATE = prepared(
  'tree_state',
  `select
     (select json_agg(a order by a.id) from accounts a where a.root_id = $1) as accounts,
     (select json_agg(r order by r.submitted_at, r.id) from registrations r
        where r.root_id = $1 and r.status in ('submitted', 'approved')) as registrations,
     (select json_agg(s order by s.created_at, s.id) from reservations s
        where s.root_id = $1 and s.status = 'active') as reservations`,
);

/**
 * One tree as the conflict rules see it, in one round trip and one snapshot: its accounts (by id),
 * its registrations that may still hold a claim (by submission) and its active reservations
 * (by creation). Rows come as JSON: timestamps as text, which the row mappers accept.
 */
export const treeStateRows = async (db: Queryable, rootId: string) => {
  const [row] = await db.query<{
    accounts: AccountRow[] | null;
    registrations: RegistrationRow[] | null;
    reservations: ReservationRow[] | null;
  }>(TREE_STATE, [rootId]);
  return {
    accounts: row?.accounts ?? [],
    registrations: row?.registrations ?? [],
    reservations: row?.reservations ?? [],
  };
};
