/**
 * The finder's filters as a person sets them, and the `GET /v1/partners/search` query they make.
 * Pure: no DOM, so the rules of what is sent are tested in Node.
 */
import { SKILL_LEVELS, type SkillLevel } from '@openprm/core';
import type { Query } from '@openprm/sdk';

export type PartnerSearchQueryInput = Query<'partners.search'>;
export type SkillMatchMode = 'all' | 'any';

/** What the form holds: numbers stay as typed until they are checked. */
export interface SearchFilters {
  skills: readonly string[];
  match: SkillMatchMode;
  /** Empty: any level. */
  minLevel: SkillLevel | '';
  certifiedOnly: boolean;
  includeStale: boolean;
  country: string;
  region: string;
  lat: string;
  lng: string;
  radiusKm: string;
  limit: number;
}

/** Why the point fields cannot be sent, as a message key of the finder's catalog. */
export type PointProblem =
  | 'pointIncomplete'
  | 'latOutOfRange'
  | 'lngOutOfRange'
  | 'radiusOutOfRange';

/** Taxonomy keys are lower-case words joined by "-" (core's `SkillKey`). */
const SKILL_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Cloud Migration " → "cloud-migration"; undefined when it cannot become a taxonomy key. */
export const toSkillKey = (typed: string): string | undefined => {
  const key = typed.trim().toLowerCase().replace(/\s+/g, '-');
  return SKILL_KEY.test(key) && key.length <= 64 ? key : undefined;
};

/** The `skills` attribute: comma-separated keys, normalised, once each, unusable ones dropped. */
export const parseSkillList = (text: string | null | undefined): string[] => [
  ...new Set(
    (text ?? '')
      .split(',')
      .map(toSkillKey)
      .filter((key): key is string => key !== undefined),
  ),
];

export const isSkillLevel = (value: string | null | undefined): value is SkillLevel =>
  (SKILL_LEVELS as readonly string[]).includes(value ?? '');

const number = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
};

const outside = (value: number | undefined, min: number, max: number, minExclusive = false) =>
  value !== undefined &&
  (Number.isNaN(value) || value > max || (minExclusive ? value <= min : value < min));

/** The first problem with the "near a point" fields, or none. Mirrors the contract's limits. */
export const pointProblem = (filters: SearchFilters): PointProblem | undefined => {
  const lat = number(filters.lat);
  const lng = number(filters.lng);
  const radius = number(filters.radiusKm);
  if ((lat === undefined) !== (lng === undefined)) return 'pointIncomplete';
  if (radius !== undefined && lat === undefined) return 'pointIncomplete';
  if (outside(lat, -90, 90)) return 'latOutOfRange';
  if (outside(lng, -180, 180)) return 'lngOutOfRange';
  if (outside(radius, 0, 20_000, true)) return 'radiusOutOfRange';
  return undefined;
};

/** Only what a person chose is sent; the server's defaults stand for the rest. */
export const toSearchQuery = (filters: SearchFilters): PartnerSearchQueryInput => {
  const lat = number(filters.lat);
  const lng = number(filters.lng);
  const radiusKm = number(filters.radiusKm);
  const near = lat !== undefined && lng !== undefined;
  return {
    ...(filters.skills.length > 0 ? { skills: filters.skills.join(',') } : {}),
    ...(filters.skills.length > 0 ? { match: filters.match } : {}),
    ...(filters.minLevel ? { minLevel: filters.minLevel } : {}),
    ...(filters.certifiedOnly ? { certifiedOnly: 'true' as const } : {}),
    ...(filters.includeStale ? { includeStale: 'true' as const } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(near ? { lat, lng } : {}),
    ...(near && radiusKm !== undefined ? { radiusKm } : {}),
    limit: filters.limit,
  };
};

/** True when a preset (attributes) names something to search for, so the finder searches at once. */
export const hasCriteria = (filters: SearchFilters): boolean =>
  filters.skills.length > 0 ||
  filters.country !== '' ||
  filters.region !== '' ||
  (filters.lat.trim() !== '' && filters.lng.trim() !== '');
