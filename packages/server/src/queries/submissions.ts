import type { ConflictRecord, Rejection } from '@openprm/core';
import { prepared, type Queryable } from '../db/database.js';
import type { Write } from '../db/writes.js';
import type { AccountRow } from './accounts.js';
import {
  type AcceptanceRow,
  type GateFactsRow,
  gateFactsColumns,
  toGateFacts,
} from './contracts.js';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registrations.js';

/** The statements of deal submissions, each written for many submissions at once. */

/**
 * The facts statement; `skipBusy`: a tree another transaction holds is skipped, not waited for.
 * The roots it locked come back as `locked`.
 */
const submissionFactsStatement = (skipBusy: boolean) =>
  prepared(
    skipBusy ? 'submission_facts_skip_busy' : 'submission_facts',
    `with locked as (
       select id from accounts
       where id in (select root_id from accounts where id = any($2::text[]))
       order by id for update${skipBusy ? ' skip locked' : ''})
     select (select json_agg(id) from locked) as locked,
       (select json_agg(p.id) from partners p where p.id = any($1::text[])) as partners,
       (select json_agg(a) from accounts a where a.id = any($2::text[])) as accounts,
       ${gateFactsColumns('x.partner_id = any($1::text[])')}`,
  );

const WAIT = submissionFactsStatement(false);
const SKIP_BUSY = submissionFactsStatement(true);

/**
 * What submissions check before their rules, in one round trip: which partners exist, the
 * accounts, and the contract gate's facts; and it locks the accounts' trees (their root rows, as
 * `lockTree` does, in id order) for the rest of the transaction. With `skipBusy`, trees another
 * transaction holds are left out (`isLocked` says which were taken), so a batch never waits for
 * one tree, nor waits in a circle with another transaction holding several. Trees must be read
 * after this statement: a read in the same statement would see them as they were before a lock
 * wait.
 */
export const submissionFacts = async (
  db: Queryable,
  requests: readonly { partnerId: string; accountId: string }[],
  skipBusy: boolean,
) => {
  const [row] = await db.query<
    GateFactsRow & {
      partners: string[] | null;
      accounts: AccountRow[] | null;
      locked: string[] | null;
    }
  >(skipBusy ? SKIP_BUSY : WAIT, [
    requests.map((request) => request.partnerId),
    requests.map((request) => request.accountId),
  ]);
  const partners = new Set(row?.partners ?? []);
  const accounts = new Map((row?.accounts ?? []).map((account) => [account.id, account]));
  const locked = new Set(row?.locked ?? []);
  const acceptances = row?.acceptances ?? [];
  return {
    partnerExists: (partnerId: string) => partners.has(partnerId),
    account: (accountId: string) => accounts.get(accountId) ?? null,
    isLocked: (rootId: string) => locked.has(rootId),
    /** The contract gate's facts for one partner. */
    gate: (partnerId: string) =>
      toGateFacts({
        contracts: row?.contracts ?? null,
        versions: row?.versions ?? null,
        acceptances: acceptances.filter((x: AcceptanceRow) => x.partner_id === partnerId),
      }),
  };
};

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

const INSERT_REGISTRATIONS = prepared(
  'insert_registrations',
  `insert into registrations (id, partner_id, account_id, root_id, status, products, amount, currency,
     expected_close_date, notes, submitted_at, decision_due_at, rejection, conflicts, created_by)
   select id, "partnerId", "accountId", "rootId", status, products, amount, currency,
     "expectedCloseDate", notes, "submittedAt", "decisionDueAt", nullif(rejection, 'null'),
     conflicts, "createdBy"
   from jsonb_to_recordset($1::jsonb) as r(id text, "partnerId" text, "accountId" text,
     "rootId" text, status text, products jsonb, amount numeric, currency text,
     "expectedCloseDate" date, notes text, "submittedAt" timestamptz, "decisionDueAt" timestamptz,
     rejection jsonb, conflicts jsonb, "createdBy" text)
   returning ${REGISTRATION_COLUMNS}`,
);

/** Inserts registrations in one statement; answers the stored rows, by id. */
export const insertRegistrations = async (db: Queryable, rows: readonly NewRegistrationRow[]) => {
  if (rows.length === 0) return new Map<string, RegistrationRow>();
  const stored = await db.query<RegistrationRow>(INSERT_REGISTRATIONS, [JSON.stringify(rows)]);
  return new Map(stored.map((row) => [row.id, row]));
};

/** Adds conflicts found later (newer claims on the tree) to registrations' stored ones. */
export const appendConflictsWrite = (added: ReadonlyMap<string, ConflictRecord[]>): Write | null =>
  added.size === 0
    ? null
    : {
        name: 'append_conflicts',
        text: `update registrations r set conflicts = r.conflicts || a.added
          from jsonb_to_recordset($1::jsonb) as a(id text, added jsonb) where r.id = a.id`,
        params: [JSON.stringify([...added].map(([id, conflicts]) => ({ id, added: conflicts })))],
      };
