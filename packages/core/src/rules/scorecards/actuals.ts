/**
 * From metric records to the one actual an objective is judged on, and to the per-quarter history
 * its trend is read from.
 */
import type { MetricKey, MetricRecordInput, Period } from '../../schemas/scorecard.js';
import { quarterOf } from './period.js';

/** One recorded value of a metric: the day it belongs to and the amount. */
export type MetricValue = Pick<MetricRecordInput, 'value' | 'on'>;

/**
 * How a metric's records combine. Flows (money and wins over a period) add up; certified people
 * is a headcount at a point in time, so summing monthly snapshots would count the same people
 * again and again: it takes the latest value instead.
 */
export type Aggregation = 'sum' | 'latest';

export const METRIC_AGGREGATION: Readonly<Record<MetricKey, Aggregation>> = {
  revenue: 'sum',
  pipeline: 'sum',
  registrations_won: 'sum',
  certified_people: 'latest',
  turnover: 'sum',
};

/**
 * The single actual of some records: their sum, or the value of the latest day (the later record
 * wins a tie). Null without a finite value: no data is unknown, never zero.
 */
export const aggregateActuals = (
  metric: MetricKey,
  values: readonly MetricValue[],
): number | null => {
  let result: number | null = null;
  let latestOn = '';
  const latest = METRIC_AGGREGATION[metric] === 'latest';
  for (const { value, on } of values) {
    if (!Number.isFinite(value)) continue;
    if (!latest) result = (result ?? 0) + value;
    else if (result === null || on >= latestOn) {
      result = value;
      latestOn = on;
    }
  }
  return result;
};

/** Records of the period up to `today`: a value dated in the future is a forecast, not an actual. */
export const actualsInPeriod = (
  values: readonly MetricValue[],
  period: Period,
  today: string,
): MetricValue[] => {
  const until = today < period.to ? today : period.to;
  return values.filter(({ on }) => period.from <= on && on <= until);
};

/**
 * One value per calendar quarter that has records, oldest first, for `trendOf`. Summed metrics use
 * finished quarters only (a quarter under way would always look like a drop); point-in-time
 * metrics include the current quarter, whose latest value is already comparable.
 */
export const quarterlyHistory = (
  metric: MetricKey,
  values: readonly MetricValue[],
  today: string,
): number[] => {
  const currentQuarter = quarterOf(today);
  const includeCurrent = METRIC_AGGREGATION[metric] === 'latest';
  const byQuarter = new Map<string, MetricValue[]>();
  for (const record of values) {
    if (record.on > today) continue;
    const quarter = quarterOf(record.on);
    if (quarter === currentQuarter && !includeCurrent) continue;
    const bucket = byQuarter.get(quarter);
    if (bucket) bucket.push(record);
    else byQuarter.set(quarter, [record]);
  }
  return [...byQuarter.keys()]
    .sort()
    .map((quarter) => aggregateActuals(metric, byQuarter.get(quarter) ?? []))
    .filter((value): value is number => value !== null);
};
