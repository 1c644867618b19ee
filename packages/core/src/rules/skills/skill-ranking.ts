/**
 * "Who is best for this customer?" (DESIGN §2.3): filter partners by skills, level, certification,
 * place and freshness, then rank them by an explained score, best first.
 */

import type { Partner, PartnerSearchResult, SkillLevel } from '../../schemas/partner.js';
import { DEFAULT_PROGRAM } from '../../schemas/program.js';
import { daysBetween, type Instant } from '../time.js';
import { isCertificationValid } from './certifications.js';
import { type LatLng, nearestOffice } from './geo.js';
import {
  certificationsComponent,
  distanceComponent,
  freshnessComponent,
  type SearchScoreComponents,
  skillsComponent,
  weightedSearchScore,
} from './search-score.js';
import { summariseSearchScore } from './search-score-summary.js';
import { matchSkills, normaliseSkillKeys, satisfiesSearch } from './skill-match.js';
import { isProfileStale, profileAgeDays } from './staleness.js';

export interface SearchPoint extends LatLng {
  /** Only partners with an office within this many km match; `null`: any distance (still ranked by it). */
  radiusKm: number | null;
}

export interface SkillSearchCriteria {
  /** Taxonomy keys; none means "any skills" (a search by place only). */
  skills: readonly string[];
  /** `all`: every requested skill; `any`: at least one. */
  match: 'all' | 'any';
  /** @default 'foundation' (any level) */
  minLevel?: SkillLevel;
  /** Each counted skill must be proven by an unexpired certification. @default false */
  certifiedOnly?: boolean;
  /** ISO country code the partner must serve (listed in its countries or has an office there). */
  country?: string;
  region?: string;
  near?: SearchPoint;
  /** Stale profiles are left out unless this is true; then they are flagged and score lower. @default false */
  includeStale?: boolean;
  limit?: number;
}

export interface RankPartnersInput {
  partners: readonly Partner[];
  criteria: SkillSearchCriteria;
  now: Instant;
  /** @default DEFAULT_PROGRAM.staleAfterDays */
  staleAfterDays?: number;
}

const servesCountry = (partner: Partner, country: string): boolean => {
  const wanted = country.toUpperCase();
  return (
    partner.countries.some((served) => served.toUpperCase() === wanted) ||
    partner.offices.some((office) => office.country.toUpperCase() === wanted)
  );
};

const inPlace = (partner: Partner, criteria: SkillSearchCriteria): boolean =>
  (criteria.country === undefined || servesCountry(partner, criteria.country)) &&
  (criteria.region === undefined ||
    partner.region.toLowerCase() === criteria.region.trim().toLowerCase());

/** Score desc, then name, then id: the same input always ranks the same way, in any locale. */
export const compareSearchResults = (a: PartnerSearchResult, b: PartnerSearchResult): number => {
  if (a.score !== b.score) return b.score - a.score;
  if (a.partner.name !== b.partner.name) return a.partner.name < b.partner.name ? -1 : 1;
  if (a.partner.id !== b.partner.id) return a.partner.id < b.partner.id ? -1 : 1;
  return 0;
};

const rankOne = (
  partner: Partner,
  criteria: SkillSearchCriteria,
  requested: readonly string[],
  now: Instant,
  staleAfterDays: number,
): PartnerSearchResult | null => {
  const stale = isProfileStale(partner.profileUpdatedAt, now, staleAfterDays);
  if (stale && criteria.includeStale !== true) return null;
  if (!inPlace(partner, criteria)) return null;

  const { matched, missing } = matchSkills(
    partner,
    requested,
    criteria.minLevel ?? 'foundation',
    now,
  );
  const satisfied = matched.filter((match) =>
    satisfiesSearch(match, criteria.certifiedOnly === true),
  );
  const skillsOk =
    requested.length === 0 ||
    (criteria.match === 'all' ? satisfied.length === requested.length : satisfied.length > 0);
  if (!skillsOk) return null;

  const near = criteria.near;
  const nearest = near === undefined ? undefined : nearestOffice(partner.offices, near);
  if (near !== undefined && near.radiusKm !== null) {
    if (!nearest || nearest.distanceKm > near.radiusKm) return null;
  }

  const satisfiedLevels = satisfied.flatMap((match) => (match.level === null ? [] : [match.level]));
  const certifiedSatisfied = satisfied.filter((match) => match.certified).length;
  const validCertifications =
    requested.length === 0
      ? partner.certifications.filter((cert) => isCertificationValid(cert, now)).length
      : partner.certifications.filter(
          (cert) =>
            isCertificationValid(cert, now) &&
            satisfied.some((match) => match.skill === cert.skill),
        ).length;
  const exactAgeDays = daysBetween(partner.profileUpdatedAt, now);
  const components: SearchScoreComponents = {
    skills: skillsComponent(satisfiedLevels, requested.length),
    certifications: certificationsComponent(
      certifiedSatisfied,
      requested.length,
      validCertifications,
    ),
    distance: distanceComponent(nearest?.distanceKm ?? null, near),
    freshness: freshnessComponent(exactAgeDays, staleAfterDays, stale),
  };
  const summary = summariseSearchScore({
    requested: requested.length,
    satisfiedLevels,
    validCertifications,
    nearest,
    ageDays: profileAgeDays(partner.profileUpdatedAt, now),
    stale,
  });

  return {
    // The stored flag may lag behind the clock; the result tells the truth as of `now`.
    partner: { ...partner, stale },
    score: weightedSearchScore(components),
    explanation: {
      matched,
      missing,
      distanceKm: nearest?.distanceKm ?? null,
      nearestOffice: nearest?.office.name ?? null,
      freshness: stale ? 'stale' : 'fresh',
      components,
      summary,
    },
    stale,
  };
};

/** Partners that match the criteria, best first, each with the explanation of its score. */
export const rankPartners = ({
  partners,
  criteria,
  now,
  staleAfterDays = DEFAULT_PROGRAM.staleAfterDays,
}: RankPartnersInput): PartnerSearchResult[] => {
  const requested = normaliseSkillKeys(criteria.skills);
  const results = partners
    .map((partner) => rankOne(partner, criteria, requested, now, staleAfterDays))
    .filter((result): result is PartnerSearchResult => result !== null)
    .sort(compareSearchResults);
  return criteria.limit === undefined ? results : results.slice(0, Math.max(0, criteria.limit));
};
