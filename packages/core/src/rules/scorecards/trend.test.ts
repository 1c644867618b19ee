import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trendOf } from './trend.js';

describe('trendOf', () => {
  it('compares the last two values, aware of the direction', () => {
    expect(trendOf([100, 120], 'higher_is_better')).toBe('improving');
    expect(trendOf([120, 100], 'higher_is_better')).toBe('worsening');
    expect(trendOf([100, 120], 'lower_is_better')).toBe('worsening');
    expect(trendOf([120, 100], 'lower_is_better')).toBe('improving');
  });

  it('only looks at the last two known values, skipping gaps', () => {
    expect(trendOf([500, 100, null, 120, null], 'higher_is_better')).toBe('improving');
    expect(trendOf([10, Number.NaN, 5], 'higher_is_better')).toBe('worsening');
  });

  it('is flat within 2 % of the earlier value', () => {
    expect(trendOf([100, 102], 'higher_is_better')).toBe('flat');
    expect(trendOf([100, 98], 'lower_is_better')).toBe('flat');
    expect(trendOf([100, 102.5], 'higher_is_better')).toBe('improving');
    expect(trendOf([0, 0], 'higher_is_better')).toBe('flat');
    expect(trendOf([0, 1], 'higher_is_better')).toBe('improving');
    expect(trendOf([100, 104], 'higher_is_better', 0.05)).toBe('flat');
  });

  it('is unknown with fewer than two known values', () => {
    expect(trendOf([], 'higher_is_better')).toBe('unknown');
    expect(trendOf([null, 7, null], 'higher_is_better')).toBe('unknown');
  });
});

describe('trend properties', () => {
  const value = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null });

  it('swapping the direction swaps improving and worsening and keeps flat and unknown', () => {
    const swap = {
      improving: 'worsening',
      worsening: 'improving',
      flat: 'flat',
      unknown: 'unknown',
    };
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), (values) => {
        expect(trendOf(values, 'lower_is_better')).toBe(swap[trendOf(values, 'higher_is_better')]);
      }),
      { numRuns: 1000 },
    );
  });
});
