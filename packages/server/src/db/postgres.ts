import pg from 'pg';
import type { Database, Queryable } from './database.js';

// Dates stay text on the way out of `date` columns: a calendar date has no time zone to shift.
pg.types.setTypeParser(1082, (value: string) => value);

/** A PostgreSQL server through a connection pool; many server instances may share it. */
export const openPostgres = async (connectionString: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail fast with a clear message when the server is not reachable.
  await pool.query('select 1');
  const run = async <Row>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[],
  ) => (await client.query(sql, [...params])).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params = []) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      const tx: Queryable = { query: (sql, params = []) => run(client, sql, params) };
      try {
        await client.query('begin');
        const result = await work(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
};
