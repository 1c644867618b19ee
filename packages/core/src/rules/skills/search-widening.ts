/**
 * When too few partners match within the radius, the search widens step by step and says so
 * (DESIGN §2.3), instead of leaving the channel manager with an empty page.
 */
import type { Partner, PartnerSearchResponse, PartnerSearchResult } from '../../schemas/partner.js';
import type { Instant } from '../time.js';
import { rankPartners, type SkillSearchCriteria } from './skill-ranking.js';

/** A multiple of the original radius, or `null` for no distance limit at all. */
export type WideningStep = number | null;

/** Twice the radius, four times, then any distance. */
export const DEFAULT_WIDENING_STEPS: readonly WideningStep[] = [2, 4, null];

/** Fewer results than this within the radius triggers widening. */
export const DEFAULT_MIN_RESULTS = 3;

export interface SearchWithWideningInput {
  partners: readonly Partner[];
  criteria: SkillSearchCriteria;
  /** @default DEFAULT_MIN_RESULTS */
  minResults?: number;
  /** Tried in order until enough partners match; steps that would not widen are skipped. @default DEFAULT_WIDENING_STEPS */
  steps?: readonly WideningStep[];
  now: Instant;
  staleAfterDays?: number;
}

const partnerCount = (count: number): string =>
  count === 0 ? 'No partners' : `Only ${count} partner${count === 1 ? '' : 's'}`;

const radiusText = (radiusKm: number | null): string =>
  radiusKm === null ? 'any distance' : `${Math.round(radiusKm)} km`;

const widenedNotice = (
  found: number,
  fromKm: number,
  toKm: number | null,
  finalCount: number,
  minResults: number,
): string => {
  const widened = `${partnerCount(found)} within ${radiusText(fromKm)}; widened to ${radiusText(toKm)}.`;
  return finalCount < minResults
    ? `${widened} Still only ${finalCount} found, fewer than the ${minResults} wanted.`
    : widened;
};

/** Search within the radius, widening step by step while fewer than `minResults` partners match. */
export const searchWithWidening = ({
  partners,
  criteria,
  minResults = DEFAULT_MIN_RESULTS,
  steps = DEFAULT_WIDENING_STEPS,
  now,
  staleAfterDays,
}: SearchWithWideningInput): PartnerSearchResponse => {
  const search = (radiusKm: number | null): PartnerSearchResult[] =>
    rankPartners({
      partners,
      criteria:
        criteria.near === undefined
          ? criteria
          : { ...criteria, near: { ...criteria.near, radiusKm } },
      now,
      ...(staleAfterDays === undefined ? {} : { staleAfterDays }),
    });

  // A page limit below `minResults` could never be filled past itself: ask for no more than fits.
  const wanted = Math.min(minResults, criteria.limit ?? minResults);
  const near = criteria.near;
  const initial = search(near?.radiusKm ?? null);
  if (near === undefined || near.radiusKm === null || initial.length >= wanted) {
    return { data: initial, widened: null };
  }

  const fromKm = near.radiusKm;
  let radiusKm: number | null = fromKm;
  let data = initial;
  let taken = 0;
  for (const step of steps) {
    if (data.length >= wanted || radiusKm === null) break;
    const next: number | null = step === null ? null : fromKm * step;
    if (next !== null && next <= radiusKm) continue;
    radiusKm = next;
    data = search(radiusKm);
    taken += 1;
  }
  if (taken === 0) return { data: initial, widened: null };
  return {
    data,
    widened: {
      fromKm,
      toKm: radiusKm,
      steps: taken,
      notice: widenedNotice(initial.length, fromKm, radiusKm, data.length, wanted),
    },
  };
};
