import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, T0, type TestServer } from '../test-support/test-server.js';

const DAY = 86_400_000;

const SKILLS = {
  skills: [
    { skill: 'cloud-migration', level: 'expert', people: 12 },
    { skill: 'security', level: 'practitioner' },
  ],
  certifications: [
    { name: 'Cloud Architect', skill: 'cloud-migration', expiresAt: '2027-06-30T00:00:00Z' },
  ],
  offices: [{ name: 'Munich HQ', city: 'Munich', country: 'DE', lat: 48.137, lng: 11.575 }],
  countries: ['DE', 'AT', 'CH'],
  peopleCount: 40,
};

const ids = (body: { data: { id: string }[] }) => body.data.map((partner) => partner.id);

describeOnBothDatabases('partners and skills over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { jobs: false });
    // Two more partners: one in another region, one whose profile nobody touched for 200 days.
    for (const [id, name, segment, region, updated] of [
      ['ptr_alpine', 'Alpine IT', 'msp', 'DACH', new Date(T0.getTime() - 10 * DAY)],
      ['ptr_dusty', 'Dusty Resellers', 'reseller', 'EMEA', new Date(T0.getTime() - 200 * DAY)],
    ] as const) {
      await handle.db().query(
        `insert into partners (id, name, segment, region, countries, profile_updated_at, created_at)
           values ($1, $2, $3, $4, '["DE"]', $5, $5)`,
        [id, name, segment, region, updated],
      );
    }
  });

  describe('listing', () => {
    it('shows vendors every partner by name, with staleness computed now', async () => {
      const { status, body } = await server.call('manager', 'GET', '/v1/partners');
      expect(status).toBe(200);
      expect(ids(body)).toEqual(['ptr_alpine', IDS.partner2, 'ptr_dusty', IDS.partner1]);
      expect(body.nextCursor).toBeNull();
      const dusty = body.data.find((p: { id: string }) => p.id === 'ptr_dusty');
      expect(dusty).toMatchObject({ stale: true, region: 'EMEA', segment: 'reseller' });
      expect(body.data.filter((p: { stale: boolean }) => p.stale)).toHaveLength(1);
    });

    it('shows a partner user a page with only its own partner', async () => {
      for (const caller of ['partner1', 'rep1'] as const) {
        const { status, body } = await server.call(caller, 'GET', '/v1/partners');
        expect(status).toBe(200);
        expect(ids(body)).toEqual([IDS.partner1]);
      }
      const filteredAway = await server.call('partner2', 'GET', '/v1/partners?region=DACH');
      expect(filteredAway.body).toEqual({ data: [], nextCursor: null });
    });

    it('filters by region, segment and staleness', async () => {
      const dach = await server.call('vendor', 'GET', '/v1/partners?region=dach');
      expect(ids(dach.body)).toEqual(['ptr_alpine']);
      const resellers = await server.call('vendor', 'GET', '/v1/partners?segment=reseller');
      expect(ids(resellers.body)).toEqual(['ptr_dusty', IDS.partner1]);
      const stale = await server.call('vendor', 'GET', '/v1/partners?stale=true');
      expect(ids(stale.body)).toEqual(['ptr_dusty']);
      const fresh = await server.call('vendor', 'GET', '/v1/partners?stale=false&region=EMEA');
      expect(ids(fresh.body)).toEqual([IDS.partner2, IDS.partner1]);
      const bad = await server.call('vendor', 'GET', '/v1/partners?stale=maybe');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('query.stale');
    });

    it('pages with a cursor through every partner once, and refuses a forged cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: { body: { data: { id: string }[]; nextCursor: string | null } } =
          await server.call('vendor', 'GET', `/v1/partners?limit=3&cursor=${cursor}`);
        expect(page.body.data.length).toBeLessThanOrEqual(3);
        seen.push(...ids(page.body));
        cursor = page.body.nextCursor;
      }
      expect(seen).toEqual(['ptr_alpine', IDS.partner2, 'ptr_dusty', IDS.partner1]);
      const forged = await server.call('vendor', 'GET', '/v1/partners?cursor=nonsense');
      expect(forged.status).toBe(400);
      expect(forged.body.code).toBe('invalid_request');
    });
  });

  describe('one partner', () => {
    it('answers a partner user for its own partner and 404 (never 403) for another', async () => {
      const own = await server.call('rep1', 'GET', `/v1/partners/${IDS.partner1}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: IDS.partner1, name: 'Northwind Systems', stale: false });
      const other = await server.call('partner1', 'GET', `/v1/partners/${IDS.partner2}`);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('not_found');
      const unknown = await server.call('partner1', 'GET', '/v1/partners/ptr_nope');
      expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
      expect(other.body.detail.replace(IDS.partner2, 'X')).toBe(
        unknown.body.detail.replace('ptr_nope', 'X'),
      );
    });

    it('answers vendors for any partner and 404 for an unknown one', async () => {
      const { status, body } = await server.call('vendor', 'GET', '/v1/partners/ptr_dusty');
      expect(status).toBe(200);
      expect(body.stale).toBe(true);
      expect((await server.call('vendor', 'GET', '/v1/partners/ptr_nope')).status).toBe(404);
    });
  });

  describe('updating the skills inventory', () => {
    it('replaces the inventory, refreshes the profile date and writes an event', async () => {
      server.advance(24);
      const { status, body } = await server.call(
        'partner1',
        'PUT',
        `/v1/partners/${IDS.partner1}/skills`,
        SKILLS,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: IDS.partner1,
        skills: SKILLS.skills,
        certifications: SKILLS.certifications,
        offices: SKILLS.offices,
        countries: ['DE', 'AT', 'CH'],
        peopleCount: 40,
        profileUpdatedAt: server.now().toISOString(),
        stale: false,
      });
      expect((await server.call('rep1', 'GET', `/v1/partners/${IDS.partner1}`)).body).toEqual(body);
      const events = await handle
        .db()
        .query<{ partner_id: string; data: { partner: { skills: unknown[] } } }>(
          `select partner_id, data from events where type = 'partner.skills_updated' and subject_id = $1`,
          [IDS.partner1],
        );
      expect(events).toHaveLength(1);
      expect(events[0]?.partner_id).toBe(IDS.partner1);
      expect(events[0]?.data.partner.skills).toEqual(SKILLS.skills);
    });

    it('replaces the skills and keeps the parts of the inventory not sent', async () => {
      const { body } = await server.call('partner1', 'PUT', `/v1/partners/${IDS.partner1}/skills`, {
        skills: [{ skill: 'data-analytics', level: 'foundation' }],
      });
      expect(body.skills).toEqual([{ skill: 'data-analytics', level: 'foundation' }]);
      expect(body.offices).toEqual(SKILLS.offices);
      expect(body.certifications).toEqual(SKILLS.certifications);
      expect(body.peopleCount).toBe(40);
    });

    it('makes a stale profile fresh again when a vendor updates it', async () => {
      const { status, body } = await server.call(
        'manager',
        'PUT',
        '/v1/partners/ptr_dusty/skills',
        {
          skills: [{ skill: 'security', level: 'expert' }],
        },
      );
      expect(status).toBe(200);
      expect(body.stale).toBe(false);
      const stale = await server.call('vendor', 'GET', '/v1/partners?stale=true');
      expect(ids(stale.body)).toEqual([]);
    });

    it("answers 404 for another partner's inventory and 403 for a partner rep", async () => {
      const other = await server.call(
        'partner2',
        'PUT',
        `/v1/partners/${IDS.partner1}/skills`,
        SKILLS,
      );
      expect(other.status).toBe(404);
      const rep = await server.call('rep1', 'PUT', `/v1/partners/${IDS.partner1}/skills`, SKILLS);
      expect(rep.status).toBe(403);
      expect(rep.body.code).toBe('forbidden');
      const unknown = await server.call('vendor', 'PUT', '/v1/partners/ptr_nope/skills', SKILLS);
      expect(unknown.status).toBe(404);
      const unchanged = await server.call('vendor', 'GET', `/v1/partners/${IDS.partner1}`);
      expect(unchanged.body.skills).toEqual([{ skill: 'data-analytics', level: 'foundation' }]);
    });

    it('answers 400 with every bad field, and for a skill listed twice', async () => {
      const invalid = await server.call('partner1', 'PUT', `/v1/partners/${IDS.partner1}/skills`, {
        skills: [{ skill: 'Cloud Migration', level: 'guru' }],
        offices: [{ name: 'HQ', city: 'Munich', country: 'Germany', lat: 123, lng: 11 }],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'offices.0.country',
        'offices.0.lat',
        'skills.0.level',
        'skills.0.skill',
      ]);
      const twice = await server.call('partner1', 'PUT', `/v1/partners/${IDS.partner1}/skills`, {
        skills: [
          { skill: 'security', level: 'expert' },
          { skill: 'security', level: 'foundation' },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([
        { path: 'skills.1.skill', message: 'security is already listed at skills.0' },
      ]);
    });
  });
});
