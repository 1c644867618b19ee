import { describe, expect, it } from 'vitest';
import { calendarDayOf, objectivesActiveOn, periodContains, quarterOf } from './period.js';

const year = { from: '2026-01-01', to: '2026-12-31' };

describe('period helpers', () => {
  it('reads the UTC day of an instant', () => {
    expect(calendarDayOf('2026-03-31T23:30:00-02:00')).toBe('2026-04-01');
    expect(calendarDayOf(new Date('2026-03-31T12:00:00Z'))).toBe('2026-03-31');
  });

  it('includes both ends of a period', () => {
    expect(periodContains(year, '2026-01-01')).toBe(true);
    expect(periodContains(year, '2026-12-31')).toBe(true);
    expect(periodContains(year, '2027-01-01')).toBe(false);
  });

  it('names calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });

  it('keeps the objectives active on a day', () => {
    const objectives = [
      { id: 'fy', period: year },
      { id: 'q1', period: { from: '2026-01-01', to: '2026-03-31' } },
    ];
    expect(objectivesActiveOn(objectives, '2026-05-01').map((o) => o.id)).toEqual(['fy']);
  });
});
