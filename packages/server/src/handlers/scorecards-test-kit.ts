/**
 * The scorecard world of the scorecard tests, built through the API where the API owns the data
 * (objectives, targets, metrics) and by SQL where another area does (partners, closed registrations).
 * The test clock starts on 2026-11-23, in the fourth quarter of 2026.
 */
import type { Database } from '../db/database.js';
import { IDS } from '../test-support/fixtures.js';
import type { TestServer } from '../test-support/test-server.js';

export const ALPINE = 'ptr_alpine';

export type ObjectiveName = 'revenue' | 'wins' | 'pipeline';
export type ObjectiveIds = Record<ObjectiveName, string>;

export const OBJECTIVES: Record<ObjectiveName, Record<string, unknown>> = {
  revenue: {
    name: 'Q4 revenue',
    metric: 'revenue',
    period: { from: '2026-10-01', to: '2026-12-31' },
    unit: 'EUR',
  },
  wins: {
    name: 'Registrations won 2026',
    metric: 'registrations_won',
    period: { from: '2026-01-01', to: '2026-12-31' },
    defaultTarget: 2,
  },
  pipeline: {
    name: 'Q1 2027 pipeline',
    metric: 'pipeline',
    period: { from: '2027-01-01', to: '2027-03-31' },
    direction: 'higher_is_better',
    thresholds: { green: 0.9, yellow: 0.5 },
  },
};

/** Registrations as the registrations service leaves them once closed: [id, partner, status, closedAt]. */
const CLOSED_REGISTRATIONS = [
  ['reg_w1', IDS.partner1, 'won', '2026-03-05T10:00:00Z'],
  ['reg_w2', IDS.partner1, 'won', '2026-09-10T23:30:00Z'],
  ['reg_w3', IDS.partner2, 'won', '2026-06-15T12:00:00Z'],
  ['reg_l1', ALPINE, 'lost', '2026-07-01T12:00:00Z'],
  // Won in the previous year: outside the objective's period.
  ['reg_w0', ALPINE, 'won', '2025-12-20T12:00:00Z'],
] as const;

/** North beats its target, Contoso nearly makes it, Alpine falls further behind each quarter. */
export const METRICS = [
  { partnerId: IDS.partner1, metric: 'revenue', value: 60_000, on: '2026-10-10' },
  {
    partnerId: IDS.partner1,
    metric: 'revenue',
    value: 60_000,
    on: '2026-11-10',
    accountId: IDS.globex,
    source: 'erp',
  },
  // Dated after today: a forecast, not an actual.
  { partnerId: IDS.partner1, metric: 'revenue', value: 999_999, on: '2026-12-20' },
  { partnerId: IDS.partner2, metric: 'revenue', value: 85_000, on: '2026-11-01' },
  { partnerId: ALPINE, metric: 'revenue', value: 40_000, on: '2026-05-01' },
  { partnerId: ALPINE, metric: 'revenue', value: 20_000, on: '2026-08-01' },
  { partnerId: ALPINE, metric: 'revenue', value: 10_000, on: '2026-11-02' },
];

/** A third partner in another region and segment, and the closed registrations. */
export const seedPartnersAndWins = async (db: Database, now: Date) => {
  await db.query(
    `insert into partners (id, name, segment, region, countries, profile_updated_at, created_at)
     values ($1, 'Alpine IT', 'msp', 'DACH', '["AT","CH"]', $2, $2)`,
    [ALPINE, now],
  );
  for (const [id, partnerId, status, closedAt] of CLOSED_REGISTRATIONS) {
    await db.query(
      `insert into registrations (id, partner_id, account_id, root_id, status, products, amount, currency,
         expected_close_date, submitted_at, decision_due_at, closed_at, created_by)
       values ($1, $2, $3, $3, $4, '["widgets"]', 1000, 'EUR', '2026-12-31', $5, $5, $5, 'key_vendor')`,
      [id, partnerId, IDS.umbrella, status, closedAt],
    );
  }
};

const ok = <T extends { status: number; body: unknown }>(call: T, expected: number): T => {
  if (call.status !== expected) {
    throw new Error(`Seeding the scorecards failed: ${call.status} ${JSON.stringify(call.body)}`);
  }
  return call;
};

/** Everything the board tests look at: objectives, partner-level targets, actuals. */
export const seedScorecardWorld = async (server: TestServer, db: Database) => {
  await seedPartnersAndWins(db, server.now());
  const ids = {} as ObjectiveIds;
  for (const name of Object.keys(OBJECTIVES) as ObjectiveName[]) {
    ids[name] = ok(
      await server.call('vendor', 'POST', '/v1/objectives', OBJECTIVES[name]),
      201,
    ).body.id;
  }
  for (const [partnerId, value] of [
    [IDS.partner1, 100_000],
    [IDS.partner2, 100_000],
    [ALPINE, 50_000],
  ] as const) {
    ok(
      await server.call('vendor', 'PUT', `/v1/partners/${partnerId}/targets`, {
        targets: [
          { objectiveId: ids.revenue, value },
          // Per-account targets are kept, but the board judges partners by their own target.
          { objectiveId: ids.revenue, accountId: IDS.globex, value: 1 },
        ],
      }),
      200,
    );
  }
  ok(await server.call('vendor', 'POST', '/v1/metrics', { records: METRICS }), 201);
  return ids;
};
