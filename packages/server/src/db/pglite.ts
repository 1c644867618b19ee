import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from './data-dir-lock.js';
import type { Database, NamedStatement, Queryable } from './database.js';

/**
 * Embedded PostgreSQL (WASM). File-backed when `dataDir` is given, in memory otherwise.
 * One connection: PGlite runs transactions one after another, which is what makes the rules
 * hold without row locks here. A data directory is locked for this process while it is open
 * (`lockDataDirectory`): a second process is refused instead of corrupting it.
 */
export const openPglite = async (dataDir?: string): Promise<Database> => {
  let release = () => {};
  // A directory on disk; PGlite's own URLs (`memory://`, `idb://`) have nothing to lock.
  if (dataDir !== undefined && !dataDir.includes('://')) {
    mkdirSync(dirname(dataDir), { recursive: true });
    release = lockDataDirectory(dataDir);
  }
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir }).catch((error) => {
    release();
    throw error;
  });
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string | NamedStatement, params: readonly unknown[] = []) {
      const result = await target.query<Row>(typeof sql === 'string' ? sql : sql.text, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(db),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
};
