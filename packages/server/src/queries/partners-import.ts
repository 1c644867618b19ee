import type { Partner } from '@openprm/core';
import type { Queryable } from '../db/database.js';

export type NewPartnerRow = Pick<
  Partner,
  'id' | 'name' | 'segment' | 'region' | 'countries' | 'skills' | 'certifications'
>;

const COLUMNS_PER_ROW = 7;

/** Creates or replaces partners by id in one statement; offices and people count are kept. */
export const upsertPartners = async (db: Queryable, rows: readonly NewPartnerRow[], now: Date) => {
  if (rows.length === 0) return;
  const values = rows.map((_, index) => {
    const p = index * COLUMNS_PER_ROW;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb, $${p + 7}::jsonb, $${rows.length * COLUMNS_PER_ROW + 1}::timestamptz, $${rows.length * COLUMNS_PER_ROW + 1}::timestamptz)`;
  });
  await db.query(
    `insert into partners (id, name, segment, region, countries, skills, certifications, profile_updated_at, created_at)
     values ${values.join(',\n')}
     on conflict (id) do update set
       name = excluded.name,
       segment = excluded.segment,
       region = excluded.region,
       countries = excluded.countries,
       skills = excluded.skills,
       certifications = excluded.certifications,
       profile_updated_at = excluded.profile_updated_at`,
    [
      ...rows.flatMap((p) => [
        p.id,
        p.name,
        p.segment,
        p.region,
        JSON.stringify(p.countries),
        JSON.stringify(p.skills),
        JSON.stringify(p.certifications),
      ]),
      now,
    ],
  );
};
