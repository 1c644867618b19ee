/**
 * Objectives of the current year and quarter, a target per partner and five quarters of monthly
 * metric records, so the traffic-light board shows every light: each partner gets a form (strong,
 * steady, struggling) and its targets are set against what it actually achieved so far (read
 * through core's aggregation rules), a few partners have no turnover import (unknown), and the
 * newest partners have no data at all.
 */
import {
  actualsInPeriod,
  addDays,
  aggregateActuals,
  calendarDayOf,
  DEFAULT_THRESHOLDS,
  type MetricKey,
  type Objective,
  quarterOf,
  type Thresholds,
  toMs,
} from '@openprm/core';
import type { DemoRegion } from './geography.js';
import type { Random } from './prng.js';
import type { DemoPartner } from './world.js';

export interface DemoTarget {
  objectiveId: string;
  partnerId: string;
  value: number;
}

export interface DemoMetric {
  partnerId: string;
  metric: MetricKey;
  value: number;
  on: string;
  source: string;
}

export interface ScorecardWorld {
  objectives: Objective[];
  targets: DemoTarget[];
  metrics: DemoMetric[];
}

const quarterPeriod = (today: string) => {
  const [year, q] = quarterOf(today).split('-Q').map(Number) as [number, number];
  const fromMonth = (q - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, fromMonth + 2, 0)).toISOString().slice(0, 10);
  return {
    label: `Q${q} ${year}`,
    from: `${year}-${String(fromMonth).padStart(2, '0')}-01`,
    to: end,
    key: `${year}_q${q}`,
  };
};

/** Two significant digits: targets read like targets, not like computed numbers. */
const niceRound = (value: number) => {
  if (value < 10) return Math.max(1, Math.round(value));
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / step) * step;
};

/** The first day of each of the last 15 months, oldest first, today's month included. */
const monthStarts = (today: string) => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: 15 }, (_, i) =>
    new Date(Date.UTC(year, month - 14 + i, 1)).toISOString().slice(0, 10),
  );
};

type Form = 'strong' | 'steady' | 'struggling';

/** Regions fare differently, so the board's first level already tells a story. */
const FORMS: Readonly<Record<DemoRegion, readonly Form[]>> = {
  NA: ['strong', 'strong', 'strong', 'steady'],
  EMEA: ['strong', 'steady', 'steady', 'struggling'],
  APAC: ['steady', 'struggling', 'struggling', 'struggling'],
  LATAM: ['strong', 'steady', 'struggling'],
};

/** How much of its target a partner of this form reaches: spread across the thresholds. */
const attainmentFor = (rng: Random, form: Form) =>
  form === 'strong'
    ? rng.between(0.95, 1.35)
    : form === 'steady'
      ? rng.between(0.78, 1.08)
      : rng.between(0.45, 0.9);

export const buildScorecards = (
  rng: Random,
  now: string,
  partners: readonly DemoPartner[],
): ScorecardWorld => {
  const today = calendarDayOf(now);
  const year = today.slice(0, 4);
  const quarter = quarterPeriod(today);
  const objective = (
    id: string,
    name: string,
    metric: MetricKey,
    period: { from: string; to: string },
    extra: Partial<Objective> = {},
  ): Objective => ({
    id,
    name,
    metric,
    period,
    direction: 'higher_is_better',
    thresholds: { ...DEFAULT_THRESHOLDS } as Thresholds,
    createdAt: addDays(`${period.from}T09:00:00.000Z`, -14),
    ...extra,
  });
  const yearPeriod = { from: `${year}-01-01`, to: `${year}-12-31` };
  const objectives = [
    objective(`obj_revenue_${year}`, `Revenue ${year}`, 'revenue', yearPeriod, { unit: 'EUR' }),
    objective(`obj_pipeline_${quarter.key}`, `Pipeline ${quarter.label}`, 'pipeline', quarter, {
      unit: 'EUR',
      thresholds: { green: 1, yellow: 0.7 },
    }),
    objective(
      `obj_registrations_won_${year}`,
      `Registrations won ${year}`,
      'registrations_won',
      yearPeriod,
    ),
    objective(
      `obj_certified_people_${year}`,
      `Certified people ${year}`,
      'certified_people',
      yearPeriod,
      { defaultTarget: 5 },
    ),
    objective(`obj_turnover_${quarter.key}`, `Turnover ${quarter.label}`, 'turnover', quarter, {
      unit: 'EUR',
    }),
  ].map(({ period, ...rest }) => ({ ...rest, period: { from: period.from, to: period.to } }));

  const targets: DemoTarget[] = [];
  const metrics: DemoMetric[] = [];
  const months = monthStarts(today);
  for (const partner of partners) {
    // Partners that joined in the last two months have nothing recorded yet: their lights are grey.
    if (toMs(partner.createdAt) > toMs(addDays(now, -60))) continue;
    const own = rng.fork(`scorecard:${partner.id}`);
    const form = own.pick(FORMS[partner.region]);
    const monthlyRevenue = partner.peopleCount * own.between(600, 1800);
    const growth = own.between(-0.02, 0.035);
    const certifiedBase = Math.max(1, Math.round(partner.peopleCount * own.between(0.03, 0.2)));
    const importsTurnover = own.chance(0.8);
    const series: Record<MetricKey, (i: number) => number> = {
      revenue: (i) => Math.round(monthlyRevenue * (1 + growth) ** i * own.between(0.8, 1.2)),
      pipeline: (i) => Math.round(monthlyRevenue * 3 * (1 + growth) ** i * own.between(0.7, 1.3)),
      registrations_won: () => own.int(0, Math.max(1, Math.round(partner.peopleCount / 60))),
      certified_people: (i) => certifiedBase + Math.floor(i / 4),
      turnover: (i) => Math.round(monthlyRevenue * 1.6 * (1 + growth) ** i * own.between(0.9, 1.1)),
    };
    for (const [metric, valueAt] of Object.entries(series) as [
      MetricKey,
      (i: number) => number,
    ][]) {
      if (metric === 'turnover' && !importsTurnover) continue;
      months.forEach((on, i) => {
        metrics.push({
          partnerId: partner.id,
          metric,
          value: valueAt(i),
          on,
          source: metric === 'turnover' ? 'erp-import' : 'crm-sync',
        });
      });
    }
    for (const o of objectives) {
      // Certified people: most partners are judged on the program's default target.
      if (o.metric === 'certified_people' && own.chance(0.6)) continue;
      const records = metrics.filter((m) => m.partnerId === partner.id && m.metric === o.metric);
      const actual = aggregateActuals(o.metric, actualsInPeriod(records, o.period, today));
      const value =
        actual === null
          ? niceRound(monthlyRevenue * 3)
          : niceRound(actual / attainmentFor(own, form));
      targets.push({ objectiveId: o.id, partnerId: partner.id, value });
    }
  }
  return { objectives, targets, metrics };
};
