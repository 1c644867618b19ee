import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionsOverlap, sameRegionLimit } from './region-overlap.js';

const region = fc.option(fc.constantFrom('EMEA', 'emea', ' EMEA ', 'NA', 'APAC', 'DACH'), {
  nil: null,
});

describe('regionsOverlap', () => {
  it('treats null as every region', () => {
    expect(regionsOverlap(null, null)).toBe(true);
    expect(regionsOverlap(null, 'EMEA')).toBe(true);
    expect(regionsOverlap('EMEA', null)).toBe(true);
  });

  it('compares named regions without case or surrounding spaces', () => {
    expect(regionsOverlap('EMEA', 'EMEA')).toBe(true);
    expect(regionsOverlap('emea', ' EMEA ')).toBe(true);
    expect(regionsOverlap('EMEA', 'NA')).toBe(false);
  });

  it('is symmetric and reflexive', () => {
    fc.assert(
      fc.property(region, region, (a, b) => {
        expect(regionsOverlap(a, b)).toBe(regionsOverlap(b, a));
        expect(regionsOverlap(a, a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sameRegionLimit', () => {
  it('tells "all regions" apart from one region', () => {
    expect(sameRegionLimit(null, null)).toBe(true);
    expect(sameRegionLimit(null, 'EMEA')).toBe(false);
    expect(sameRegionLimit('emea', 'EMEA')).toBe(true);
    expect(sameRegionLimit('NA', 'EMEA')).toBe(false);
  });
});
