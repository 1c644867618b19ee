import type { Reservation } from '@openprm/core';
import { prepared, type Queryable } from '../db/database.js';
import type { AccountNodeRow } from './accounts.js';
import { iso, optional } from './rows.js';

export interface ReservationRow {
  id: string;
  partner_id: string;
  account_id: string;
  root_id: string;
  region: string | null;
  status: Reservation['status'];
  created_at: Date;
  expires_at: Date;
  renewals: number;
  released_at: Date | null;
}

export const toReservation = (row: ReservationRow): Reservation => ({
  id: row.id,
  partnerId: row.partner_id,
  accountId: row.account_id,
  region: row.region,
  status: row.status,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  renewals: row.renewals,
  ...optional('releasedAt', row.released_at && iso(row.released_at)),
});

export const activeReservationsOfTree = (db: Queryable, rootId: string) =>
  db.query<ReservationRow>(
    "select * from reservations where root_id = $1 and status = 'active' order by created_at, id",
    [rootId],
  );

export const findReservation = async (db: Queryable, id: string, lock = false) =>
  (
    await db.query<ReservationRow>(
      `select * from reservations where id = $1${lock ? ' for update' : ''}`,
      [id],
    )
  )[0] ?? null;

export const insertReservation = async (
  db: Queryable,
  r: {
    id: string;
    partnerId: string;
    accountId: string;
    rootId: string;
    region: string | null;
    createdAt: Date;
    expiresAt: string;
  },
) =>
  (
    await db.query<ReservationRow>(
      `insert into reservations (id, partner_id, account_id, root_id, region, status, created_at, expires_at)
       values ($1, $2, $3, $4, $5, 'active', $6, $7) returning *`,
      [r.id, r.partnerId, r.accountId, r.rootId, r.region, r.createdAt, r.expiresAt],
    )
  )[0] as ReservationRow;

export const updateReservation = async (
  db: Queryable,
  id: string,
  change: {
    status?: Reservation['status'];
    expiresAt?: string;
    renewals?: number;
    releasedAt?: Date;
  },
) =>
  (
    await db.query<ReservationRow>(
      `update reservations set status = coalesce($2, status), expires_at = coalesce($3, expires_at),
         renewals = coalesce($4, renewals), released_at = coalesce($5, released_at)
       where id = $1 returning *`,
      [
        id,
        change.status ?? null,
        change.expiresAt ?? null,
        change.renewals ?? null,
        change.releasedAt ?? null,
      ],
    )
  )[0] as ReservationRow;

export const listReservations = (
  db: Queryable,
  filter: {
    partnerId?: string | undefined;
    accountId?: string | undefined;
    status?: string | undefined;
    after: [string, string] | null;
    limit: number;
  },
) =>
  db.query<ReservationRow>(
    `select * from reservations
     where ($1::text is null or partner_id = $1) and ($2::text is null or account_id = $2)
       and ($3::text is null or status = $3)
       and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::text))
     order by created_at desc, id desc limit $6`,
    [
      filter.partnerId ?? null,
      filter.accountId ?? null,
      filter.status ?? null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );

const TREE_SNAPSHOTS_OF_ACCOUNTS = prepared(
  'tree_snapshots_of_accounts',
  `select
     t.id,
     t.root_id,
     coalesce((select v.version from account_tree_versions v where v.root_id = t.root_id), 0)::text as version,
     coalesce((select v.version from account_tree_versions v where v.root_id = '*'), 0)::text as epoch,
     (select json_agg(json_build_object('id', a.id, 'parent_id', a.parent_id,
        'vendor_direct', a.vendor_direct, 'name', a.name))
      from accounts a where a.root_id = t.root_id) as accounts,
     (select json_agg(r) from reservations r where r.root_id = t.root_id and r.status = 'active') as reservations
   from accounts t where t.id = any($1::text[])`,
);

export interface TreeSnapshot {
  rootId: string;
  /** The tree's version and the epoch (migration 004), bigints as text. */
  version: string;
  epoch: string;
  accounts: AccountNodeRow[];
  reservations: ReservationRow[];
}

/**
 * The trees of the given accounts (what the rules need of each account), their active
 * reservations and versions, in one round trip and one snapshot: the reservation check is the
 * hottest read. Accounts that do not exist are missing from the map.
 */
export const treeSnapshotsOfAccounts = async (db: Queryable, accountIds: readonly string[]) => {
  const rows = await db.query<{
    id: string;
    root_id: string;
    version: string;
    epoch: string;
    accounts: AccountNodeRow[];
    reservations: ReservationRow[] | null;
  }>(TREE_SNAPSHOTS_OF_ACCOUNTS, [accountIds]);
  return new Map<string, TreeSnapshot>(
    rows.map((row) => [
      row.id,
      {
        rootId: row.root_id,
        version: row.version,
        epoch: row.epoch,
        accounts: row.accounts,
        reservations: row.reservations ?? [],
      },
    ]),
  );
};

const TREE_VERSIONS = prepared(
  'tree_versions',
  `select root_id, version::text as version from account_tree_versions
   where root_id = any($1::text[])`,
);

/** The current versions of the given trees and of the epoch `*`; a tree never changed has none. */
export const treeVersions = async (db: Queryable, rootIds: readonly string[]) =>
  new Map(
    (await db.query<{ root_id: string; version: string }>(TREE_VERSIONS, [[...rootIds, '*']])).map(
      (row) => [row.root_id, row.version],
    ),
  );
