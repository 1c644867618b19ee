import { describe, expect, it } from 'vitest';
import { actualsInPeriod, aggregateActuals, quarterlyHistory } from './actuals.js';

const year = { from: '2026-01-01', to: '2026-12-31' };

describe('aggregateActuals', () => {
  it('sums additive metrics', () => {
    const values = [
      { value: 100, on: '2026-01-10' },
      { value: 50, on: '2026-02-10' },
    ];
    expect(aggregateActuals('revenue', values)).toBe(150);
    expect(aggregateActuals('registrations_won', values)).toBe(150);
  });

  it('takes the latest value of certified people, the later record winning a tie', () => {
    const values = [
      { value: 9, on: '2026-03-01' },
      { value: 4, on: '2026-01-01' },
      { value: 7, on: '2026-03-01' },
    ];
    expect(aggregateActuals('certified_people', values)).toBe(7);
  });

  it('is null without records: no data is not zero', () => {
    expect(aggregateActuals('revenue', [])).toBeNull();
    expect(aggregateActuals('certified_people', [])).toBeNull();
  });
});

describe('actualsInPeriod', () => {
  it('keeps records inside the period and not after today', () => {
    const values = [
      { value: 1, on: '2025-12-31' },
      { value: 2, on: '2026-01-01' },
      { value: 3, on: '2026-06-30' },
      { value: 4, on: '2026-07-01' },
    ];
    expect(actualsInPeriod(values, year, '2026-06-30').map((v) => v.value)).toEqual([2, 3]);
    expect(actualsInPeriod(values, year, '2027-01-05').map((v) => v.value)).toEqual([2, 3, 4]);
  });
});

describe('quarterlyHistory', () => {
  const values = [
    { value: 10, on: '2026-01-15' },
    { value: 20, on: '2026-02-15' },
    { value: 5, on: '2025-11-02' },
    { value: 40, on: '2026-04-10' },
    { value: 99, on: '2026-05-01' },
  ];

  it('sums finished quarters only for additive metrics, oldest first', () => {
    expect(quarterlyHistory('revenue', values, '2026-04-20')).toEqual([5, 30]);
  });

  it('includes the current quarter for point-in-time metrics', () => {
    expect(quarterlyHistory('certified_people', values, '2026-04-20')).toEqual([5, 20, 40]);
  });
});
