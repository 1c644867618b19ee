/** The one-line, human reading of a search score, e.g. "Matches 2 of 2 skills (1 expert), …". */
import { SKILL_LEVELS, type SkillLevel } from '../../schemas/partner.js';
import type { NearestOffice } from './geo.js';

export interface SearchScoreFacts {
  /** How many skills the search asked for. */
  requested: number;
  /** Levels of the requested skills the partner satisfies. */
  satisfiedLevels: readonly SkillLevel[];
  /** Valid certifications counted in the score. */
  validCertifications: number;
  /** `undefined` when the search named no point. */
  nearest: NearestOffice | null | undefined;
  ageDays: number;
  stale: boolean;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

const skillsPart = (requested: number, levels: readonly SkillLevel[]): string | null => {
  if (requested === 0) return null;
  const byLevel = [...SKILL_LEVELS]
    .reverse()
    .map((level) => ({ level, count: levels.filter((held) => held === level).length }))
    .filter(({ count }) => count > 0)
    .map(({ level, count }) => `${count} ${level}`);
  const detail = byLevel.length > 0 ? ` (${byLevel.join(', ')})` : '';
  return `matches ${levels.length} of ${plural(requested, 'skill')}${detail}`;
};

const certificationsPart = (count: number): string =>
  count === 0 ? 'no valid certification' : plural(count, 'valid certification');

const kilometres = (distance: number): string =>
  distance > 0 && distance < 1 ? 'less than 1 km' : `${Math.round(distance)} km`;

const distancePart = (nearest: NearestOffice | null | undefined): string | null => {
  if (nearest === undefined) return null;
  if (nearest === null) return 'no office to measure distance from';
  return `${kilometres(nearest.distanceKm)} from the ${nearest.office.city} office`;
};

const freshnessPart = (ageDays: number, stale: boolean): string => {
  const when = ageDays === 0 ? 'today' : `${plural(ageDays, 'day')} ago`;
  return stale ? `stale profile, last updated ${when}` : `profile updated ${when}`;
};

export const summariseSearchScore = (facts: SearchScoreFacts): string => {
  const parts = [
    skillsPart(facts.requested, facts.satisfiedLevels),
    certificationsPart(facts.validCertifications),
    distancePart(facts.nearest),
    freshnessPart(facts.ageDays, facts.stale),
  ].filter((part): part is string => part !== null);
  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};
