/**
 * Partners of the demo program: two hand-made ones the demo keys belong to, and generated ones
 * spread over four regions and four segments, with skills, certifications (some expired), real
 * office locations and a share of stale profiles.
 */
import { addDays, type Certification, type PartnerSkill, SKILL_LEVELS } from '@openprm/core';
import {
  CERTIFICATIONS,
  PARTNER_STEMS,
  PARTNER_SUFFIX,
  SEGMENTS,
  SKILLS,
  slug,
} from './catalog.js';
import { type City, countriesOf, country, type DemoRegion } from './geography.js';
import type { Random } from './prng.js';
import type { DemoActor, DemoPartner } from './world.js';

/** The partners behind `prm_demo_partner1` / `prm_demo_rep1` and `prm_demo_partner2`. */
export const DEMO_PARTNER_IDS = {
  partner1: 'ptr_northquay',
  partner2: 'ptr_veltmann',
} as const;

/** How many partners each region gets besides the two demo partners (both EMEA). */
const REGION_SHARE: readonly [DemoRegion, number][] = [
  ['EMEA', 20],
  ['NA', 14],
  ['APAC', 12],
  ['LATAM', 8],
];

const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chiara',
  'David',
  'Elif',
  'Farah',
  'Gustav',
  'Hana',
  'Ivan',
  'Julia',
  'Kenji',
  'Lucía',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomás',
  'Yuki',
];
const LAST_NAMES = [
  'Almeida',
  'Brandt',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Varga',
];

const person = (rng: Random, id: string): DemoActor => ({
  type: 'user',
  id,
  name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
});

const office = (city: City, headquarters: boolean) => ({
  name: headquarters ? `${city.city} headquarters` : `${city.city} office`,
  city: city.city,
  country: city.country,
  lat: city.lat,
  lng: city.lng,
});

const certificationFor = (
  rng: Random,
  skill: (typeof SKILLS)[number],
  now: string,
  expiredShare: number,
): Certification => ({
  name: CERTIFICATIONS[skill],
  skill,
  expiresAt: rng.chance(expiredShare)
    ? addDays(now, -rng.int(5, 300))
    : addDays(now, rng.int(20, 900)),
});

const skillsFor = (rng: Random, count: number, peopleCount: number): PartnerSkill[] =>
  rng
    .sample(SKILLS, count)
    .sort()
    .map((skill) => ({
      skill,
      level: rng.pick(SKILL_LEVELS),
      people: rng.int(1, Math.max(2, Math.round(peopleCount / 4))),
    }));

/** The two demo partners, written by hand so the walk-through in the README stays true. */
const demoPartners = (rng: Random, now: string): DemoPartner[] => {
  const hamburg = country('DE').cities[2] as City;
  const berlin = country('DE').cities[0] as City;
  const munich = country('DE').cities[1] as City;
  const amsterdam = country('NL').cities[0] as City;
  const frankfurt = country('DE').cities[3] as City;
  const brussels = country('BE').cities[0] as City;
  const keyActor = (id: string, name: string): DemoActor => ({ type: 'api_key', id, name });
  return [
    {
      id: DEMO_PARTNER_IDS.partner1,
      name: 'Northquay Systems',
      segment: 'reseller',
      region: 'EMEA',
      countries: ['AT', 'CH', 'DE'],
      skills: [
        { skill: 'cloud-migration', level: 'expert', people: 14 },
        { skill: 'networking', level: 'expert', people: 22 },
        { skill: 'sd-wan', level: 'practitioner', people: 8 },
        { skill: 'security', level: 'practitioner', people: 11 },
      ],
      certifications: [
        {
          name: CERTIFICATIONS['cloud-migration'],
          skill: 'cloud-migration',
          expiresAt: addDays(now, 410),
        },
        { name: CERTIFICATIONS.networking, skill: 'networking', expiresAt: addDays(now, 220) },
        { name: CERTIFICATIONS.security, skill: 'security', expiresAt: addDays(now, -12) },
      ],
      offices: [office(hamburg, true), office(berlin, false), office(munich, false)],
      peopleCount: 140,
      profileUpdatedAt: addDays(now, -21),
      createdAt: addDays(now, -1480),
      admin: keyActor('key_demo_partner1', 'Demo partner 1 admin'),
      rep: keyActor('key_demo_rep1', 'Demo partner 1 rep'),
    },
    {
      id: DEMO_PARTNER_IDS.partner2,
      name: 'Veltmann Distribution',
      segment: 'distributor',
      region: 'EMEA',
      countries: ['BE', 'DE', 'FR', 'LU', 'NL'],
      skills: [
        { skill: 'backup-recovery', level: 'expert', people: 9 },
        { skill: 'data-analytics', level: 'practitioner', people: 6 },
        { skill: 'networking', level: 'practitioner', people: 15 },
        { skill: 'security', level: 'expert', people: 18 },
      ],
      certifications: [
        { name: CERTIFICATIONS.security, skill: 'security', expiresAt: addDays(now, 300) },
        {
          name: CERTIFICATIONS['backup-recovery'],
          skill: 'backup-recovery',
          expiresAt: addDays(now, 95),
        },
      ],
      offices: [office(amsterdam, true), office(frankfurt, false), office(brussels, false)],
      peopleCount: 310,
      profileUpdatedAt: addDays(now, -9),
      createdAt: addDays(now, -2010),
      admin: keyActor('key_demo_partner2', 'Demo partner 2 admin'),
      rep: person(rng, 'usr_veltmann_rep'),
    },
  ];
};

const generatedPartner = (
  rng: Random,
  now: string,
  stem: string,
  region: DemoRegion,
  index: number,
): DemoPartner => {
  const segment = SEGMENTS[index % SEGMENTS.length] as (typeof SEGMENTS)[number];
  const name = `${stem} ${rng.pick(PARTNER_SUFFIX[segment] ?? ['Solutions'])}`;
  const id = `ptr_${slug(stem)}`;
  const cities = countriesOf(region).flatMap((candidate) => candidate.cities);
  const [headquarters, ...others] = rng.sample(cities, rng.int(1, 3));
  const offices = [
    office(headquarters as City, true),
    ...others.map((city) => office(city, false)),
  ];
  const served = new Set(offices.map((o) => o.country));
  for (const extra of rng.sample(countriesOf(region), rng.int(0, 3))) served.add(extra.code);
  const peopleCount = segment === 'distributor' ? rng.int(120, 900) : rng.int(6, 260);
  const skills = skillsFor(rng, rng.int(2, 6), peopleCount);
  const certifications = skills
    .filter((s) => s.level !== 'foundation' && rng.chance(0.7))
    .map((s) => certificationFor(rng, s.skill as (typeof SKILLS)[number], now, 0.18));
  // Every seventh partner has let its profile go stale; the last three joined only weeks ago.
  const isNew = index >= 51;
  const stale = index % 7 === 3;
  const createdAt = isNew ? addDays(now, -rng.int(6, 25)) : addDays(now, -rng.int(420, 2400));
  const profileAge = isNew ? rng.int(1, 5) : stale ? rng.int(190, 520) : rng.int(2, 170);
  return {
    id,
    name,
    segment,
    region,
    countries: [...served].sort(),
    skills,
    certifications,
    offices,
    peopleCount,
    profileUpdatedAt: addDays(now, -profileAge),
    createdAt,
    admin: person(rng, `usr_${slug(stem)}_admin`),
    rep: person(rng, `usr_${slug(stem)}_rep`),
  };
};

export const buildPartners = (rng: Random, now: string): DemoPartner[] => {
  const partners = demoPartners(rng.fork('demo-partners'), now);
  const stems = [...PARTNER_STEMS];
  let index = 0;
  for (const [region, count] of REGION_SHARE) {
    for (let i = 0; i < count; i++) {
      const stem = stems[index] as string;
      partners.push(generatedPartner(rng.fork(stem), now, stem, region, index));
      index++;
    }
  }
  return partners;
};
