import { describe, expect, it } from 'vitest';
import { type ObjectiveFacts, objectiveStatus } from './objective-status.js';

const revenue: ObjectiveFacts = {
  id: 'obj_rev',
  name: 'Revenue FY2026',
  metric: 'revenue',
  period: { from: '2026-01-01', to: '2026-12-31' },
  direction: 'higher_is_better',
  thresholds: { green: 1, yellow: 0.8 },
  unit: 'EUR',
};
const now = '2026-06-30T12:00:00Z';

describe('objectiveStatus', () => {
  it('sums the period actuals, judges them against the target and explains the light', () => {
    const status = objectiveStatus({
      objective: revenue,
      target: 100_000,
      actuals: [
        { value: 2_000_000, on: '2025-12-31' },
        { value: 50_000, on: '2026-02-01' },
        { value: 35_000, on: '2026-05-01' },
        { value: 1_000_000, on: '2026-07-01' },
      ],
      history: [60_000, 80_000],
      now,
    });
    expect(status).toEqual({
      objectiveId: 'obj_rev',
      name: 'Revenue FY2026',
      metric: 'revenue',
      light: 'yellow',
      label: 'At risk',
      actual: 85_000,
      target: 100_000,
      attainment: 0.85,
      trend: 'improving',
      nextBestAction:
        'Register more deals and close the approved ones: 15,000 EUR to go (85 % of target).',
    });
  });

  it('takes the latest value of certified people instead of a sum', () => {
    const status = objectiveStatus({
      objective: { ...revenue, metric: 'certified_people', defaultTarget: 4 },
      target: null,
      actuals: [
        { value: 3, on: '2026-01-31' },
        { value: 4, on: '2026-04-30' },
      ],
      history: [3, 4],
      now,
    });
    expect(status).toMatchObject({ actual: 4, target: 4, light: 'green', nextBestAction: null });
  });

  it('falls back to the default target only when the partner has none', () => {
    const objective = { ...revenue, defaultTarget: 10 };
    const actuals = [{ value: 10, on: '2026-03-01' }];
    expect(objectiveStatus({ objective, target: 40, actuals, history: [], now }).light).toBe('red');
    expect(objectiveStatus({ objective, target: null, actuals, history: [], now }).light).toBe(
      'green',
    );
  });

  it('is unknown without actuals in the period, and asks for them', () => {
    const status = objectiveStatus({
      objective: revenue,
      target: 100,
      actuals: [{ value: 500, on: '2025-06-01' }],
      history: [],
      now,
    });
    expect(status).toMatchObject({
      actual: null,
      attainment: null,
      light: 'unknown',
      label: 'No data',
      trend: 'unknown',
      nextBestAction: 'Record actuals for revenue so progress can be measured.',
    });
  });

  it('uses the objective direction and thresholds', () => {
    const status = objectiveStatus({
      objective: {
        ...revenue,
        direction: 'lower_is_better',
        thresholds: { green: 0.9, yellow: 0.5 },
      },
      target: 100,
      actuals: [{ value: 105, on: '2026-03-01' }],
      history: [120, 105],
      now,
    });
    expect(status).toMatchObject({ light: 'green', trend: 'improving', nextBestAction: null });
  });
});
