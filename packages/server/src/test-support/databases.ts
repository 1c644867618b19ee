import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { recordSkip } from '../../../../scripts/test-skips.mjs';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';

/** The local PostgreSQL the suites run on besides PGlite (override with OPENPRM_TEST_DATABASE_URL). */
export const POSTGRES_URL =
  process.env.OPENPRM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const probePostgres = async (): Promise<string | null> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
};

const postgresProblem = await probePostgres();

/** A fresh, empty PostgreSQL schema for one test file, dropped afterwards. */
const openIsolatedPostgres = async () => {
  const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres(url.toString());
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const cleaner = new pg.Client({ connectionString: POSTGRES_URL });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
};

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  /** The database of this run; opened in `beforeAll`. */
  db: () => Database;
  /** For PostgreSQL: a URL of the same schema, for a second pool (a second server instance). */
  url: () => string | null;
}

/**
 * Runs the same suite on PGlite and on PostgreSQL: each gets a fresh database for the file.
 */
export const describeOnBothDatabases = (name: string, suite: (handle: DatabaseHandle) => void) => {
  for (const kind of ['pglite', 'postgres'] as const) {
    const title = `${name} [${kind}]`;
    if (kind === 'postgres' && postgresProblem !== null) {
      recordSkip(
        `server: ${title}`,
        `PostgreSQL at ${POSTGRES_URL} is not reachable: ${postgresProblem}`,
      );
      describe.skip(title, () => suite({ kind, db: () => null as never, url: () => null }));
      continue;
    }
    describe(title, () => {
      let database: Database | undefined;
      let url: string | null = null;
      let drop: () => Promise<void> = async () => undefined;
      beforeAll(async () => {
        if (kind === 'pglite') {
          database = await openPglite();
          drop = () => (database as Database).close();
        } else {
          const isolated = await openIsolatedPostgres();
          database = isolated.db;
          url = isolated.url;
          drop = isolated.drop;
        }
      });
      afterAll(() => drop());
      suite({ kind, db: () => database as Database, url: () => url });
    });
  }
};

export const describeOnPostgres = (name: string, suite: (handle: DatabaseHandle) => void) => {
  if (postgresProblem !== null) {
    recordSkip(
      `server: ${name}`,
      `PostgreSQL at ${POSTGRES_URL} is not reachable: ${postgresProblem}`,
    );
    describe.skip(name, () => undefined);
    return;
  }
  describe(name, () => {
    let isolated: Awaited<ReturnType<typeof openIsolatedPostgres>> | undefined;
    beforeAll(async () => {
      isolated = await openIsolatedPostgres();
    });
    afterAll(() => isolated?.drop());
    suite({
      kind: 'postgres',
      db: () => isolated?.db as Database,
      url: () => isolated?.url ?? null,
    });
  });
};
