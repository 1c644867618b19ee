import { describe, expect, it } from 'vitest';
import {
  hasCriteria,
  parseSkillList,
  pointProblem,
  type SearchFilters,
  toSearchQuery,
  toSkillKey,
} from './skills-finder.query.js';

const filters = (overrides: Partial<SearchFilters> = {}): SearchFilters => ({
  skills: [],
  match: 'all',
  minLevel: '',
  certifiedOnly: false,
  includeStale: false,
  country: '',
  region: '',
  lat: '',
  lng: '',
  radiusKm: '',
  limit: 25,
  ...overrides,
});

describe('skills finder query', () => {
  it('turns typed skills into taxonomy keys, once each, and drops what cannot be one', () => {
    expect(toSkillKey(' Cloud Migration ')).toBe('cloud-migration');
    expect(toSkillKey('c++')).toBeUndefined();
    expect(parseSkillList('networking, Security,,networking,c++')).toEqual([
      'networking',
      'security',
    ]);
    expect(parseSkillList(undefined)).toEqual([]);
  });

  it('sends only what a person chose, booleans as query text', () => {
    expect(toSearchQuery(filters())).toEqual({ limit: 25 });
    expect(
      toSearchQuery(
        filters({
          skills: ['networking', 'security'],
          match: 'any',
          minLevel: 'expert',
          certifiedOnly: true,
          includeStale: true,
          country: 'DE',
          region: 'DACH',
          lat: '53.55',
          lng: '9.99',
          radiusKm: '50',
        }),
      ),
    ).toEqual({
      skills: 'networking,security',
      match: 'any',
      minLevel: 'expert',
      certifiedOnly: 'true',
      includeStale: 'true',
      country: 'DE',
      region: 'DACH',
      lat: 53.55,
      lng: 9.99,
      radiusKm: 50,
      limit: 25,
    });
  });

  it('finds the first problem with the point, in the contract’s limits', () => {
    expect(pointProblem(filters())).toBeUndefined();
    expect(pointProblem(filters({ lat: '1' }))).toBe('pointIncomplete');
    expect(pointProblem(filters({ radiusKm: '10' }))).toBe('pointIncomplete');
    expect(pointProblem(filters({ lat: '91', lng: '0' }))).toBe('latOutOfRange');
    expect(pointProblem(filters({ lat: '0', lng: '-181' }))).toBe('lngOutOfRange');
    expect(pointProblem(filters({ lat: '0', lng: '0', radiusKm: '0' }))).toBe('radiusOutOfRange');
    expect(pointProblem(filters({ lat: '0', lng: '0', radiusKm: '20000' }))).toBeUndefined();
  });

  it('presets a search only when they name something to search for', () => {
    expect(hasCriteria(filters({ match: 'any', certifiedOnly: true }))).toBe(false);
    expect(hasCriteria(filters({ skills: ['iot'] }))).toBe(true);
    expect(hasCriteria(filters({ region: 'DACH' }))).toBe(true);
    expect(hasCriteria(filters({ lat: '1' }))).toBe(false);
  });
});
