import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import {
  ALPINE,
  METRICS,
  OBJECTIVES,
  type ObjectiveIds,
  seedPartnersAndWins,
} from './scorecards-test-kit.js';

describeOnBothDatabases('objectives, targets and metrics over HTTP', (handle) => {
  let server: TestServer;
  const objective: ObjectiveIds = { revenue: '', wins: '', pipeline: '' };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await handle.db().query<{ n: string | number }>(sql, params))[0]?.n);

  beforeAll(async () => {
    server = await startTestServer(handle.db());
    await seedPartnersAndWins(handle.db(), server.now());
  });

  describe('objectives', () => {
    it('creates objectives with the default direction and thresholds, and writes events', async () => {
      const revenue = await server.call('manager', 'POST', '/v1/objectives', OBJECTIVES.revenue);
      expect(revenue.status).toBe(201);
      expect(revenue.body).toMatchObject({
        name: 'Q4 revenue',
        direction: 'higher_is_better',
        thresholds: { green: 1, yellow: 0.8 },
        unit: 'EUR',
        createdAt: server.now().toISOString(),
      });
      expect(revenue.body.defaultTarget).toBeUndefined();
      objective.revenue = revenue.body.id;
      const wins = await server.call('vendor', 'POST', '/v1/objectives', OBJECTIVES.wins);
      expect(wins.body.defaultTarget).toBe(2);
      objective.wins = wins.body.id;
      const pipeline = await server.call('vendor', 'POST', '/v1/objectives', OBJECTIVES.pipeline);
      objective.pipeline = pipeline.body.id;
      expect(await count(`select count(*) as n from events where type = 'objective.created'`)).toBe(
        3,
      );
    });

    it('lists the objectives to every role', async () => {
      const { status, body } = await server.call('rep1', 'GET', '/v1/objectives');
      expect(status).toBe(200);
      // In calendar order of their periods.
      expect(body.data.map((o: { id: string }) => o.id)).toEqual([
        objective.wins,
        objective.revenue,
        objective.pipeline,
      ]);
      expect(body.data[2]).toMatchObject({
        period: { from: '2027-01-01', to: '2027-03-31' },
        thresholds: { green: 0.9, yellow: 0.5 },
      });
    });

    it('refuses partners with 403 and bad objectives with 400 and every bad field', async () => {
      const partner = await server.call('partner1', 'POST', '/v1/objectives', {
        name: 'Mine',
        metric: 'revenue',
        period: { from: '2026-01-01', to: '2026-12-31' },
      });
      expect(partner.status).toBe(403);
      const bad = await server.call('vendor', 'POST', '/v1/objectives', {
        name: 'Backwards',
        metric: 'happiness',
        period: { from: '2026-12-31', to: '2026-01-01' },
        thresholds: { green: 0.8, yellow: 0.9 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'metric',
        'period',
        'thresholds',
      ]);
    });
  });

  describe('targets', () => {
    it("replaces a partner's targets for the named objectives only", async () => {
      const first = await server.call('manager', 'PUT', `/v1/partners/${IDS.partner1}/targets`, {
        targets: [
          { objectiveId: objective.revenue, value: 150_000 },
          { objectiveId: objective.wins, value: 2 },
        ],
      });
      expect(first.status).toBe(200);
      const replaced = await server.call('manager', 'PUT', `/v1/partners/${IDS.partner1}/targets`, {
        targets: [
          { objectiveId: objective.revenue, value: 100_000 },
          // A per-account target: kept, but the board judges partners by their own target.
          { objectiveId: objective.revenue, accountId: IDS.globex, value: 5_000 },
        ],
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body.data).toEqual(
        expect.arrayContaining([
          {
            objectiveId: objective.revenue,
            partnerId: IDS.partner1,
            accountId: null,
            value: 100_000,
          },
          {
            objectiveId: objective.revenue,
            partnerId: IDS.partner1,
            accountId: IDS.globex,
            value: 5_000,
          },
          { objectiveId: objective.wins, partnerId: IDS.partner1, accountId: null, value: 2 },
        ]),
      );
      expect(replaced.body.data).toHaveLength(3);
      for (const [partnerId, value] of [
        [IDS.partner2, 100_000],
        [ALPINE, 50_000],
      ] as const) {
        const set = await server.call('vendor', 'PUT', `/v1/partners/${partnerId}/targets`, {
          targets: [{ objectiveId: objective.revenue, value }],
        });
        expect(set.status).toBe(200);
      }
      const events = await handle
        .db()
        .query<{ partner_id: string }>(
          `select partner_id from events where type = 'targets.updated' order by seq`,
        );
      expect(events.map((e) => e.partner_id)).toEqual([
        IDS.partner1,
        IDS.partner1,
        IDS.partner2,
        ALPINE,
      ]);
    });

    it('answers 404 for an unknown partner, objective or account, 400 for a repeat', async () => {
      const partner = await server.call('vendor', 'PUT', '/v1/partners/ptr_nope/targets', {
        targets: [{ objectiveId: objective.revenue, value: 1 }],
      });
      expect(partner.status).toBe(404);
      const unknown = await server.call('vendor', 'PUT', `/v1/partners/${IDS.partner1}/targets`, {
        targets: [
          { objectiveId: objective.revenue, value: 1 },
          { objectiveId: 'obj_nope', value: 1 },
          { objectiveId: objective.wins, accountId: 'acc_nope', value: 1 },
        ],
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'targets.1.objectiveId',
        'targets.2.accountId',
      ]);
      const twice = await server.call('vendor', 'PUT', `/v1/partners/${IDS.partner1}/targets`, {
        targets: [
          { objectiveId: objective.revenue, value: 1 },
          { objectiveId: objective.revenue, accountId: null, value: 2 },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors[0].path).toBe('targets.1');
      const partnerCaller = await server.call(
        'partner1',
        'PUT',
        `/v1/partners/${IDS.partner1}/targets`,
        { targets: [{ objectiveId: objective.revenue, value: 1 }] },
      );
      expect(partnerCaller.status).toBe(403);
      // Nothing of the refused requests landed.
      expect(
        await count(`select count(*) as n from targets where partner_id = $1 and value = 1`, [
          IDS.partner1,
        ]),
      ).toBe(0);
    });
  });

  describe('metrics', () => {
    it('records a batch and writes one event per partner', async () => {
      const { status, body } = await server.call('vendor', 'POST', '/v1/metrics', {
        records: METRICS,
      });
      expect(status).toBe(201);
      expect(body).toEqual({ recorded: 7 });
      const events = await handle
        .db()
        .query<{ partner_id: string; data: { recorded: number; from: string; to: string } }>(
          `select partner_id, data from events where type = 'metrics.recorded' order by seq`,
        );
      expect(events.map((e) => [e.partner_id, e.data.recorded])).toEqual([
        [IDS.partner1, 3],
        [IDS.partner2, 1],
        [ALPINE, 3],
      ]);
      expect(events[2]?.data).toMatchObject({ from: '2026-05-01', to: '2026-11-02' });
    });

    it('refuses the whole batch with 400 when any row names an unknown partner or account', async () => {
      const before = await count('select count(*) as n from metrics');
      const { status, body } = await server.call('vendor', 'POST', '/v1/metrics', {
        records: [
          { partnerId: IDS.partner1, metric: 'pipeline', value: 1, on: '2026-11-01' },
          { partnerId: 'ptr_nope', metric: 'pipeline', value: 1, on: '2026-11-01' },
          {
            partnerId: IDS.partner2,
            metric: 'pipeline',
            value: 1,
            on: '2026-11-01',
            accountId: 'acc_nope',
          },
        ],
      });
      expect(status).toBe(400);
      expect(body.code).toBe('invalid_request');
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
        'records.1.partnerId',
        'records.2.accountId',
      ]);
      expect(await count('select count(*) as n from metrics')).toBe(before);
    });

    it('answers 400 for malformed rows and 403 for partner users', async () => {
      const bad = await server.call('vendor', 'POST', '/v1/metrics', {
        records: [{ partnerId: IDS.partner1, metric: 'smiles', value: 'many', on: '2026-13-01' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'records.0.metric',
        'records.0.on',
        'records.0.value',
      ]);
      const empty = await server.call('vendor', 'POST', '/v1/metrics', { records: [] });
      expect(empty.status).toBe(400);
      const partner = await server.call('partner1', 'POST', '/v1/metrics', {
        records: [{ partnerId: IDS.partner1, metric: 'revenue', value: 1, on: '2026-11-01' }],
      });
      expect(partner.status).toBe(403);
    });
  });
});
