import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm, EARTH_RADIUS_KM, nearestOffice } from './geo.js';
import { BERLIN, MUNICH, PARIS } from './partner-fixtures.js';

describe('distanceKm', () => {
  it('measures known city distances', () => {
    expect(distanceKm(MUNICH, BERLIN)).toBeCloseTo(504.3, 0);
    expect(distanceKm({ lat: 51.5074, lng: -0.1278 }, PARIS)).toBeCloseTo(343.6, 0);
  });

  it('puts antipodes half the circumference apart', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_KM,
      6,
    );
  });

  const pointArb = fc.record({
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
  });

  it('is symmetric and 0 for the same point (property)', () => {
    fc.assert(
      fc.property(pointArb, pointArb, (a, b) => {
        expect(distanceKm(a, b)).toBe(distanceKm(b, a));
        expect(distanceKm(a, a)).toBe(0);
        expect(distanceKm(a, b)).toBeGreaterThanOrEqual(0);
        expect(distanceKm(a, b)).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('nearestOffice', () => {
  it('is null without offices', () => {
    expect(nearestOffice([], MUNICH)).toBeNull();
  });

  it('picks the closest office with its distance', () => {
    const nearest = nearestOffice([PARIS, BERLIN, MUNICH], { lat: 48.2, lng: 11.7 });
    expect(nearest?.office.name).toBe('Munich HQ');
    expect(nearest?.distanceKm).toBeCloseTo(11.6, 0);
  });

  it('keeps the first listed office on a tie', () => {
    const twin = { ...MUNICH, name: 'Munich annex' };
    expect(nearestOffice([MUNICH, twin], MUNICH)?.office.name).toBe('Munich HQ');
  });
});
