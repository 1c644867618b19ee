/**
 * Look-ups the board builds once, so each partner's metrics and targets are found in O(1)
 * instead of scanning every record for every partner.
 */
import type { MetricKey, MetricRecordInput, Target } from '../../schemas/scorecard.js';
import type { MetricValue } from './actuals.js';

/**
 * A recorded metric value of a partner. A record attributed to one of its accounts is part of the
 * partner's total too, so don't import a partner total beside its per-account breakdown.
 */
export type MetricFact = Pick<MetricRecordInput, 'partnerId' | 'metric' | 'value' | 'on'>;

/** A target; `accountId` null or absent means the partner-level target. */
export type TargetFact = Pick<Target, 'objectiveId' | 'partnerId' | 'value'> &
  Partial<Pick<Target, 'accountId'>>;

export type MetricIndex = ReadonlyMap<string, ReadonlyMap<MetricKey, MetricValue[]>>;

/** Records by partner, then by metric, in input order. */
export const indexMetrics = (metrics: Iterable<MetricFact>): MetricIndex => {
  const index = new Map<string, Map<MetricKey, MetricValue[]>>();
  for (const { partnerId, metric, value, on } of metrics) {
    let byMetric = index.get(partnerId);
    if (byMetric === undefined) {
      byMetric = new Map();
      index.set(partnerId, byMetric);
    }
    const values = byMetric.get(metric);
    if (values) values.push({ value, on });
    else byMetric.set(metric, [{ value, on }]);
  }
  return index;
};

export type TargetIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Partner-level target values by partner, then by objective. Account-level targets are left out
 * (the board judges partners); when a pair repeats, the later target wins, as a later import would.
 */
export const indexTargets = (targets: Iterable<TargetFact>): TargetIndex => {
  const index = new Map<string, Map<string, number>>();
  for (const { objectiveId, partnerId, value, accountId } of targets) {
    if (accountId !== undefined && accountId !== null) continue;
    let byObjective = index.get(partnerId);
    if (byObjective === undefined) {
      byObjective = new Map();
      index.set(partnerId, byObjective);
    }
    byObjective.set(objectiveId, value);
  }
  return index;
};
