import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { runDueJobs } from '../jobs/index.js';
import { describeOnBothDatabases, describeOnPostgres } from '../test-support/databases.js';
import { IDS, type TestCaller } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * The reservation check answers from account trees kept in memory (services/account-trees.ts).
 * A copy may serve a check only while the tree's version in the database is the one it was read
 * at, so whatever changed the tree (a reservation through this or another instance, a release,
 * an expiry job, plain SQL) shows in the very next check. No waiting anywhere: each answer must
 * be right the first time.
 */

const check = async (server: TestServer, caller: TestCaller, accountId: string) => {
  const answer = await server.call(caller, 'GET', `/v1/accounts/${accountId}/reservation`);
  expect(answer.status).toBe(200);
  return answer.body;
};

const reserve = async (server: TestServer, caller: TestCaller, accountId: string) => {
  const answer = await server.call(caller, 'POST', '/v1/reservations', { accountId });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
};

const release = async (server: TestServer, caller: TestCaller, id: string) => {
  expect((await server.call(caller, 'DELETE', `/v1/reservations/${id}`)).status).toBe(200);
};

describeOnBothDatabases('reservation checks from the account tree cache', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  it('serves a repeated check from memory and still sees a reservation made since', async () => {
    expect((await check(server, 'partner1', IDS.globexMunich)).status).toBe('open');
    const before = server.context.accountTrees.stats.hits;
    expect((await check(server, 'partner2', IDS.globexMunich)).status).toBe('open');
    expect(server.context.accountTrees.stats.hits).toBe(before + 1);

    const id = await reserve(server, 'partner1', IDS.globexDe);
    expect(await check(server, 'partner1', IDS.globexMunich)).toMatchObject({
      status: 'reserved_by_you',
      reservation: { id },
    });
    expect((await check(server, 'partner2', IDS.globexMunich)).status).toBe('reserved_by_other');

    await release(server, 'partner1', id);
    expect((await check(server, 'partner2', IDS.globexMunich)).status).toBe('open');
    expect((await check(server, 'partner1', IDS.globexDe)).status).toBe('open');
  });

  it('sees what changed outside the API: an expiry job, SQL on accounts and reservations', async () => {
    await reserve(server, 'partner2', IDS.umbrella);
    expect((await check(server, 'partner1', IDS.umbrella)).status).toBe('reserved_by_other');

    // The reservation runs out: the job marks it expired in its own transaction.
    server.advance(24 * 365);
    await runDueJobs(server.context);
    expect((await check(server, 'partner1', IDS.umbrella)).status).toBe('open');

    // A reservation written by hand (an import, another tool) counts at once as well.
    await handle.db().query(
      `insert into reservations (id, partner_id, account_id, root_id, region, status, created_at, expires_at)
       values ('res_by_hand', $1, $2, $2, null, 'active', $3, $4)`,
      [IDS.partner2, IDS.umbrella, server.now(), new Date(server.now().getTime() + 86_400_000)],
    );
    expect((await check(server, 'partner1', IDS.umbrella)).status).toBe('reserved_by_other');

    // An operator changes whether a parent is served vendor-direct.
    expect((await check(server, 'partner1', IDS.initechLab)).status).toBe('vendor_direct');
    await handle
      .db()
      .query('update accounts set vendor_direct = false where id = $1', [IDS.initech]);
    expect((await check(server, 'partner1', IDS.initechLab)).status).toBe('open');
    await handle
      .db()
      .query('update accounts set vendor_direct = true where id = $1', [IDS.initech]);
    expect((await check(server, 'partner1', IDS.initechLab)).status).toBe('vendor_direct');
  });

  it('finds an account added to a tree it holds, and forgets a deleted one (404)', async () => {
    expect((await check(server, 'partner1', IDS.globexUs)).status).toBe('open');
    const added = await server.call('vendor', 'POST', '/v1/accounts', {
      name: 'Globex Cache Test Office',
      parentId: IDS.globexUs,
      country: 'US',
      region: 'NA',
    });
    expect(added.status).toBe(201);
    expect((await check(server, 'partner1', added.body.id)).status).toBe('open');

    await handle.db().query('delete from accounts where id = $1', [added.body.id]);
    const gone = await server.call('partner1', 'GET', `/v1/accounts/${added.body.id}/reservation`);
    expect(gone.status).toBe(404);
  });
});

describeOnPostgres('reservation checks across two server instances [postgres]', (handle) => {
  let first: TestServer;
  let second: TestServer;
  let secondDb: Database;
  beforeAll(async () => {
    first = await startTestServer(handle.db());
    // Another instance: its own pool and its own tree cache on the same schema.
    secondDb = await openPostgres(handle.url() as string);
    second = await startTestServer(secondDb, { seed: false });
  });
  afterAll(() => secondDb.close());

  describe('a check on one instance right after a change through the other', () => {
    it('sees a reservation made through the other instance', async () => {
      // Both instances hold the tree, as "open".
      expect((await check(first, 'partner2', IDS.globexMunich)).status).toBe('open');
      expect((await check(second, 'partner2', IDS.globexMunich)).status).toBe('open');
      expect((await check(first, 'partner2', IDS.globexMunich)).status).toBe('open');
      expect(first.context.accountTrees.stats.hits).toBeGreaterThan(0);

      const id = await reserve(second, 'partner1', IDS.globexDe);
      expect(await check(first, 'partner2', IDS.globexMunich)).toMatchObject({
        status: 'reserved_by_other',
      });
      expect(await check(first, 'partner1', IDS.globexMunich)).toMatchObject({
        status: 'reserved_by_you',
        reservation: { id },
      });

      // Released through the first instance: free again on the second, at once.
      await release(first, 'partner1', id);
      expect((await check(second, 'partner2', IDS.globexMunich)).status).toBe('open');
      expect((await check(second, 'partner2', IDS.globexDe)).status).toBe('open');
    });

    it('never answers "open" on one instance for a tree the other just reserved, over many rounds', async () => {
      for (let round = 0; round < 20; round++) {
        const [here, there] = round % 2 ? [first, second] : [second, first];
        const id = await reserve(there, 'partner1', IDS.globex);
        const answers = await Promise.all(
          [IDS.globex, IDS.globexDe, IDS.globexMunich, IDS.globexUs].map((account) =>
            check(here, 'partner2', account),
          ),
        );
        expect(answers.map((answer) => answer.status)).toEqual(
          Array.from({ length: 4 }, () => 'reserved_by_other'),
        );
        await release(there, 'partner1', id);
        expect((await check(here, 'partner2', IDS.globexMunich)).status).toBe('open');
      }
    });
  });
});
