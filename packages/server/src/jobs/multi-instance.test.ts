import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { createServer } from '../server.js';
import { describeOnPostgres } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, T0, type TestServer } from '../test-support/test-server.js';
import { reservationExpiry } from './reservation-expiry.js';
import { runDueJobs } from './run-due-jobs.js';

/** Due reservations written straight into the table, enough to need several batches. */
const insertDueReservations = (db: Database, prefix: string, count: number) =>
  db.query(
    `insert into reservations (id, partner_id, account_id, root_id, region, status, created_at, expires_at)
     select $1 || lpad(n::text, 5, '0'), $2, $3, $3, null, 'active', $4, $4
     from generate_series(1, $5) n`,
    [prefix, IDS.partner1, IDS.umbrella, T0, count],
  );

const counts = async (db: Database, prefix: string) =>
  (
    await db.query<{ expired: number; events: number; audits: number }>(
      `select
         (select count(*)::int from reservations where id like $1 || '%' and status = 'expired') as expired,
         (select count(*)::int from events where subject_id like $1 || '%' and type = 'reservation.expired') as events,
         (select count(*)::int from audit_events where subject_id like $1 || '%' and action = 'reservation.expired') as audits`,
      [prefix],
    )
  )[0];

/** A connection outside both server instances: holds locks the way another instance would. */
const openBlocker = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  return {
    query: (sql: string, params: unknown[] = []) => client.query(sql, params),
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
};

describeOnPostgres('time-driven jobs with several server instances [postgres]', (handle) => {
  let first: TestServer;
  let second: Awaited<ReturnType<typeof createServer>>;
  let secondDb: Database;
  beforeAll(async () => {
    first = await startTestServer(handle.db());
    secondDb = await openPostgres(handle.url() as string);
    second = await createServer({ database: secondDb, clock: first.now, jobs: false });
    first.advance(1);
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
  });
  beforeEach(async () => {
    // Each test starts with nothing due.
    await runDueJobs(first.context);
  });

  it('shares the work between instances running at the same time: each row changes once', async () => {
    await insertDueReservations(handle.db(), 'res_many_', 1_250);
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => runDueJobs((i % 2 ? second : first).context)),
    );
    const total = runs.reduce((sum, run) => sum + (run['reservation-expiry']?.changed ?? 0), 0);
    expect(total).toBe(1_250);
    expect(await counts(handle.db(), 'res_many_')).toEqual({
      expired: 1_250,
      events: 1_250,
      audits: 1_250,
    });
  });

  it('skips a job while another instance holds its lock, and catches up afterwards', async () => {
    await insertDueReservations(handle.db(), 'res_locked_job_', 3);
    const other = await openBlocker(handle.url() as string);
    await other.query('select pg_advisory_xact_lock($1::bigint)', [reservationExpiry.lockId]);
    try {
      const outcomes = await runDueJobs(second.context);
      expect(outcomes['reservation-expiry']).toEqual({ skipped: true, changed: 0 });
      // The other jobs are not held up by this one's lock.
      expect(outcomes['sla-breaches']).toEqual({ skipped: false, changed: 0 });
      expect((await counts(handle.db(), 'res_locked_job_'))?.expired).toBe(0);
    } finally {
      await other.release();
    }
    expect((await runDueJobs(second.context))['reservation-expiry']).toEqual({
      skipped: false,
      changed: 3,
    });
  });

  it('never waits for a row a request holds: it takes it on a later run', async () => {
    await insertDueReservations(handle.db(), 'res_held_', 3);
    const request = await openBlocker(handle.url() as string);
    await request.query("select id from reservations where id = 'res_held_00002' for update");
    try {
      const outcomes = await runDueJobs(first.context);
      expect(outcomes['reservation-expiry']).toEqual({ skipped: false, changed: 2 });
    } finally {
      await request.release();
    }
    expect((await runDueJobs(first.context))['reservation-expiry']?.changed).toBe(1);
    expect(await counts(handle.db(), 'res_held_')).toEqual({ expired: 3, events: 3, audits: 3 });
  });
});
