import { describe, expect, it } from 'vitest';
import { PartnerSearchQuery } from '../../schemas/partner.js';
import { searchCriteriaFromQuery } from './search-criteria.js';

describe('searchCriteriaFromQuery', () => {
  it('turns the query text into search criteria', () => {
    const query = PartnerSearchQuery.parse({
      skills: 'cloud,security',
      match: 'any',
      minLevel: 'practitioner',
      certifiedOnly: 'true',
      country: 'DE',
      lat: '48.1',
      lng: '11.5',
      radiusKm: '50',
      minResults: '5',
      includeStale: 'false',
      limit: '20',
    });
    expect(searchCriteriaFromQuery(query)).toEqual({
      criteria: {
        skills: ['cloud', 'security'],
        match: 'any',
        minLevel: 'practitioner',
        certifiedOnly: true,
        country: 'DE',
        near: { lat: 48.1, lng: 11.5, radiusKm: 50 },
        includeStale: false,
        limit: 20,
      },
      minResults: 5,
    });
  });

  it('defaults to all skills, no place and no distance limit', () => {
    expect(searchCriteriaFromQuery(PartnerSearchQuery.parse({}))).toEqual({
      criteria: { skills: [], match: 'all' },
    });
    const pointOnly = searchCriteriaFromQuery(PartnerSearchQuery.parse({ lat: '1', lng: '2' }));
    expect(pointOnly.criteria.near).toEqual({ lat: 1, lng: 2, radiusKm: null });
    const radiusOnly = searchCriteriaFromQuery(PartnerSearchQuery.parse({ radiusKm: '10' }));
    expect(radiusOnly.criteria.near).toBeUndefined();
  });
});
