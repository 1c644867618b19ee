import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Partner } from '../../schemas/partner.js';
import { isCertificationValid } from './certifications.js';
import {
  criteriaArb,
  daysAgo,
  inDays,
  MUNICH,
  makePartner,
  NOW,
  PARIS,
  partnersArb,
} from './partner-fixtures.js';
import {
  CERTIFICATIONS_WEIGHT,
  DISTANCE_WEIGHT,
  FRESHNESS_WEIGHT,
  SKILLS_WEIGHT,
} from './search-score.js';
import { meetsSkillLevel } from './skill-match.js';
import { rankPartners, type SkillSearchCriteria } from './skill-ranking.js';
import { isProfileStale } from './staleness.js';

const rank = (partners: Partner[], criteria: SkillSearchCriteria) =>
  rankPartners({ partners, criteria, now: NOW });
const ids = (results: { partner: Partner }[]) => results.map((result) => result.partner.id);

const cloudExpert = makePartner({
  id: 'cloud-expert',
  name: 'Cloudy',
  skills: [
    { skill: 'cloud', level: 'expert' },
    { skill: 'security', level: 'practitioner' },
  ],
  certifications: [{ name: 'Cloud Architect', skill: 'cloud', expiresAt: inDays(100) }],
  offices: [MUNICH],
});
const securityOnly = makePartner({
  id: 'security-only',
  name: 'Shield',
  countries: ['FR'],
  region: 'WEU',
  skills: [{ skill: 'security', level: 'foundation' }],
  offices: [PARIS],
});

describe('rankPartners: skills', () => {
  it('with match=all keeps only partners holding every requested skill', () => {
    const criteria = { skills: ['cloud', 'security'], match: 'all' } as const;
    expect(ids(rank([cloudExpert, securityOnly], criteria))).toEqual(['cloud-expert']);
  });

  it('with match=any keeps partners holding at least one, the better match first', () => {
    const criteria = { skills: ['cloud', 'security'], match: 'any' } as const;
    expect(ids(rank([securityOnly, cloudExpert], criteria))).toEqual([
      'cloud-expert',
      'security-only',
    ]);
  });

  it('drops skills below the minimum level', () => {
    const criteria = { skills: ['security'], match: 'all', minLevel: 'practitioner' } as const;
    expect(ids(rank([cloudExpert, securityOnly], criteria))).toEqual(['cloud-expert']);
  });

  it('reads requested skills forgivingly (case, spaces, repeats)', () => {
    const criteria = { skills: [' Cloud ', 'cloud', ''], match: 'all' } as const;
    const [result] = rank([cloudExpert], criteria);
    expect(result?.explanation.matched.map((m) => m.skill)).toEqual(['cloud']);
  });

  it('explains which skills matched and which are missing', () => {
    const criteria = { skills: ['cloud', 'network'], match: 'any' } as const;
    const [result] = rank([cloudExpert], criteria);
    expect(result?.explanation.matched).toEqual([
      { skill: 'cloud', level: 'expert', meetsLevel: true, certified: true },
    ]);
    expect(result?.explanation.missing).toEqual(['network']);
  });

  it('returns every fresh partner when no skills are asked for', () => {
    expect(ids(rank([securityOnly, cloudExpert], { skills: [], match: 'all' }))).toHaveLength(2);
  });
});

describe('rankPartners: certifications', () => {
  const expiredOnly = makePartner({
    id: 'expired',
    skills: [{ skill: 'cloud', level: 'expert' }],
    certifications: [{ name: 'Cloud Architect', skill: 'cloud', expiresAt: daysAgo(1) }],
  });
  const otherSkillCert = makePartner({
    id: 'other-skill',
    skills: [{ skill: 'cloud', level: 'expert' }],
    certifications: [{ name: 'Security Pro', skill: 'security', expiresAt: inDays(100) }],
  });

  it('with certifiedOnly needs a valid certification of the matched skill', () => {
    const criteria = { skills: ['cloud'], match: 'all', certifiedOnly: true } as const;
    expect(ids(rank([expiredOnly, otherSkillCert, cloudExpert], criteria))).toEqual([
      'cloud-expert',
    ]);
  });

  it('with certifiedOnly and match=all needs every skill certified', () => {
    const criteria = { skills: ['cloud', 'security'], match: 'all', certifiedOnly: true } as const;
    expect(rank([cloudExpert], criteria)).toEqual([]);
  });

  it('with certifiedOnly and match=any is satisfied by one certified skill', () => {
    const criteria = { skills: ['cloud', 'security'], match: 'any', certifiedOnly: true } as const;
    expect(ids(rank([cloudExpert, securityOnly], criteria))).toEqual(['cloud-expert']);
  });

  it('ranks a certified partner above an otherwise equal uncertified one', () => {
    const criteria = { skills: ['cloud'], match: 'all' } as const;
    const twin = { ...cloudExpert, id: 'twin', name: 'Aaa', certifications: [] };
    expect(ids(rank([twin, cloudExpert], criteria))).toEqual(['cloud-expert', 'twin']);
  });
});

describe('rankPartners: place', () => {
  it('keeps partners serving the country, by countries or by an office there', () => {
    const officeInFrance = makePartner({ id: 'office-fr', countries: [], offices: [PARIS] });
    const criteria = { skills: [], match: 'all', country: 'FR' } as const;
    expect(ids(rank([cloudExpert, securityOnly, officeInFrance], criteria))).toEqual([
      'office-fr',
      'security-only',
    ]);
  });

  it('keeps partners of the region, ignoring case', () => {
    const criteria = { skills: [], match: 'all', region: 'weu' } as const;
    expect(ids(rank([cloudExpert, securityOnly], criteria))).toEqual(['security-only']);
  });

  it('keeps partners with an office within the radius, closer first', () => {
    const farther = makePartner({
      id: 'farther',
      name: 'Aaa',
      offices: [{ ...MUNICH, name: 'Augsburg', city: 'Augsburg', lat: 48.3705, lng: 10.8978 }],
    });
    const noOffice = makePartner({ id: 'no-office' });
    const criteria = {
      skills: [],
      match: 'all',
      near: { lat: 48.2, lng: 11.7, radiusKm: 100 },
    } as const;
    const results = rank(
      [securityOnly, farther, noOffice, { ...cloudExpert, certifications: [] }],
      criteria,
    );
    expect(ids(results)).toEqual(['cloud-expert', 'farther']);
    expect(results[0]?.explanation.nearestOffice).toBe('Munich HQ');
    expect(results[0]?.explanation.distanceKm).toBeCloseTo(11.6, 0);
  });

  it('with no radius limit keeps everyone but still ranks by distance', () => {
    const criteria = {
      skills: [],
      match: 'all',
      near: { lat: 48.2, lng: 11.7, radiusKm: null },
    } as const;
    const noOffice = makePartner({ id: 'no-office', name: 'Aaa' });
    const results = rank(
      [noOffice, securityOnly, { ...cloudExpert, certifications: [] }],
      criteria,
    );
    expect(ids(results)).toEqual(['cloud-expert', 'security-only', 'no-office']);
    expect(results[2]?.explanation.components.distance).toBe(0);
  });
});

describe('rankPartners: freshness', () => {
  const staleTwin = { ...cloudExpert, id: 'stale', profileUpdatedAt: daysAgo(200) };

  it('leaves stale profiles out by default', () => {
    expect(ids(rank([staleTwin, cloudExpert], { skills: ['cloud'], match: 'all' }))).toEqual([
      'cloud-expert',
    ]);
  });

  it('includes them on request, flagged and scored below the same profile kept fresh', () => {
    const results = rank([staleTwin, cloudExpert], {
      skills: ['cloud'],
      match: 'all',
      includeStale: true,
    });
    expect(ids(results)).toEqual(['cloud-expert', 'stale']);
    expect(results[1]?.stale).toBe(true);
    expect(results[1]?.partner.stale).toBe(true);
    expect(results[1]?.explanation.freshness).toBe('stale');
    expect(results[1]?.score).toBeLessThan(results[0]?.score ?? 0);
  });

  it('judges staleness by the clock, not by the stored flag', () => {
    const flaggedButFresh = { ...cloudExpert, stale: true };
    const [result] = rank([flaggedButFresh], { skills: [], match: 'all' });
    expect(result?.stale).toBe(false);
    expect(result?.partner.stale).toBe(false);
  });

  it('uses the program staleness setting', () => {
    const results = rankPartners({
      partners: [cloudExpert],
      criteria: { skills: [], match: 'all' },
      now: NOW,
      staleAfterDays: 20,
    });
    expect(results).toEqual([]);
  });
});

describe('rankPartners: score and explanation', () => {
  const criteria = {
    skills: ['cloud', 'security'],
    match: 'all',
    near: { lat: 48.2, lng: 11.7, radiusKm: 50 },
  } as const;

  it('explains the score in one line', () => {
    const [result] = rank([cloudExpert], criteria);
    expect(result?.explanation.summary).toBe(
      'Matches 2 of 2 skills (1 expert, 1 practitioner), 1 valid certification, ' +
        '12 km from the Munich office, profile updated 30 days ago',
    );
  });

  it('adds up the weighted components to the score', () => {
    const [result] = rank([cloudExpert], criteria);
    const components = result?.explanation.components;
    expect(components?.skills).toBeCloseTo((1 + 0.8) / 2, 10);
    expect(components?.certifications).toBeCloseTo(0.5, 10);
    expect(components?.distance).toBeCloseTo(1 - 11.5629 / 50, 3);
    expect(components?.freshness).toBeCloseTo(0.5 + 0.5 * (1 - 30 / 180), 10);
    expect(result?.score).toBeCloseTo(
      SKILLS_WEIGHT * (components?.skills ?? 0) +
        CERTIFICATIONS_WEIGHT * (components?.certifications ?? 0) +
        DISTANCE_WEIGHT * (components?.distance ?? 0) +
        FRESHNESS_WEIGHT * (components?.freshness ?? 0),
      12,
    );
  });

  it('says so when a stale profile or no valid certification is behind the score', () => {
    const stale = { ...securityOnly, profileUpdatedAt: daysAgo(365) };
    const [result] = rank([stale], { skills: ['security'], match: 'all', includeStale: true });
    expect(result?.explanation.summary).toBe(
      'Matches 1 of 1 skill (1 foundation), no valid certification, ' +
        'stale profile, last updated 365 days ago',
    );
  });

  it('breaks ties by name, then id', () => {
    const make = (id: string, name: string) => ({ ...securityOnly, id, name });
    const results = rank([make('b', 'Zeta'), make('c', 'Alpha'), make('a', 'Alpha')], {
      skills: ['security'],
      match: 'all',
    });
    expect(ids(results)).toEqual(['a', 'c', 'b']);
  });

  it('returns at most `limit` results, the best ones', () => {
    const results = rank([securityOnly, cloudExpert], {
      skills: ['security'],
      match: 'any',
      limit: 1,
    });
    expect(ids(results)).toEqual(['cloud-expert']);
  });
});

describe('rankPartners: properties', () => {
  const run = { numRuns: 1000 };

  it('results are sorted by score, best first', () => {
    fc.assert(
      fc.property(partnersArb, criteriaArb, (partners, criteria) => {
        const scores = rank(partners, criteria).map((result) => result.score);
        for (let i = 1; i < scores.length; i += 1) {
          expect(scores[i - 1]).toBeGreaterThanOrEqual(scores[i] ?? Number.NaN);
        }
      }),
      run,
    );
  });

  it('every score lies in [0,1], and so does every component', () => {
    fc.assert(
      fc.property(partnersArb, criteriaArb, (partners, criteria) => {
        for (const { score, explanation } of rank(partners, criteria)) {
          for (const value of [score, ...Object.values(explanation.components)]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
      run,
    );
  });

  it('with match=all every result has every requested skill at ≥ minLevel', () => {
    fc.assert(
      fc.property(partnersArb, criteriaArb, (partners, criteria) => {
        const allCriteria = { ...criteria, match: 'all' as const };
        const minLevel = criteria.minLevel ?? 'foundation';
        for (const { partner } of rank(partners, allCriteria)) {
          for (const skill of criteria.skills) {
            const held = partner.skills.some(
              (entry) => entry.skill === skill && meetsSkillLevel(entry.level, minLevel),
            );
            expect(held).toBe(true);
          }
        }
      }),
      run,
    );
  });

  it('an expired certification never makes certifiedOnly pass', () => {
    fc.assert(
      fc.property(partnersArb, criteriaArb, (partners, criteria) => {
        const certified = { ...criteria, certifiedOnly: true };
        const withoutExpired = partners.map((partner) => ({
          ...partner,
          certifications: partner.certifications.filter((cert) => isCertificationValid(cert, NOW)),
        }));
        // Expired certifications change nothing: not who passes, not the scores, not the why.
        const outcome = (results: ReturnType<typeof rank>) =>
          results.map(({ partner, score, explanation }) => ({
            id: partner.id,
            score,
            explanation,
          }));
        expect(outcome(rank(partners, certified))).toEqual(
          outcome(rank(withoutExpired, certified)),
        );
        for (const { partner } of rank(partners, certified)) {
          const provenSkills = partner.certifications
            .filter((cert) => isCertificationValid(cert, NOW))
            .map((cert) => cert.skill);
          const proven = criteria.skills.filter((skill) => provenSkills.includes(skill));
          if (criteria.skills.length > 0) expect(proven.length).toBeGreaterThan(0);
          if (criteria.match === 'all') expect(proven).toEqual(criteria.skills);
        }
      }),
      run,
    );
  });

  it('stale profiles never appear unless includeStale', () => {
    fc.assert(
      fc.property(partnersArb, criteriaArb, (partners, criteria) => {
        const results = rank(partners, { ...criteria, includeStale: false });
        for (const result of results) {
          expect(result.stale).toBe(false);
          expect(isProfileStale(result.partner.profileUpdatedAt, NOW)).toBe(false);
        }
        const withStale = rank(partners, { ...criteria, includeStale: true, limit: 100 });
        for (const result of withStale) {
          expect(result.stale).toBe(isProfileStale(result.partner.profileUpdatedAt, NOW));
        }
      }),
      run,
    );
  });
});
