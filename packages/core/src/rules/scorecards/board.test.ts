import { describe, expect, it } from 'vitest';
import type { Light, MetricKey, Objective } from '../../schemas/scorecard.js';
import { ScorecardBoard } from '../../schemas/scorecard.js';
import { buildBoard, buildPartnerScorecard, type PartnerFacts } from './board.js';
import type { MetricFact, TargetFact } from './board-index.js';
import { objectiveStatus } from './objective-status.js';

const now = '2026-05-15T09:00:00Z';
const FY = { from: '2026-01-01', to: '2026-12-31' };
const H1 = { from: '2026-01-01', to: '2026-06-30' };

const objective = (id: string, metric: MetricKey, period = FY): Objective => ({
  id,
  name: `${metric} ${id}`,
  metric,
  period,
  direction: 'higher_is_better',
  thresholds: { green: 1, yellow: 0.8 },
  createdAt: '2026-01-01T00:00:00Z',
});

const partner = (id: string, region: string, segment = 'reseller'): PartnerFacts => ({
  id,
  name: `Partner ${id}`,
  region,
  segment,
});

describe('buildPartnerScorecard', () => {
  it('rolls the objectives lights up into the partner light', () => {
    const status = (light: 'green' | 'red', actual: number) =>
      objectiveStatus({
        objective: objective(`o_${light}`, 'revenue'),
        target: 10,
        actuals: [{ value: actual, on: '2026-02-01' }],
        history: [],
        now,
      });
    const card = buildPartnerScorecard(partner('p1', 'EMEA'), [
      status('green', 10),
      status('green', 12),
      status('red', 1),
    ]);
    expect(card).toMatchObject({
      partnerId: 'p1',
      partnerName: 'Partner p1',
      region: 'EMEA',
      segment: 'reseller',
      light: 'yellow',
      label: 'At risk',
      score: 4 / 3,
    });
    expect(card.objectives.map((o) => o.light)).toEqual(['green', 'green', 'red']);
  });
});

describe('buildBoard', () => {
  const revenue = objective('rev', 'revenue');
  const sale = (partnerId: string, value: number, on = '2026-02-01'): MetricFact => ({
    partnerId,
    metric: 'revenue',
    value,
    on,
  });
  const targetOf = (partnerId: string, value: number): TargetFact => ({
    objectiveId: 'rev',
    partnerId,
    value,
  });
  const board = buildBoard({
    partners: [
      partner('z', 'NA'),
      partner('a', 'NA'),
      partner('b', 'NA'),
      partner('r', 'EMEA'),
      partner('u', 'NA'),
    ],
    objectives: [revenue],
    targets: [
      targetOf('a', 100),
      targetOf('b', 100),
      targetOf('z', 100),
      targetOf('r', 100),
      targetOf('u', 100),
      { ...targetOf('a', 999), accountId: 'acc_1' },
    ],
    metrics: [
      sale('a', 100),
      sale('b', 150),
      sale('z', 120),
      sale('r', 10),
      sale('a', 1, '2027-01-01'),
    ],
    groupBy: 'region',
    now,
  });

  it('matches the ScorecardBoard schema', () => {
    expect(ScorecardBoard.safeParse(board).success).toBe(true);
    expect(board.generatedAt).toBe('2026-05-15T09:00:00.000Z');
    expect(board.objectives).toEqual([revenue]);
  });

  it('sorts groups by key and partners worst first: red, yellow, unknown, green', () => {
    expect(board.groups.map((g) => g.key)).toEqual(['EMEA', 'NA']);
    expect(board.groups[1]?.partners.map((p) => [p.partnerId, p.light])).toEqual([
      ['u', 'unknown'],
      ['a', 'green'],
      ['b', 'green'],
      ['z', 'green'],
    ]);
  });

  it('ignores account-level targets and records dated after now', () => {
    const a = board.groups[1]?.partners.find((p) => p.partnerId === 'a');
    expect(a?.objectives[0]).toMatchObject({ actual: 100, target: 100, attainment: 1 });
  });

  it('rolls partners up into groups, and every partner (not the groups) into the board', () => {
    expect(board.groups[0]).toMatchObject({ key: 'EMEA', light: 'red', score: 0 });
    expect(board.groups[1]).toMatchObject({
      light: 'green',
      label: 'On track',
      score: 2,
      counts: { green: 3, yellow: 0, red: 0, unknown: 1 },
    });
    // Over groups the mean would be (0 + 2) / 2 = 1, yellow; over partners it is 6 / 4 = 1.5.
    expect(board).toMatchObject({ light: 'green', label: 'On track', score: 1.5 });
  });

  it('groups by segment when asked, and follows a custom roll-up policy', () => {
    const bySegment = buildBoard({
      partners: [partner('a', 'NA', 'msp'), partner('r', 'NA', 'distributor')],
      objectives: [revenue],
      targets: [targetOf('a', 100), targetOf('r', 100)],
      metrics: [sale('a', 100), sale('r', 10)],
      groupBy: 'segment',
      policy: { weights: { green: 2, yellow: 1, red: 0 }, greenAt: 2, yellowAt: 1 },
      now,
    });
    expect(bySegment.groups.map((g) => [g.key, g.light])).toEqual([
      ['distributor', 'red'],
      ['msp', 'green'],
    ]);
    expect(bySegment).toMatchObject({ groupBy: 'segment', light: 'yellow', score: 1 });
  });

  it('is an unknown, empty board without partners', () => {
    const empty = buildBoard({
      partners: [],
      objectives: [revenue],
      targets: [],
      metrics: [],
      groupBy: 'region',
      now,
    });
    expect(empty).toMatchObject({ light: 'unknown', label: 'No data', score: null, groups: [] });
  });
});

describe('buildBoard at scale', () => {
  it('builds a board of 10,000 partners × 8 objectives with the right counts', () => {
    const metricsUsed: MetricKey[] = [
      'revenue',
      'pipeline',
      'registrations_won',
      'certified_people',
      'turnover',
    ];
    const objectives = [
      ...metricsUsed.map((metric) => objective(`fy_${metric}`, metric)),
      objective('h1_revenue', 'revenue', H1),
      objective('h1_pipeline', 'pipeline', H1),
      objective('h1_wins', 'registrations_won', H1),
    ];
    const regions = ['NA', 'EMEA', 'APAC', 'LATAM'];
    // Partner i: all on target (green), all at 90 % (yellow), all at 10 % (red), no data
    // (unknown), or revenue and pipeline on target but the rest at 10 % (4 green + 4 red: yellow).
    const kinds = ['green', 'yellow', 'red', 'unknown', 'mixed'] as const;
    const kindOf = (i: number) => kinds[i % kinds.length] ?? 'unknown';
    const expectedLight: Record<(typeof kinds)[number], Light> = {
      green: 'green',
      yellow: 'yellow',
      red: 'red',
      unknown: 'unknown',
      mixed: 'yellow',
    };
    const valueFor = (kind: (typeof kinds)[number], metric: MetricKey) =>
      kind === 'green'
        ? 100
        : kind === 'yellow'
          ? 90
          : kind === 'red'
            ? 10
            : metric === 'revenue' || metric === 'pipeline'
              ? 100
              : 10;

    const partners: PartnerFacts[] = [];
    const targets: TargetFact[] = [];
    const metrics: MetricFact[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const id = `p${i}`;
      partners.push(partner(id, regions[i % regions.length] ?? 'NA', i % 2 ? 'msp' : 'reseller'));
      for (const o of objectives) targets.push({ objectiveId: o.id, partnerId: id, value: 100 });
      const kind = kindOf(i);
      if (kind === 'unknown') continue;
      for (const metric of metricsUsed) {
        metrics.push({ partnerId: id, metric, value: 50, on: '2025-11-01' });
        metrics.push({ partnerId: id, metric, value: valueFor(kind, metric), on: '2026-02-01' });
      }
    }

    const board = buildBoard({ partners, objectives, targets, metrics, groupBy: 'region', now });

    const expected = new Map<string, Record<Light, number>>();
    for (let i = 0; i < 10_000; i += 1) {
      const region = regions[i % regions.length] ?? 'NA';
      const counts = expected.get(region) ?? { green: 0, yellow: 0, red: 0, unknown: 0 };
      counts[expectedLight[kindOf(i)]] += 1;
      expected.set(region, counts);
    }
    expect(board.groups.map((g) => g.key)).toEqual(['APAC', 'EMEA', 'LATAM', 'NA']);
    for (const group of board.groups) {
      expect(group.counts).toEqual(expected.get(group.key));
      expect(group.partners).toHaveLength(2_500);
      expect(group.partners[0]?.light).toBe('red');
      expect(group.partners.at(-1)?.light).toBe('green');
    }
    const statuses = board.groups.flatMap((g) => g.partners.flatMap((p) => p.objectives));
    expect(statuses).toHaveLength(80_000);
    expect(statuses.filter((s) => s.light === 'unknown')).toHaveLength(2_000 * 8);
    expect(statuses.filter((s) => s.trend === 'improving')).toHaveLength(
      2_000 * 8 + 2_000 * 8 + 2_000 * 4,
    );
    // 2,000 green, 4,000 yellow, 2,000 red partners: mean (4,000 + 4,000) / 8,000 = 1, yellow.
    expect(board).toMatchObject({ light: 'yellow', score: 1 });
  });
});
