import {
  type FieldError,
  normaliseSkillKeys,
  type PartnerSearchQuery,
  type PartnerSearchResponse,
  type ProgramSettings,
  SkillKey,
  searchCriteriaFromQuery,
  searchWithWidening,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { invalid } from '../http/problem.js';
import { searchablePartnerRows, toPartner } from '../queries/partners.js';

/**
 * What the query schema cannot say on its own: each listed skill must be a taxonomy key once
 * normalised ("Cloud-Migration " is fine, "cloud migration" is not), and a point needs both
 * coordinates — half a point would otherwise be dropped silently and rank by nothing.
 */
const inputErrors = (query: PartnerSearchQuery): FieldError[] => {
  const errors: FieldError[] = [];
  for (const skill of normaliseSkillKeys(query.skills?.split(',') ?? [])) {
    if (!SkillKey.safeParse(skill).success) {
      errors.push({
        path: 'query.skills',
        message: `"${skill}" is not a taxonomy key such as cloud-migration`,
      });
    }
  }
  if ((query.lat === undefined) !== (query.lng === undefined)) {
    errors.push({
      path: query.lat === undefined ? 'query.lat' : 'query.lng',
      message: 'Give lat and lng together',
    });
  }
  return errors;
};

/**
 * "Who is best for this customer?": core turns the query into criteria, ranks with explanations
 * and widens the radius step by step when too few match. The database only narrows the candidates
 * by region and country, exactly as the rule would; loading thousands of profiles is cheap.
 */
export const searchPartnersService = async (
  tx: Queryable,
  query: PartnerSearchQuery,
  settings: Pick<ProgramSettings, 'staleAfterDays'>,
  now: Date,
): Promise<PartnerSearchResponse> => {
  const errors = inputErrors(query);
  if (errors.length > 0) throw invalid(errors, 'The query is not valid.');
  const { criteria, minResults } = searchCriteriaFromQuery(query);
  const rows = await searchablePartnerRows(tx, {
    region: criteria.region ?? null,
    country: criteria.country ?? null,
  });
  return searchWithWidening({
    partners: rows.map((row) => toPartner(row, now, settings)),
    criteria,
    ...(minResults === undefined ? {} : { minResults }),
    now,
    staleAfterDays: settings.staleAfterDays,
  });
};
