/**
 * Test data for the skills rules: a readable partner builder for examples and fast-check
 * arbitraries for properties. Used by tests only; not exported from the barrel.
 */
import fc from 'fast-check';
import { type Partner, SKILL_LEVELS } from '../../schemas/partner.js';
import { addDays } from '../time.js';
import type { SkillSearchCriteria } from './skill-ranking.js';

export const NOW = '2026-06-01T00:00:00.000Z';

export const daysAgo = (days: number): string => addDays(NOW, -days);
export const inDays = (days: number): string => addDays(NOW, days);

export const MUNICH = {
  name: 'Munich HQ',
  city: 'Munich',
  country: 'DE',
  lat: 48.1374,
  lng: 11.5755,
};
export const BERLIN = { name: 'Berlin', city: 'Berlin', country: 'DE', lat: 52.52, lng: 13.405 };
export const PARIS = { name: 'Paris', city: 'Paris', country: 'FR', lat: 48.8566, lng: 2.3522 };

export const makePartner = (overrides: Partial<Partner> & Pick<Partner, 'id'>): Partner => ({
  name: `Partner ${overrides.id}`,
  segment: 'reseller',
  region: 'EMEA',
  countries: ['DE'],
  skills: [],
  certifications: [],
  offices: [],
  profileUpdatedAt: daysAgo(30),
  stale: false,
  ...overrides,
});

/** A small pool, so that generated partners and searches overlap often. */
export const SKILL_POOL = ['cloud', 'security', 'network', 'data'] as const;

const skillArb = fc.constantFrom(...SKILL_POOL);
const levelArb = fc.constantFrom(...SKILL_LEVELS);

const officeArb = fc.record({
  name: fc.constantFrom('HQ', 'Branch', 'Lab'),
  city: fc.constantFrom('Munich', 'Berlin', 'Paris', 'Vienna'),
  country: fc.constantFrom('DE', 'FR', 'AT'),
  // Around Europe, so that radii of tens to thousands of km all matter.
  lat: fc.double({ min: 35, max: 60, noNaN: true }),
  lng: fc.double({ min: -10, max: 30, noNaN: true }),
});

const partnerArb: fc.Arbitrary<Omit<Partner, 'id'>> = fc.record({
  // Few names, so the tie-break by name and id is exercised.
  name: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
  segment: fc.constant('reseller'),
  region: fc.constantFrom('EMEA', 'DACH'),
  countries: fc.subarray(['DE', 'FR', 'AT']),
  skills: fc.array(fc.record({ skill: skillArb, level: levelArb }), { maxLength: 6 }),
  certifications: fc.array(
    fc.record({
      name: fc.constant('Certified'),
      skill: skillArb,
      expiresAt: fc.integer({ min: -400, max: 400 }).map(inDays),
    }),
    { maxLength: 5 },
  ),
  offices: fc.array(officeArb, { maxLength: 3 }),
  profileUpdatedAt: fc.integer({ min: 0, max: 300 }).map(daysAgo),
  stale: fc.boolean(),
});

/** Up to 15 partners with distinct ids. */
export const partnersArb: fc.Arbitrary<Partner[]> = fc
  .array(partnerArb, { maxLength: 15 })
  .map((partners) => partners.map((partner, i) => ({ ...partner, id: `p${i}` })));

/** Place filters narrow a search sharply, so each comes alone and most searches have none. */
const placeArb: fc.Arbitrary<Pick<SkillSearchCriteria, 'country' | 'region' | 'near'>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.record({ country: fc.constantFrom('DE', 'FR', 'AT') }) },
  { weight: 1, arbitrary: fc.record({ region: fc.constantFrom('EMEA', 'DACH') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      near: fc.record({
        lat: fc.double({ min: 35, max: 60, noNaN: true }),
        lng: fc.double({ min: -10, max: 30, noNaN: true }),
        radiusKm: fc.option(fc.integer({ min: 50, max: 4000 }), { nil: null }),
      }),
    }),
  },
);

const skillCriteriaArb = fc.record(
  {
    skills: fc.subarray([...SKILL_POOL, 'quantum'], { maxLength: 3 }),
    match: fc.constantFrom('all' as const, 'any' as const),
    minLevel: levelArb,
    certifiedOnly: fc.boolean(),
    includeStale: fc.boolean(),
    limit: fc.integer({ min: 1, max: 10 }),
  },
  { requiredKeys: ['skills', 'match'] },
);

export const criteriaArb: fc.Arbitrary<SkillSearchCriteria> = fc
  .tuple(skillCriteriaArb, placeArb)
  .map(([skills, place]) => ({ ...skills, ...place }));
