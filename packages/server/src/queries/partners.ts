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
