import { Id, type ImportRowError, Name, Region, UpdateSkillsInput } from '@openprm/core';
import * as z from 'zod/mini';
import { type NewPartnerRow, upsertPartners } from '../../queries/partners-import.js';
import { type CellError, type Importer, listCell, missingCells, schemaErrors } from './importer.js';

const REQUIRED = ['id', 'name', 'segment', 'region'] as const;

/** A partner row: the contract's skills inventory plus who the partner is. */
const PartnerImportRow = z.extend(UpdateSkillsInput, {
  id: Id,
  name: Name,
  segment: Name,
  region: Region,
});
type PartnerImportRow = z.infer<typeof PartnerImportRow>;

/** `cloud-migration:expert` → `{ skill, level }`. */
const skillOf = (text: string) => {
  const [skill = '', level = ''] = text.split(':').map((part) => part.trim());
  return { skill: skill.toLowerCase(), level: level.toLowerCase() };
};

/** `AWS Solutions Architect@2027-06-30` → `{ name, expiresAt }`; a bare date ends at midnight UTC. */
const certificationOf = (text: string) => {
  const at = text.lastIndexOf('@');
  const name = at === -1 ? text : text.slice(0, at).trim();
  const expires = at === -1 ? '' : text.slice(at + 1).trim();
  return {
    name,
    expiresAt: /^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires,
  };
};

/**
 * Partners with their skills, created or replaced by id: a row states the partner's name,
 * segment, region, countries, skills and certifications (an empty list cell: none). Offices and
 * people counts set elsewhere are kept. The profile counts as updated at the import.
 */
export const partnersImporter: Importer<PartnerImportRow> = {
  type: 'partners',
  required: REQUIRED,
  optional: ['countries', 'skills', 'certifications'],
  parse(cells) {
    const errors: CellError[] = missingCells(cells, REQUIRED);
    const skills = listCell(cells.skills).map(skillOf);
    const seen = new Set<string>();
    for (const { skill } of skills) {
      if (seen.has(skill)) errors.push({ column: 'skills', message: `${skill} is listed twice` });
      seen.add(skill);
    }
    const result = PartnerImportRow.safeParse({
      id: cells.id,
      name: cells.name,
      segment: cells.segment,
      region: cells.region,
      countries: [...new Set(listCell(cells.countries).map((code) => code.toUpperCase()))],
      skills,
      certifications: listCell(cells.certifications).map(certificationOf),
    });
    errors.push(...schemaErrors(result, errors));
    return result.success && errors.length === 0
      ? { ok: true, row: result.data }
      : { ok: false, errors };
  },
  startPass() {
    const idsInFile = new Map<string, number>();
    return {
      async check(_db, batch) {
        const errors: ImportRowError[] = [];
        const ready: PartnerImportRow[] = [];
        for (const { row, value } of batch) {
          const earlier = idsInFile.get(value.id);
          if (earlier !== undefined) {
            errors.push({ row, column: 'id', message: `Same id as row ${earlier}` });
            continue;
          }
          idsInFile.set(value.id, row);
          ready.push(value);
        }
        return { errors, ready };
      },
      insert: (tx, ready, now) =>
        upsertPartners(
          tx,
          ready.map(
            (p): NewPartnerRow => ({
              id: p.id,
              name: p.name,
              segment: p.segment,
              region: p.region,
              countries: p.countries ?? [],
              skills: p.skills,
              certifications: p.certifications ?? [],
            }),
          ),
          now,
        ),
    };
  },
};
