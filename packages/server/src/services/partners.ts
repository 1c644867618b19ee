import {
  type Partner,
  type PartnerListQuery,
  type ProgramSettings,
  staleProfileCutoff,
  type UpdateSkillsInput,
} from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { assertVisible, type Principal } from '../http/principal.js';
import { invalid, notFound } from '../http/problem.js';
import {
  findPartnerRow,
  listPartnerRows,
  toPartner,
  updatePartnerInventory,
} from '../queries/partners.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../queries/rows.js';
import { recordEvent } from './outbox.js';

type Staleness = Pick<ProgramSettings, 'staleAfterDays'>;

/**
 * Partners by name. A partner user's page holds only its own partner (filters still apply, so it
 * may be empty); vendors see all. `stale` filters by the same cutoff `toPartner` flags with.
 */
export const listPartnersService = async (
  tx: Queryable,
  principal: Principal,
  query: PartnerListQuery,
  settings: Staleness,
  now: Date,
) => {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(query.cursor);
  const rows = await listPartnerRows(tx, {
    partnerId: principal.partnerId,
    region: query.region ?? null,
    segment: query.segment ?? null,
    staleness:
      query.stale === undefined
        ? null
        : {
            want: query.stale ? 'stale' : 'fresh',
            staleBefore: staleProfileCutoff(now, settings.staleAfterDays),
          },
    after: after ? [String(after[0]), String(after[1])] : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toPartner(row, now, settings)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
  };
};

/** One partner; another partner's profile is a 404 for partner users, like an unknown id. */
export const getPartnerService = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  settings: Staleness,
  now: Date,
): Promise<Partner> => {
  assertVisible(principal, id, `Partner ${id}`);
  const row = await findPartnerRow(tx, id);
  if (!row) throw notFound(`Partner ${id}`);
  return toPartner(row, now, settings);
};

/** A skill listed twice would leave its level ambiguous: say which rows repeat. */
const assertSkillsOnce = (skills: UpdateSkillsInput['skills']) => {
  const seen = new Map<string, number>();
  const errors = skills.flatMap(({ skill }, index) => {
    const first = seen.get(skill);
    if (first === undefined) {
      seen.set(skill, index);
      return [];
    }
    return [
      { path: `skills.${index}.skill`, message: `${skill} is already listed at skills.${first}` },
    ];
  });
  if (errors.length > 0) throw invalid(errors, 'Each skill may be listed once.');
};

/**
 * Replaces the skills inventory and refreshes the profile date (so the profile is fresh again).
 * `skills` is always replaced; certifications, countries, offices and people count are replaced
 * when sent and kept when left out, so a skills-only editor never wipes the offices.
 */
export const updateSkillsService = async (
  tx: Queryable,
  principal: Principal,
  id: string,
  input: UpdateSkillsInput,
  settings: Staleness,
  now: Date,
): Promise<Partner> => {
  assertVisible(principal, id, `Partner ${id}`);
  assertSkillsOnce(input.skills);
  const row = await updatePartnerInventory(tx, id, {
    skills: input.skills,
    certifications: input.certifications,
    countries: input.countries === undefined ? undefined : [...new Set(input.countries)],
    offices: input.offices,
    peopleCount: input.peopleCount,
    profileUpdatedAt: now,
  });
  if (!row) throw notFound(`Partner ${id}`);
  const partner = toPartner(row, now, settings);
  await recordEvent(tx, {
    type: 'partner.skills_updated',
    at: now,
    partnerId: id,
    subject: { type: 'partner', id },
    data: { partner },
  });
  return partner;
};
