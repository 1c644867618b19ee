/**
 * One partner's objective, judged: the actual of the period against the target, the light and
 * its label, the trend over past quarters and the next best action.
 */
import type { Objective, ObjectiveStatus } from '../../schemas/scorecard.js';
import type { Instant } from '../time.js';
import { actualsInPeriod, aggregateActuals, type MetricValue } from './actuals.js';
import { nextBestAction } from './next-best-action.js';
import { calendarDayOf } from './period.js';
import { attainment, LIGHT_LABELS, lightForAttainment } from './traffic-light.js';
import { trendOf } from './trend.js';

/** The parts of an objective the status needs. */
export type ObjectiveFacts = Pick<
  Objective,
  'id' | 'name' | 'metric' | 'period' | 'direction' | 'thresholds'
> &
  Partial<Pick<Objective, 'defaultTarget' | 'unit'>>;

export interface ObjectiveStatusInput {
  objective: ObjectiveFacts;
  /** The partner's own target; null falls back to the objective's default target. */
  target: number | null;
  /**
   * The partner's records of the objective's metric. Only those dated inside the period and not
   * after `now` count; additive metrics are summed, certified people takes the latest value.
   */
  actuals: readonly MetricValue[];
  /** One value per past period (e.g. quarter), oldest first, for the trend. */
  history: readonly (number | null)[];
  now: Instant;
}

export const objectiveStatus = ({
  objective,
  target: ownTarget,
  actuals,
  history,
  now,
}: ObjectiveStatusInput): ObjectiveStatus => {
  const inPeriod = actualsInPeriod(actuals, objective.period, calendarDayOf(now));
  const actual = aggregateActuals(objective.metric, inPeriod);
  const target = ownTarget ?? objective.defaultTarget ?? null;
  const ratio = attainment(actual, target, objective.direction);
  const light = lightForAttainment(ratio, objective.thresholds);
  const trend = trendOf(history, objective.direction);
  const action = nextBestAction({
    metric: objective.metric,
    light,
    attainment: ratio,
    trend,
    actual,
    target,
    direction: objective.direction,
    ...(objective.unit === undefined ? {} : { unit: objective.unit }),
  });
  return {
    objectiveId: objective.id,
    name: objective.name,
    metric: objective.metric,
    light,
    label: LIGHT_LABELS[light],
    actual,
    target,
    attainment: ratio,
    trend,
    nextBestAction: action,
  };
};
