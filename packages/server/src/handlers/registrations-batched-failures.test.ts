import { describe, expect, it, vi } from 'vitest';
import {
  type DatabaseHandle,
  describeOnBothDatabases,
  describeOnPostgres,
} from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { batchedKit, RIVAL_A } from './registrations-batched-kit.js';
import { deal } from './registrations-test-kit.js';

/**
 * Batched deal submission when something else goes wrong: a tree another transaction holds, and
 * a commit whose outcome is unknown.
 */

/** The accounts of the registrations of a product line. */
const registrationsOf = async (handle: DatabaseHandle, product: string) =>
  (
    await handle
      .db()
      .query<{ account_id: string }>(
        'select account_id from registrations where products @> $1::jsonb',
        [JSON.stringify([product])],
      )
  ).map((row) => row.account_id);

// Only PostgreSQL has a second connection to hold a tree with.
describeOnPostgres(
  'batched deal submission over HTTP: a tree held by another transaction',
  (handle) => {
    const { concurrently } = batchedKit(handle);

    it('holds up only the submissions on that tree, which go through once it is free', async () => {
      const product = 'Busy Tree Suite';
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = () => {};
      const holding = new Promise<void>((resolve) => {
        held = resolve;
      });
      // An approval, an import… anything holding Globex's root row for a while.
      const holder = handle.db().transaction(async (tx) => {
        await tx.query('select id from accounts where id = $1 for update', [IDS.globex]);
        held();
        await released;
      });
      await holding;
      const group = concurrently([
        { caller: 'partner1', body: deal(IDS.globexDe, [product]) },
        { caller: 'partner2', body: deal(IDS.umbrella, [product]) },
        { caller: 'vendor', body: deal(IDS.globexUs, [product], { partnerId: RIVAL_A }) },
        { caller: 'partner1', body: deal(IDS.umbrella, [`${product} 2`]) },
      ]);
      // Umbrella's submissions are written while Globex is still held.
      await vi.waitFor(
        async () => expect((await registrationsOf(handle, product)).sort()).toEqual([IDS.umbrella]),
        { timeout: 5_000, interval: 20 },
      );
      expect(await registrationsOf(handle, `${product} 2`)).toEqual([IDS.umbrella]);
      release();
      await holder;
      const { answers } = await group;
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect((await registrationsOf(handle, product)).sort()).toEqual(
        [IDS.globexDe, IDS.globexUs, IDS.umbrella].sort(),
      );
      // The two on Globex still see each other, in the order they were decided.
      const [first, , second] = answers;
      expect(first?.body.conflicts.length + second?.body.conflicts.length).toBe(1);
    });
  },
);

describeOnBothDatabases('batched deal submission over HTTP', (handle) => {
  const { server } = batchedKit(handle);

  describe('a commit that fails', () => {
    it('answers 500 to the whole batch and never runs it again, since it may have been written', async () => {
      const product = 'Lost Commit Suite';
      // The key looked up first, so the three reach the batcher together, in one batch.
      expect((await server().call('partner2', 'GET', '/v1/registrations?limit=1')).status).toBe(
        200,
      );
      const db = server().context.db;
      const transaction = db.transaction.bind(db);
      // The commit goes through, and then the connection reports it failed.
      const lost = vi.spyOn(db, 'transaction').mockImplementationOnce(async (work) => {
        await transaction(work);
        throw new Error('Connection terminated during COMMIT');
      });
      const answers = await Promise.all(
        [IDS.umbrella, IDS.globexDe, IDS.initechLab].map((account, index) =>
          server().call('partner2', 'POST', '/v1/registrations', deal(account, [product]), {
            'Idempotency-Key': `lost-commit-${index}`,
          }),
        ),
      );
      lost.mockRestore();
      expect(answers.map((answer) => answer.status)).toEqual([500, 500, 500]);
      // Written once each, not again by a retry of the batch.
      expect((await registrationsOf(handle, product)).sort()).toEqual(
        [IDS.umbrella, IDS.globexDe, IDS.initechLab].sort(),
      );
      // The client's own retry learns what happened.
      const retry = await server().call(
        'partner2',
        'POST',
        '/v1/registrations',
        deal(IDS.umbrella, [product]),
        { 'Idempotency-Key': 'lost-commit-0' },
      );
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    });
  });
});
