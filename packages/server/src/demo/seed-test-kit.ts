/** Helpers the demo tests share: a seeded server, row digests, counts. */
import { expect } from 'vitest';
import type { Database, Queryable } from '../db/database.js';
import type { DatabaseHandle } from '../test-support/databases.js';
import { startTestServer } from '../test-support/test-server.js';
import { seedDemo } from './seed.js';

/** Every table the demo writes; `settings` is left out (it holds a random session secret). */
export const TABLES = [
  'partners',
  'api_keys',
  'accounts',
  'reservations',
  'registrations',
  'registration_extensions',
  'registration_comments',
  'audit_events',
  'contracts',
  'contract_versions',
  'acceptances',
  'objectives',
  'targets',
  'metrics',
];

/**
 * A digest of each table's rows as PostgreSQL prints them (ordered, UTC), so two databases —
 * even PGlite and PostgreSQL — can be compared row for row.
 */
export const digest = (db: Database) =>
  db.transaction(async (tx) => {
    await tx.query("set local timezone = 'UTC'");
    const digests: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await tx.query<{ digest: string; rows: number }>(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest,
                count(*)::int as rows
         from ${table} t`,
      );
      digests[table] = `${row?.rows}:${row?.digest}`;
    }
    return digests;
  });

export const count = async (db: Queryable, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) q`, params))[0]?.n ?? 0;

/**
 * A demo-mode test server on the handle's database, seeded by two "instances" at once: exactly
 * one of them seeds. Returns the server and how long seeding took.
 */
export const startSeededServer = async (handle: DatabaseHandle) => {
  const db = handle.db();
  const server = await startTestServer(db, { seed: false, demo: true });
  const now = server.now();
  const started = performance.now();
  const results = await Promise.all([
    seedDemo(db, { now, settings: server.context.settings }),
    seedDemo(db, { now, settings: server.context.settings }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
  return { server, db, now, seconds };
};
