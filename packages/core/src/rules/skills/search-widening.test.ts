import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Partner } from '../../schemas/partner.js';
import { BERLIN, criteriaArb, MUNICH, makePartner, NOW, partnersArb } from './partner-fixtures.js';
import { searchWithWidening } from './search-widening.js';
import { rankPartners, type SkillSearchCriteria } from './skill-ranking.js';

const at = (id: string, lat: number, lng: number): Partner =>
  makePartner({ id, offices: [{ ...MUNICH, name: id, city: id, lat, lng }] });

const munich = at('munich', MUNICH.lat, MUNICH.lng);
const augsburg = at('augsburg', 48.3705, 10.8978); // about 60 km from Munich
const nuremberg = at('nuremberg', 49.4521, 11.0767); // about 150 km
const berlin = at('berlin', BERLIN.lat, BERLIN.lng); // about 500 km

const nearMunich = (radiusKm: number | null): SkillSearchCriteria => ({
  skills: [],
  match: 'all',
  near: { lat: MUNICH.lat, lng: MUNICH.lng, radiusKm },
});
const ids = (results: { partner: Partner }[]) => results.map((result) => result.partner.id);

describe('searchWithWidening', () => {
  it('does not widen when enough partners match within the radius', () => {
    const response = searchWithWidening({
      partners: [munich, augsburg, nuremberg],
      criteria: nearMunich(200),
      now: NOW,
    });
    expect(response.widened).toBeNull();
    expect(ids(response.data)).toEqual(['munich', 'augsburg', 'nuremberg']);
  });

  it('widens step by step until enough match, and says so', () => {
    const response = searchWithWidening({
      partners: [berlin, nuremberg, augsburg, munich],
      criteria: nearMunich(50),
      now: NOW,
    });
    expect(ids(response.data)).toEqual(['munich', 'augsburg', 'nuremberg']);
    expect(response.widened).toEqual({
      fromKm: 50,
      toKm: 200,
      steps: 2,
      notice: 'Only 1 partner within 50 km; widened to 200 km.',
    });
  });

  it('lifts the distance limit last and admits when still too few match', () => {
    const response = searchWithWidening({
      partners: [munich, berlin, makePartner({ id: 'no-office' })],
      criteria: nearMunich(50),
      minResults: 4,
      now: NOW,
    });
    expect(ids(response.data)).toEqual(['munich', 'berlin', 'no-office']);
    expect(response.widened).toEqual({
      fromKm: 50,
      toKm: null,
      steps: 3,
      notice:
        'Only 1 partner within 50 km; widened to any distance. ' +
        'Still only 3 found, fewer than the 4 wanted.',
    });
  });

  it('says "no partners" when none matched at first, and follows custom steps', () => {
    const response = searchWithWidening({
      partners: [augsburg],
      criteria: nearMunich(30),
      minResults: 1,
      steps: [0.5, 3, 10],
      now: NOW,
    });
    expect(ids(response.data)).toEqual(['augsburg']);
    expect(response.widened).toEqual({
      fromKm: 30,
      toKm: 90,
      steps: 1,
      notice: 'No partners within 30 km; widened to 90 km.',
    });
  });

  it('never widens a search without a point or without a radius', () => {
    const byPlace = searchWithWidening({
      partners: [munich],
      criteria: { skills: [], match: 'all' },
      now: NOW,
    });
    expect(byPlace).toEqual({
      data: rankPartners({ partners: [munich], criteria: { skills: [], match: 'all' }, now: NOW }),
      widened: null,
    });
    const anyDistance = searchWithWidening({
      partners: [munich],
      criteria: nearMunich(null),
      now: NOW,
    });
    expect(anyDistance.widened).toBeNull();
  });

  it('does not chase more results than the page limit allows', () => {
    const response = searchWithWidening({
      partners: [munich, berlin],
      criteria: { ...nearMunich(50), limit: 1 },
      now: NOW,
    });
    expect(response.widened).toBeNull();
    expect(ids(response.data)).toEqual(['munich']);
  });

  it('widening never returns fewer results than the unwidened search and only widens when too few matched', () => {
    const radiusSearchArb = criteriaArb.chain((criteria) =>
      fc
        .record({
          lat: fc.double({ min: 35, max: 60, noNaN: true }),
          lng: fc.double({ min: -10, max: 30, noNaN: true }),
          radiusKm: fc.integer({ min: 10, max: 1500 }),
        })
        .map((near): SkillSearchCriteria => ({ ...criteria, near })),
    );
    fc.assert(
      fc.property(
        partnersArb,
        radiusSearchArb,
        fc.integer({ min: 1, max: 6 }),
        (partners, criteria, minResults) => {
          const unwidened = rankPartners({ partners, criteria, now: NOW });
          const response = searchWithWidening({ partners, criteria, minResults, now: NOW });
          expect(response.data.length).toBeGreaterThanOrEqual(unwidened.length);
          const wanted = Math.min(minResults, criteria.limit ?? minResults);
          if (response.widened === null) {
            expect(response.data).toEqual(unwidened);
          } else {
            expect(unwidened.length).toBeLessThan(wanted);
            expect(response.widened.fromKm).toBe(criteria.near?.radiusKm);
            const toKm = response.widened.toKm ?? Number.POSITIVE_INFINITY;
            expect(toKm).toBeGreaterThan(response.widened.fromKm);
            expect(response.widened.notice).toMatch(/widened to/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
