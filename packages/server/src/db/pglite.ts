import { PGlite } from '@electric-sql/pglite';
import type { Database, NamedStatement, Queryable } from './database.js';

/**
 * Embedded PostgreSQL (WASM). File-backed when `dataDir` is given, in memory otherwise.
 * One connection: PGlite runs transactions one after another, which is what makes the rules
 * hold without row locks here.
 */
export const openPglite = async (dataDir?: string): Promise<Database> => {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
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
    close: () => db.close(),
  };
};
