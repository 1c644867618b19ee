import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { ALPINE, type ObjectiveIds, seedScorecardWorld } from './scorecards-test-kit.js';

type Status = { objectiveId: string; light: string; label: string; [key: string]: unknown };
type Card = { partnerId: string; light: string; objectives: Status[]; [key: string]: unknown };

describeOnBothDatabases('the traffic-light board and scorecards over HTTP', (handle) => {
  let server: TestServer;
  let objective: ObjectiveIds;

  beforeAll(async () => {
    server = await startTestServer(handle.db());
    objective = await seedScorecardWorld(server, handle.db());
  });

  describe('the board', () => {
    const cardOf = (body: { groups: { partners: Card[] }[] }, partnerId: string) =>
      body.groups.flatMap((group) => group.partners).find((card) => card.partnerId === partnerId);
    const statusOf = (card: Card | undefined, objectiveId: string) =>
      card?.objectives.find((status) => status.objectiveId === objectiveId);

    it('lights every objective with a label, value, target and next best action', async () => {
      const { status, body } = await server.call('manager', 'GET', '/v1/scorecards');
      expect(status).toBe(200);
      expect(body.groupBy).toBe('region');
      expect(body.generatedAt).toBe(server.now().toISOString());
      // Only the objectives whose period contains today.
      expect(body.objectives.map((o: { id: string }) => o.id)).toEqual([
        objective.wins,
        objective.revenue,
      ]);

      const north = cardOf(body, IDS.partner1);
      expect(statusOf(north, objective.revenue)).toMatchObject({
        light: 'green',
        label: 'On track',
        actual: 120_000,
        target: 100_000,
        attainment: 1.2,
        nextBestAction: null,
      });
      // Two registrations won this year, counted from the registrations themselves.
      expect(statusOf(north, objective.wins)).toMatchObject({
        light: 'green',
        actual: 2,
        target: 2,
      });
      expect(north).toMatchObject({ light: 'green', label: 'On track', score: 2 });

      const contoso = cardOf(body, IDS.partner2);
      expect(statusOf(contoso, objective.revenue)).toMatchObject({
        light: 'yellow',
        label: 'At risk',
        actual: 85_000,
        attainment: 0.85,
        nextBestAction: expect.stringContaining('15,000 EUR to go (85 % of target)'),
      });
      // One win against the objective's default target of two.
      expect(statusOf(contoso, objective.wins)).toMatchObject({
        light: 'red',
        label: 'Off track',
        actual: 1,
        target: 2,
        nextBestAction: expect.stringContaining('1 more win needed'),
      });

      const alpine = cardOf(body, ALPINE);
      expect(statusOf(alpine, objective.revenue)).toMatchObject({
        light: 'red',
        actual: 10_000,
        target: 50_000,
        trend: 'worsening',
        nextBestAction: expect.stringMatching(/^Urgent: .*40,000 EUR to go \(20 % of target\)\.$/),
      });
      // A lost registration and last year's win count for nothing: no data, not zero.
      expect(statusOf(alpine, objective.wins)).toMatchObject({
        light: 'unknown',
        label: 'No data',
        actual: null,
        nextBestAction: 'Record actuals for registrations won so progress can be measured.',
      });
      for (const card of [north, contoso, alpine]) {
        for (const s of card?.objectives ?? []) {
          if (s.light === 'red') expect(s.nextBestAction).toEqual(expect.any(String));
        }
      }
    });

    it('rolls partners up by region, worst first, and explains how', async () => {
      const { body } = await server.call('manager', 'GET', '/v1/scorecards?groupBy=region');
      expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['DACH', 'EMEA']);
      const [dach, emea] = body.groups;
      expect(dach).toMatchObject({
        light: 'red',
        label: 'Off track',
        counts: { green: 0, yellow: 0, red: 1, unknown: 0 },
      });
      expect(emea).toMatchObject({
        light: 'yellow',
        label: 'At risk',
        score: 1,
        counts: { green: 1, yellow: 0, red: 1, unknown: 0 },
      });
      expect(emea.explanation).toContain('Mean score 1');
      expect(emea.partners.map((c: Card) => c.partnerId)).toEqual([IDS.partner2, IDS.partner1]);
      expect(body).toMatchObject({ light: 'red', label: 'Off track' });
      expect(body.score).toBeCloseTo(2 / 3);
    });

    it('rolls partners up by segment', async () => {
      const { body } = await server.call('vendor', 'GET', '/v1/scorecards?groupBy=segment');
      expect(body.groupBy).toBe('segment');
      expect(body.groups.map((g: { key: string; light: string }) => [g.key, g.light])).toEqual([
        ['distributor', 'red'],
        ['msp', 'red'],
        ['reseller', 'green'],
      ]);
    });

    it('shows the objectives of another day', async () => {
      const { body } = await server.call('vendor', 'GET', '/v1/scorecards?on=2027-02-01');
      expect(body.objectives.map((o: { id: string }) => o.id)).toEqual([objective.pipeline]);
      expect(body).toMatchObject({ light: 'unknown', label: 'No data', score: null });
      const north = cardOf(body, IDS.partner1);
      expect(statusOf(north, objective.pipeline)).toMatchObject({
        light: 'unknown',
        nextBestAction: 'Record actuals for pipeline so progress can be measured.',
      });
    });

    it('is for vendor roles, and answers 400 for a bad grouping or day', async () => {
      expect((await server.call('partner1', 'GET', '/v1/scorecards')).status).toBe(403);
      const group = await server.call('vendor', 'GET', '/v1/scorecards?groupBy=country');
      expect(group.status).toBe(400);
      expect(group.body.errors[0].path).toBe('query.groupBy');
      expect((await server.call('vendor', 'GET', '/v1/scorecards?on=tomorrow')).status).toBe(400);
    });
  });

  describe("one partner's scorecard", () => {
    it('shows a partner user its own card, the same as on the board', async () => {
      const board = await server.call('vendor', 'GET', '/v1/scorecards');
      const onBoard = board.body.groups
        .flatMap((g: { partners: Card[] }) => g.partners)
        .find((c: Card) => c.partnerId === IDS.partner1);
      for (const caller of ['partner1', 'rep1', 'manager'] as const) {
        const { status, body } = await server.call(
          caller,
          'GET',
          `/v1/partners/${IDS.partner1}/scorecard`,
        );
        expect(status).toBe(200);
        expect(body).toEqual(onBoard);
      }
    });

    it("answers 404 (never 403) for another partner's card and for an unknown partner", async () => {
      const other = await server.call('partner1', 'GET', `/v1/partners/${IDS.partner2}/scorecard`);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('not_found');
      expect((await server.call('vendor', 'GET', '/v1/partners/ptr_nope/scorecard')).status).toBe(
        404,
      );
    });

    it('takes the day too', async () => {
      const { body } = await server.call(
        'partner2',
        'GET',
        `/v1/partners/${IDS.partner2}/scorecard?on=2027-02-01`,
      );
      expect(body).toMatchObject({ partnerId: IDS.partner2, light: 'unknown', label: 'No data' });
      expect(body.objectives.map((s: Status) => s.objectiveId)).toEqual([objective.pipeline]);
    });
  });
});
