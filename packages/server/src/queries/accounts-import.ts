import type { Queryable } from '../db/database.js';
import {
  ACCOUNT_INSERT_COLUMNS,
  accountInsertValues,
  type NewAccountRow as NewAccountRowAt,
} from './accounts.js';

/** An account ready to insert: everything derived, checked against the file and the database. */
export type NewAccountRow = Omit<NewAccountRowAt, 'createdAt'>;

/** Many accounts in one statement (a batch of 500 uses 6,000 of PostgreSQL's 65,535 parameters). */
export const insertAccounts = async (db: Queryable, rows: readonly NewAccountRow[], now: Date) => {
  if (rows.length === 0) return;
  const parameters = rows.map((row) => accountInsertValues({ ...row, createdAt: now }));
  let next = 0;
  const values = parameters.map((row) => `(${row.map(() => `$${++next}`).join(', ')})`);
  await db.query(
    `insert into accounts (${ACCOUNT_INSERT_COLUMNS})
     values ${values.join(',\n')}`,
    parameters.flat(),
  );
};

/** The root of each given account that exists, by id. */
export const parentRoots = async (db: Queryable, ids: readonly string[]) =>
  new Map(
    ids.length === 0
      ? []
      : (
          await db.query<{ id: string; root_id: string }>(
            'select id, root_id from accounts where id = any($1::text[])',
            [ids],
          )
        ).map((row) => [row.id, row.root_id]),
  );

/**
 * Accounts that hold any of the exact look-up keys (`name:…`, `domain:…`), one row per key held.
 * Found through the btree indexes on the normalised name and domain rather than the GIN index:
 * within an import's transaction the GIN index's pending list grows with every batch, and each
 * look-up would read all of it.
 */
export const accountsByKeys = async (db: Queryable, keys: readonly string[]) => {
  if (keys.length === 0) return [];
  const names = keys.filter((key) => key.startsWith('name:')).map((key) => key.slice(5));
  const domains = keys.filter((key) => key.startsWith('domain:')).map((key) => key.slice(7));
  const rows = await db.query<{
    id: string;
    name: string;
    parent_id: string | null;
    lookup_keys: string[];
  }>(
    `select id, name, parent_id, lookup_keys from accounts
     where normalized_name = any($1::text[]) or normalized_domain = any($2::text[])`,
    [names, domains],
  );
  const wanted = new Set(keys);
  return rows.flatMap((row) =>
    row.lookup_keys
      .filter((key) => wanted.has(key))
      .map((key) => ({ id: row.id, name: row.name, parent_id: row.parent_id, key })),
  );
};
