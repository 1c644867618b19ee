import pg from 'pg';
import type { Database, NamedStatement, Queryable } from './database.js';

// Dates stay text on the way out of `date` columns: a calendar date has no time zone to shift.
pg.types.setTypeParser(1082, (value: string) => value);

/** A PostgreSQL server through a connection pool; many server instances may share it. */
export const openPostgres = async (connectionString: string): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A stuck statement or an abandoned transaction must not hold locks for ever.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection that the server drops (restart, failover) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  // Fail fast with a clear message when the server is not reachable.
  await pool.query('select 1');
  const run = async <Row>(
    client: pg.Pool | pg.PoolClient,
    sql: string | NamedStatement,
    params: readonly unknown[],
  ) =>
    (
      await client.query(
        typeof sql === 'string'
          ? { text: sql, values: [...params] }
          : { name: sql.name, text: sql.text, values: [...params] },
      )
    ).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params = []) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      const tx: Queryable = { query: (sql, params = []) => run(client, sql, params) };
      let result: Awaited<ReturnType<typeof work>>;
      try {
        await client.query('begin');
        result = await work(tx);
        await client.query('commit');
      } catch (error) {
        // A connection whose rollback failed is broken: release it with the error so the pool drops it.
        const broken = await client.query('rollback').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
      client.release();
      return result;
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
};
