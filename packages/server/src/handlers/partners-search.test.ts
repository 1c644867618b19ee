import type { PartnerSearchResult } from '@openprm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { startTestServer, T0, type TestServer } from '../test-support/test-server.js';

const DAY = 86_400_000;
const MUNICH = 'lat=48.1374&lng=11.5755';

const office = (name: string, country: string, lat: number, lng: number) => ({
  name,
  city: name,
  country,
  lat,
  lng,
});

/** A small map of Europe: distances from Munich are ~0 (Munich), ~355 (Vienna), ~500 (Berlin), ~685 km (Paris). */
const PARTNERS = [
  {
    id: 'ptr_bavaria',
    name: 'Bavaria Cloud',
    region: 'EMEA',
    countries: ['DE'],
    skills: [
      { skill: 'cloud-migration', level: 'expert' },
      { skill: 'security', level: 'practitioner' },
    ],
    certifications: [
      { name: 'Cloud Architect', skill: 'cloud-migration', expiresAt: '2027-12-31T00:00:00Z' },
    ],
    offices: [office('Munich', 'DE', 48.14, 11.58)],
    ageDays: 5,
  },
  {
    id: 'ptr_danube',
    name: 'Danube Digital',
    region: 'DACH',
    countries: ['AT'],
    skills: [
      { skill: 'cloud-migration', level: 'foundation' },
      { skill: 'security', level: 'expert' },
    ],
    certifications: [
      // Expired: proves nothing.
      { name: 'Cloud Architect', skill: 'cloud-migration', expiresAt: '2026-01-01T00:00:00Z' },
    ],
    offices: [office('Vienna', 'AT', 48.2082, 16.3738)],
    ageDays: 20,
  },
  {
    id: 'ptr_spree',
    name: 'Spree Systems',
    region: 'EMEA',
    countries: ['DE'],
    skills: [{ skill: 'cloud-migration', level: 'practitioner' }],
    certifications: [],
    offices: [office('Berlin', 'DE', 52.52, 13.405)],
    ageDays: 40,
  },
  {
    id: 'ptr_seine',
    name: 'Seine Services',
    region: 'EMEA',
    countries: ['FR'],
    skills: [{ skill: 'cloud-migration', level: 'expert' }],
    certifications: [],
    offices: [office('Paris', 'FR', 48.8566, 2.3522)],
    ageDays: 60,
  },
  {
    id: 'ptr_dormant',
    name: 'Dormant Munich Partners',
    region: 'EMEA',
    countries: ['DE'],
    skills: [{ skill: 'cloud-migration', level: 'expert' }],
    certifications: [],
    offices: [office('Munich', 'DE', 48.14, 11.58)],
    ageDays: 200,
  },
];

type Result = PartnerSearchResult;
const idsOf = (body: { data: Result[] }) => body.data.map((result) => result.partner.id);

describeOnBothDatabases('partner search over HTTP', (handle) => {
  let server: TestServer;
  const search = (query: string, caller: 'vendor' | 'manager' | 'partner1' = 'manager') =>
    server.call(caller, 'GET', `/v1/partners/search?${query}`);

  beforeAll(async () => {
    server = await startTestServer(handle.db(), { jobs: false });
    for (const p of PARTNERS) {
      const updated = new Date(T0.getTime() - p.ageDays * DAY);
      await handle.db().query(
        `insert into partners (id, name, segment, region, countries, skills, certifications, offices, profile_updated_at, created_at)
         values ($1, $2, 'reseller', $3, $4, $5, $6, $7, $8, $8)`,
        [
          p.id,
          p.name,
          p.region,
          JSON.stringify(p.countries),
          JSON.stringify(p.skills),
          JSON.stringify(p.certifications),
          JSON.stringify(p.offices),
          updated,
        ],
      );
    }
  });

  describe('ranking with reasons', () => {
    it('finds the partner near the customer and explains its score', async () => {
      const { status, body } = await search(
        `skills=cloud-migration&${MUNICH}&radiusKm=100&minResults=1`,
      );
      expect(status).toBe(200);
      expect(body.widened).toBeNull();
      expect(idsOf(body)).toEqual(['ptr_bavaria']);
      const [best] = body.data as Result[];
      expect(best?.stale).toBe(false);
      expect(best?.score).toBeGreaterThan(0.9);
      expect(best?.explanation).toMatchObject({
        matched: [{ skill: 'cloud-migration', level: 'expert', meetsLevel: true, certified: true }],
        missing: [],
        nearestOffice: 'Munich',
        freshness: 'fresh',
      });
      expect(best?.explanation.distanceKm).toBeLessThan(2);
      expect(best?.explanation.summary).toEqual(expect.any(String));
      expect(best?.explanation.summary.length).toBeGreaterThan(10);
    });

    it('widens step by step when too few partners are near, and says so', async () => {
      const { body } = await search(`skills=cloud-migration&${MUNICH}&radiusKm=100`);
      expect(body.widened).toEqual({
        fromKm: 100,
        toKm: null,
        steps: 3,
        notice: expect.stringContaining('Only 1 partner within 100 km; widened to any distance.'),
      });
      expect(idsOf(body)[0]).toBe('ptr_bavaria');
      expect([...idsOf(body)].sort()).toEqual(
        ['ptr_bavaria', 'ptr_danube', 'ptr_seine', 'ptr_spree'].sort(),
      );
      const scores = (body.data as Result[]).map((result) => result.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('stops widening as soon as enough partners match', async () => {
      const { body } = await search(`skills=cloud-migration&${MUNICH}&radiusKm=100&minResults=2`);
      expect(body.widened).toMatchObject({ fromKm: 100, toKm: 400, steps: 2 });
      expect(idsOf(body)).toEqual(['ptr_bavaria', 'ptr_danube']);
    });

    it('leaves stale profiles out unless asked, then flags them and ranks them lower', async () => {
      const without = await search(`skills=cloud-migration&${MUNICH}&radiusKm=50&minResults=1`);
      expect(idsOf(without.body)).toEqual(['ptr_bavaria']);
      const withStale = await search(
        `skills=cloud-migration&${MUNICH}&radiusKm=50&minResults=1&includeStale=true`,
      );
      expect(idsOf(withStale.body)).toEqual(['ptr_bavaria', 'ptr_dormant']);
      const dormant = (withStale.body.data as Result[])[1];
      expect(dormant).toMatchObject({ stale: true, partner: { stale: true } });
      expect(dormant?.explanation.freshness).toBe('stale');
      expect(dormant?.explanation.components.freshness).toBe(0);
    });

    it('needs every skill with match=all, one with match=any, and honours the level', async () => {
      const all = await search('skills=cloud-migration,security');
      expect([...idsOf(all.body)].sort()).toEqual(['ptr_bavaria', 'ptr_danube']);
      const any = await search('skills=security,data-analytics&match=any');
      expect([...idsOf(any.body)].sort()).toEqual(['ptr_bavaria', 'ptr_danube']);
      expect((any.body.data as Result[])[0]?.explanation.missing).toEqual(['data-analytics']);
      const experts = await search('skills=security&minLevel=expert');
      expect(idsOf(experts.body)).toEqual(['ptr_danube']);
    });

    it('counts only unexpired certifications under certifiedOnly', async () => {
      const { body } = await search('skills=cloud-migration&certifiedOnly=true');
      expect(idsOf(body)).toEqual(['ptr_bavaria']);
    });

    it('filters by country served and by region, and honours the limit', async () => {
      const france = await search('skills=cloud-migration&country=FR');
      expect(idsOf(france.body)).toEqual(['ptr_seine']);
      const dach = await search('region=dach');
      expect(idsOf(dach.body)).toEqual(['ptr_danube']);
      const every = await search(`skills=cloud-migration&${MUNICH}`);
      expect(idsOf(every.body)).toHaveLength(4);
      const two = await search(`skills=cloud-migration&${MUNICH}&limit=2`);
      expect(idsOf(two.body)).toEqual(idsOf(every.body).slice(0, 2));
    });
  });

  describe('refusals', () => {
    it('is for vendor roles: a partner user gets 403', async () => {
      const { status, body } = await search('skills=cloud-migration', 'partner1');
      expect(status).toBe(403);
      expect(body.code).toBe('forbidden');
    });

    it('answers 400 for a skill that is no taxonomy key, half a point, or a bad radius', async () => {
      const skill = await search('skills=cloud migration');
      expect(skill.status).toBe(400);
      expect(skill.body.errors).toEqual([
        { path: 'query.skills', message: expect.stringContaining('"cloud migration"') },
      ]);
      const half = await search('lat=48.1');
      expect(half.status).toBe(400);
      expect(half.body.errors[0].path).toBe('query.lng');
      const radius = await search(`${MUNICH}&radiusKm=-5`);
      expect(radius.status).toBe(400);
      expect(radius.body.errors[0].path).toBe('query.radiusKm');
    });

    it('accepts skills typed with capitals and spaces around them', async () => {
      const { status, body } = await search('skills=%20Cloud-Migration%20,SECURITY');
      expect(status).toBe(200);
      expect([...idsOf(body)].sort()).toEqual(['ptr_bavaria', 'ptr_danube']);
    });
  });
});
