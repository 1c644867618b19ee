import { isProfileStale, type Partner, type ProgramSettings } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso, optional } from './rows.js';

export interface PartnerRow {
  id: string;
  name: string;
  segment: string;
  region: string;
  countries: Partner['countries'];
  skills: Partner['skills'];
  certifications: Partner['certifications'];
  offices: Partner['offices'];
  people_count: number | null;
  profile_updated_at: Date;
  created_at: Date;
}

/** `stale` is computed at read time: it depends on `now`, not on what was stored. */
export const toPartner = (
  row: PartnerRow,
  now: Date,
  settings: Pick<ProgramSettings, 'staleAfterDays'>,
): Partner => ({
  id: row.id,
  name: row.name,
  segment: row.segment,
  region: row.region,
  countries: row.countries,
  skills: row.skills,
  certifications: row.certifications,
  offices: row.offices,
  ...optional('peopleCount', row.people_count),
  profileUpdatedAt: iso(row.profile_updated_at),
  stale: isProfileStale(row.profile_updated_at.toISOString(), now, settings.staleAfterDays),
});

export const findPartnerRow = async (db: Queryable, id: string) =>
  (await db.query<PartnerRow>('select * from partners where id = $1', [id]))[0] ?? null;

/** One page of partners by name then id; `staleBefore` splits fresh from stale in one comparison. */
export const listPartnerRows = (
  db: Queryable,
  filter: {
    partnerId: string | null;
    region: string | null;
    segment: string | null;
    /** `stale`: only profiles updated before `staleBefore`; `fresh`: only the others. */
    staleness: { want: 'stale' | 'fresh'; staleBefore: string } | null;
    after: [string, string] | null;
    limit: number;
  },
) =>
  db.query<PartnerRow>(
    `select * from partners
     where ($1::text is null or id = $1)
       and ($2::text is null or lower(region) = lower($2))
       and ($3::text is null or lower(segment) = lower($3))
       and ($4::text is null
         or ($4 = 'stale' and profile_updated_at < $5::timestamptz)
         or ($4 = 'fresh' and profile_updated_at >= $5::timestamptz))
       and ($6::text is null or (name, id) > ($6::text, $7::text))
     order by name, id limit $8`,
    [
      filter.partnerId,
      filter.region,
      filter.segment,
      filter.staleness?.want ?? null,
      filter.staleness?.staleBefore ?? null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );

/**
 * Every partner a search could return. Region and country are pre-filtered here only in the
 * exact form the ranking rule applies them (region case-insensitive; country served or with an
 * office there), so the SQL never drops a partner the rule would keep.
 */
export const searchablePartnerRows = (
  db: Queryable,
  filter: { region: string | null; country: string | null },
) =>
  db.query<PartnerRow>(
    `select * from partners p
     where ($1::text is null or lower(p.region) = lower(trim($1)))
       and ($2::text is null
         or exists (select 1 from jsonb_array_elements_text(p.countries) c where upper(c) = upper($2))
         or exists (select 1 from jsonb_array_elements(p.offices) o where upper(o ->> 'country') = upper($2)))
     order by p.id`,
    [filter.region, filter.country],
  );

/** The whole inventory at once; fields left `undefined` keep their stored value. */
export const updatePartnerInventory = async (
  db: Queryable,
  id: string,
  inventory: {
    skills: Partner['skills'];
    certifications: Partner['certifications'] | undefined;
    countries: Partner['countries'] | undefined;
    offices: Partner['offices'] | undefined;
    peopleCount: number | undefined;
    profileUpdatedAt: Date;
  },
) =>
  (
    await db.query<PartnerRow>(
      `update partners set
         skills = $2::jsonb,
         certifications = coalesce($3::jsonb, certifications),
         countries = coalesce($4::jsonb, countries),
         offices = coalesce($5::jsonb, offices),
         people_count = coalesce($6::integer, people_count),
         profile_updated_at = $7
       where id = $1 returning *`,
      [
        id,
        JSON.stringify(inventory.skills),
        inventory.certifications === undefined ? null : JSON.stringify(inventory.certifications),
        inventory.countries === undefined ? null : JSON.stringify(inventory.countries),
        inventory.offices === undefined ? null : JSON.stringify(inventory.offices),
        inventory.peopleCount ?? null,
        inventory.profileUpdatedAt,
      ],
    )
  )[0] ?? null;

/** Ids of the given partners that exist: to validate a batch before writing any of it. */
export const existingPartnerIds = async (db: Queryable, ids: readonly string[]) =>
  new Set(
    (
      await db.query<{ id: string }>('select id from partners where id = any($1::text[])', [ids])
    ).map((row) => row.id),
  );

/** Name, region and segment of partners: what the board groups and labels by. */
export const partnerFactsRows = (db: Queryable, partnerId: string | null) =>
  db.query<{ id: string; name: string; region: string; segment: string }>(
    `select id, name, region, segment from partners where ($1::text is null or id = $1) order by id`,
    [partnerId],
  );
