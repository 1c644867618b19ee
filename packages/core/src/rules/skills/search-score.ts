/**
 * The parts of a search score (DESIGN §2.3). Each component lies in [0, 1]; the score is their
 * weighted sum, and the weights add up to 1, so the score lies in [0, 1] too.
 */
import { SKILL_LEVELS, type SkillLevel } from '../../schemas/partner.js';
import { MAX_SURFACE_DISTANCE_KM } from './geo.js';
import { skillLevelRank } from './skill-match.js';

/** Having the skills asked for matters most. */
export const SKILLS_WEIGHT = 0.5;
/** Valid certifications prove the skills. */
export const CERTIFICATIONS_WEIGHT = 0.2;
/** Closer offices serve the customer better. */
export const DISTANCE_WEIGHT = 0.2;
/** A recently updated profile is more trustworthy. */
export const FRESHNESS_WEIGHT = 0.1;

/** Credit for a satisfied skill at the lowest level; the rest rises with the level to 1 for the top. */
export const MATCHED_SKILL_BASE_CREDIT = 0.6;
/** Credit for a fresh profile on the day it turns stale; it rises to 1 for one updated today. */
export const FRESH_PROFILE_BASE_CREDIT = 0.5;

export interface SearchScoreComponents {
  skills: number;
  certifications: number;
  distance: number;
  freshness: number;
}

const clampUnit = (value: number): number => Math.min(1, Math.max(0, value));

export const skillLevelCredit = (level: SkillLevel): number =>
  MATCHED_SKILL_BASE_CREDIT +
  ((1 - MATCHED_SKILL_BASE_CREDIT) * skillLevelRank(level)) / (SKILL_LEVELS.length - 1);

/**
 * Coverage and level of the requested skills: the mean credit over every requested skill (0 for a
 * skill not satisfied). With no skills requested nobody is missing anything: 1.
 */
export const skillsComponent = (
  satisfiedLevels: readonly SkillLevel[],
  requested: number,
): number =>
  requested === 0
    ? 1
    : clampUnit(
        satisfiedLevels.reduce((sum, level) => sum + skillLevelCredit(level), 0) / requested,
      );

/**
 * Share of the requested skills proven by a valid certification; with no skills requested,
 * whether the partner holds any valid certification at all.
 */
export const certificationsComponent = (
  certifiedSatisfied: number,
  requested: number,
  validCertifications: number,
): number =>
  requested === 0 ? (validCertifications > 0 ? 1 : 0) : clampUnit(certifiedSatisfied / requested);

/**
 * Closeness of the nearest office: 1 at the point, falling linearly to 0 at the radius (or at the
 * far side of the Earth when the radius is unlimited). No office to measure from: 0.
 * When the search names no point, distance is not asked about and costs nobody anything: 1.
 */
export const distanceComponent = (
  distance: number | null,
  near: { radiusKm: number | null } | undefined,
): number => {
  if (near === undefined) return 1;
  if (distance === null) return 0;
  const scale = near.radiusKm ?? MAX_SURFACE_DISTANCE_KM;
  return scale > 0 ? clampUnit(1 - distance / scale) : distance === 0 ? 1 : 0;
};

/** A stale profile earns nothing here, so it always scores below the same profile kept fresh. */
export const freshnessComponent = (ageDays: number, staleAfterDays: number, stale: boolean) =>
  stale
    ? 0
    : FRESH_PROFILE_BASE_CREDIT +
      (1 - FRESH_PROFILE_BASE_CREDIT) * clampUnit(1 - Math.max(0, ageDays) / staleAfterDays);

export const weightedSearchScore = (components: SearchScoreComponents): number =>
  clampUnit(
    SKILLS_WEIGHT * components.skills +
      CERTIFICATIONS_WEIGHT * components.certifications +
      DISTANCE_WEIGHT * components.distance +
      FRESHNESS_WEIGHT * components.freshness,
  );
