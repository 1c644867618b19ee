import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/postgres.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { deal, eventTypesOf, submit } from './registrations-test-kit.js';

describeOnBothDatabases('registration conflicts over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });
  afterEach(() => {
    server.context.settings.disclosure = 'existence';
  });

  /** Partner 1 first on the German subsidiary, partner 2 an hour later on the US one: one tree. */
  const contestedPair = async (product: string) => {
    const first = await submit(server, 'partner1', deal(IDS.globexDe, [product]));
    server.advance(1);
    const second = await submit(server, 'partner2', deal(IDS.globexUs, [product.toUpperCase()]));
    return { first, second };
  };
  const view = async (caller: 'partner1' | 'partner2' | 'manager', id: string) =>
    (await server.call(caller, 'GET', `/v1/registrations/${id}`)).body;

  describe('flagging with first-come priority and disclosure', () => {
    it('flags both sides; the earlier submission has priority (existence: when and status)', async () => {
      const { first, second } = await contestedPair('Disclosure Suite');
      expect(second.contested).toBe(true);
      expect(second.conflicts).toEqual([
        {
          kind: 'registration',
          submittedAt: first.submittedAt,
          status: 'submitted',
          priority: 'theirs',
        },
      ]);
      const earlier = await view('partner1', first.id);
      expect(earlier.contested).toBe(true);
      expect(earlier.conflicts).toEqual([
        {
          kind: 'registration',
          submittedAt: second.submittedAt,
          status: 'submitted',
          priority: 'ours',
        },
      ]);
      const vendor = await view('manager', second.id);
      expect(vendor.conflicts).toEqual([
        {
          kind: 'registration',
          id: first.id,
          partnerId: IDS.partner1,
          submittedAt: first.submittedAt,
          status: 'submitted',
          priority: 'theirs',
        },
      ]);
      expect(await eventTypesOf(handle.db(), first.id)).toEqual([
        'registration.submitted',
        'registration.contested',
      ]);
    });

    it('discloses per the policy: none → only contested, identity → also the partner', async () => {
      const { first, second } = await contestedPair('Policy Suite');
      server.context.settings.disclosure = 'none';
      const hidden = await view('partner2', second.id);
      expect(hidden.contested).toBe(true);
      expect(hidden.conflicts).toEqual([]);
      expect((await view('manager', second.id)).conflicts[0].partnerId).toBe(IDS.partner1);

      server.context.settings.disclosure = 'identity';
      const named = await view('partner2', second.id);
      expect(named.conflicts).toEqual([
        {
          kind: 'registration',
          submittedAt: first.submittedAt,
          status: 'submitted',
          priority: 'theirs',
          partnerId: IDS.partner1,
        },
      ]);
      expect((await view('partner1', first.id)).conflicts[0].partnerId).toBe(IDS.partner2);
      const listed = await server.call(
        'partner2',
        'GET',
        `/v1/registrations?accountId=${IDS.globexUs}`,
      );
      const row = listed.body.data.find((r: { id: string }) => r.id === second.id);
      expect(row.conflicts[0]).not.toHaveProperty('id');
    });

    it('ignores other product lines, other trees and the partner’s own registrations', async () => {
      await submit(server, 'partner1', deal(IDS.globexDe, ['Isolated A']));
      const otherProduct = await submit(server, 'partner2', deal(IDS.globexDe, ['Isolated B']));
      const otherTree = await submit(server, 'partner2', deal(IDS.umbrella, ['Isolated A']));
      const own = await submit(server, 'rep1', deal(IDS.globexMunich, ['Isolated A']));
      for (const body of [otherProduct, otherTree, own]) expect(body.contested).toBe(false);
    });

    it('flags a registration on an account tree another partner reserved; the holder has priority', async () => {
      const reserved = await server.call('partner2', 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
      });
      expect(reserved.status).toBe(201);
      const body = await submit(server, 'partner1', deal(IDS.umbrella, ['Reserved Suite']));
      expect(body.contested).toBe(true);
      expect(body.conflicts).toEqual([
        {
          kind: 'reservation',
          submittedAt: reserved.body.createdAt,
          status: 'active',
          priority: 'theirs',
        },
      ]);
      const vendor = await view('manager', body.id);
      expect(vendor.conflicts[0]).toMatchObject({ id: reserved.body.id, partnerId: IDS.partner2 });

      const refused = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${body.id}/approve`,
        {},
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('rule_refused');
      const approved = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${body.id}/approve`,
        {
          note: 'The reservation holder confirmed it is not pursuing this project.',
        },
      );
      expect(approved.status).toBe(200);
      const audit = await server.call('partner1', 'GET', `/v1/registrations/${body.id}/audit`);
      expect(audit.body.data.at(-1).data).toMatchObject({ priorityOverridden: true });
    });
  });

  describe('approval resolves conflicts', () => {
    it('rejects the overlapping pending registrations with conflict_resolved, naming the rule', async () => {
      const { first, second } = await contestedPair('Resolve Suite');
      const third = await submit(server, 'partner2', deal(IDS.globexMunich, ['Other line']));
      const approved = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${first.id}/approve`,
        {},
      );
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(approved.body.conflicts).toEqual([
        expect.objectContaining({ id: second.id, status: 'rejected', priority: 'ours' }),
      ]);

      const loser = await view('partner2', second.id);
      expect(loser.status).toBe('rejected');
      expect(loser.rejection).toEqual({
        code: 'conflict_resolved',
        rule: 'first-come priority',
        reason: expect.stringContaining('first-come priority'),
      });
      expect(loser.rejection.reason).not.toContain(first.id);
      expect(loser.conflicts).toEqual([
        expect.objectContaining({ status: 'approved', priority: 'theirs' }),
      ]);
      expect((await view('partner2', third.id)).status).toBe('submitted');

      const trail = await server.call('partner2', 'GET', `/v1/registrations/${second.id}/audit`);
      const last = trail.body.data.at(-1);
      expect(last).toMatchObject({
        action: 'registration.rejected',
        from: 'submitted',
        to: 'rejected',
        actor: { type: 'system' },
        data: { rejection: { code: 'conflict_resolved' } },
      });
      expect(JSON.stringify(trail.body)).not.toContain(first.id);
      expect(await eventTypesOf(handle.db(), second.id)).toEqual([
        'registration.submitted',
        'registration.rejected',
      ]);

      const again = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${second.id}/approve`,
        {},
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invalid_transition');
    });

    it('asks for a note to approve the later one, then rejects the earlier under the override rule', async () => {
      const { first, second } = await contestedPair('Override Suite');
      const refused = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${second.id}/approve`,
        {},
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('rule_refused');
      const note = 'The earlier registration names a project the customer cancelled.';
      const approved = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${second.id}/approve`,
        {
          note,
        },
      );
      expect(approved.status).toBe(200);
      const earlier = await view('partner1', first.id);
      expect(earlier.rejection).toMatchObject({
        code: 'conflict_resolved',
        rule: 'reviewer override of first-come priority',
      });
      expect(earlier.rejection.reason).toContain(note);
    });

    it('refuses a second approval on a tree and product line already protected', async () => {
      const first = await submit(server, 'partner1', deal(IDS.globexDe, ['Protected Suite']));
      await server.call('manager', 'POST', `/v1/registrations/${first.id}/approve`, {});
      server.advance(1);
      const later = await submit(server, 'partner2', deal(IDS.globexUs, ['Protected Suite']));
      expect(later.conflicts).toEqual([
        expect.objectContaining({ status: 'approved', priority: 'theirs' }),
      ]);
      const refused = await server.call(
        'manager',
        'POST',
        `/v1/registrations/${later.id}/approve`,
        {
          note: 'Trying anyway.',
        },
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('rule_refused');
    });

    it('approves exactly one of two overlapping registrations approved at the same time', async () => {
      // A second app on its own pool (PostgreSQL) makes the race real: two instances, one tree.
      const other = handle.url()
        ? await startTestServer(await openPostgres(handle.url() as string), { seed: false })
        : server;
      try {
        for (const round of [1, 2, 3, 4, 5]) {
          const { first, second } = await contestedPair(`Race Suite ${round}`);
          const results = await Promise.all([
            server.call('manager', 'POST', `/v1/registrations/${first.id}/approve`, {}),
            other.call('vendor', 'POST', `/v1/registrations/${second.id}/approve`, {
              note: 'Approving the later one on purpose.',
            }),
          ]);
          expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
          const statuses = [
            (await view('manager', first.id)).status,
            (await view('manager', second.id)).status,
          ];
          expect(statuses.sort()).toEqual(['approved', 'rejected']);
        }
      } finally {
        if (other !== server) await other.context.db.close();
      }
    });
  });
});
