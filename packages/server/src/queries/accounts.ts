import type { Account, AccountNode } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso, optional } from './rows.js';

export interface AccountRow {
  id: string;
  name: string;
  normalized_name: string;
  domain: string | null;
  normalized_domain: string | null;
  parent_id: string | null;
  root_id: string;
  vendor_direct: boolean;
  country: string;
  region: string;
  created_at: Date;
}

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  ...optional('domain', row.domain),
  parentId: row.parent_id,
  vendorDirect: row.vendor_direct,
  country: row.country,
  region: row.region,
  normalizedName: row.normalized_name,
  ...optional('normalizedDomain', row.normalized_domain),
  createdAt: iso(row.created_at),
});

/** What the tree rules need of an account row. */
export type AccountNodeRow = Pick<AccountRow, 'id' | 'parent_id' | 'vendor_direct' | 'name'>;

export const toAccountNode = (row: AccountNodeRow): AccountNode & { name: string } => ({
  id: row.id,
  parentId: row.parent_id,
  vendorDirect: row.vendor_direct,
  name: row.name,
});

export const findAccount = async (db: Queryable, id: string) =>
  (await db.query<AccountRow>('select * from accounts where id = $1', [id]))[0] ?? null;

/** Every account of one tree: the rules compare claims within a tree. */
export const accountsOfTree = (db: Queryable, rootId: string) =>
  db.query<AccountRow>('select * from accounts where root_id = $1 order by id', [rootId]);

/**
 * Locks a tree for the rest of the transaction by its root row: two requests that could claim
 * overlapping accounts of one tree (reserve, approve) run one after the other, on any instance.
 */
export const lockTree = async (db: Queryable, rootId: string) => {
  await db.query('select id from accounts where id = $1 for update', [rootId]);
};

export interface NewAccountRow {
  id: string;
  name: string;
  normalizedName: string;
  domain: string | null;
  normalizedDomain: string | null;
  lookupKeys: string[];
  parentId: string | null;
  rootId: string;
  vendorDirect: boolean;
  country: string;
  region: string;
  createdAt: Date | string;
}

/** The columns an inserted account fills, in the order of `accountInsertValues`. */
export const ACCOUNT_INSERT_COLUMNS = `id, name, normalized_name, domain, normalized_domain, lookup_keys, parent_id,
   root_id, vendor_direct, country, region, created_at`;

/** One account's parameters for an insert into `ACCOUNT_INSERT_COLUMNS`. */
export const accountInsertValues = (a: NewAccountRow) => [
  a.id,
  a.name,
  a.normalizedName,
  a.domain,
  a.normalizedDomain,
  a.lookupKeys,
  a.parentId,
  a.rootId,
  a.vendorDirect,
  a.country,
  a.region,
  a.createdAt,
];

export const insertAccount = async (db: Queryable, a: NewAccountRow) =>
  (
    await db.query<AccountRow>(
      `insert into accounts (${ACCOUNT_INSERT_COLUMNS})
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
      accountInsertValues(a),
    )
  )[0] as AccountRow;

/** Accounts met by any of the look-up keys, or whose normalised name starts with `prefix`. */
export const searchAccounts = (
  db: Queryable,
  search: { keys: string[]; prefix: string | null; after: string | null; limit: number },
) =>
  db.query<AccountRow>(
    `select * from accounts
     where ($1::text[] is null or lookup_keys && $1::text[] or ($2::text is not null and normalized_name like $2 || '%'))
       and ($3::text is null or id > $3)
     order by id limit $4`,
    [
      search.keys.length || search.prefix ? search.keys : null,
      search.prefix,
      search.after,
      search.limit,
    ],
  );

export const accountsWithKeys = (db: Queryable, keys: string[], parentId: string | null) =>
  db.query<AccountRow>(
    'select * from accounts where lookup_keys && $1::text[] and parent_id is not distinct from $2',
    [keys, parentId],
  );
