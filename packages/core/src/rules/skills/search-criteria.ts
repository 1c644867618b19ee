/** Turn the `GET /v1/partners/search` query into the criteria the ranking rules take. */
import type { PartnerSearchQuery } from '../../schemas/partner.js';
import type { SkillSearchCriteria } from './skill-ranking.js';

export interface SearchRequest {
  criteria: SkillSearchCriteria;
  minResults?: number;
}

/**
 * Skills travel as comma-separated text; `match` defaults to `all`. A point without a radius
 * ranks by distance without limiting it; a radius without a point is ignored.
 */
export const searchCriteriaFromQuery = (query: PartnerSearchQuery): SearchRequest => {
  const criteria: SkillSearchCriteria = {
    skills: query.skills === undefined ? [] : query.skills.split(','),
    match: query.match ?? 'all',
    ...(query.minLevel === undefined ? {} : { minLevel: query.minLevel }),
    ...(query.certifiedOnly === undefined ? {} : { certifiedOnly: query.certifiedOnly }),
    ...(query.country === undefined ? {} : { country: query.country }),
    ...(query.region === undefined ? {} : { region: query.region }),
    ...(query.lat === undefined || query.lng === undefined
      ? {}
      : { near: { lat: query.lat, lng: query.lng, radiusKm: query.radiusKm ?? null } }),
    ...(query.includeStale === undefined ? {} : { includeStale: query.includeStale }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
  return query.minResults === undefined ? { criteria } : { criteria, minResults: query.minResults };
};
