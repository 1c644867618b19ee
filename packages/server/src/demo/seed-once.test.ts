import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { createServer } from '../server.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { seedTestWorld } from '../test-support/fixtures.js';
import type { TestServer } from '../test-support/test-server.js';
import { ANCHORS } from './accounts.js';
import { DEMO_API_KEYS } from './keys.js';
import { DEMO_MARKER, DemoSeedRefused, seedDemo } from './seed.js';
import { count, digest, startSeededServer } from './seed-test-kit.js';

const demoRequest = (server: { app: TestServer['app'] }, key: string, path: string) =>
  server.app.request(path, { headers: { authorization: `Bearer ${key}` } });

describeOnBothDatabases('demo data, once and only in demo mode', (handle) => {
  let server: TestServer;
  let db: Database;
  let now: Date;
  beforeAll(async () => {
    ({ server, db, now } = await startSeededServer(handle));
  });

  describe('determinism and idempotency', () => {
    it('writes the same rows into a fresh database', async () => {
      const fresh = await openPglite();
      try {
        await migrate(fresh);
        await seedDemo(fresh, { now, settings: server.context.settings });
        expect(await digest(fresh)).toEqual(await digest(db));
      } finally {
        await fresh.close();
      }
    });

    it('changes nothing when seeded again, even later', async () => {
      const before = await digest(db);
      const again = await seedDemo(db, { now: new Date(now.getTime() + 86_400_000) });
      expect(again).toEqual({ seeded: false, seededAt: now.toISOString() });
      expect(await digest(db)).toEqual(before);
    });

    it('refuses a database that holds data of its own, and leaves no marker', async () => {
      const other = await openPglite();
      try {
        await migrate(other);
        await seedTestWorld(other, now);
        await expect(seedDemo(other, { now })).rejects.toThrow(DemoSeedRefused);
        expect(await count(other, 'select 1 from settings where key = $1', [DEMO_MARKER])).toBe(0);
        expect(await count(other, 'select 1 from accounts')).toBe(7);
      } finally {
        await other.close();
      }
    });
  });

  describe('over HTTP', () => {
    it('accepts every demo key in demo mode, each as its role', async () => {
      for (const key of DEMO_API_KEYS) {
        const response = await demoRequest(server, key.key, '/v1/accounts?limit=5');
        expect(response.status, key.key).toBe(200);
        expect((await response.json()).data).toHaveLength(5);
      }
    });

    it('refuses the demo keys with 401 on a server not in demo mode', async () => {
      const production = await createServer({ database: db, demo: false, jobs: false });
      for (const key of DEMO_API_KEYS) {
        const response = await demoRequest(production, key.key, '/v1/accounts');
        expect(response.status, key.key).toBe(401);
        expect(await response.json()).toMatchObject({
          code: 'unauthenticated',
          detail: expect.stringContaining('demo mode'),
        });
      }
    });

    it('shows partner 1 the anchor trees the README walks through', async () => {
      const check = async (account: string) =>
        (
          await (
            await demoRequest(server, 'prm_demo_partner1', `/v1/accounts/${account}/reservation`)
          ).json()
        ).status;
      expect(await check(`acc_${ANCHORS.open.stem.toLowerCase()}_de`)).toBe('open');
      expect(await check(`acc_${ANCHORS.vendorDirect.stem.toLowerCase()}`)).toBe('vendor_direct');
      expect(await check(`acc_${ANCHORS.reservedByPartner2.stem.toLowerCase()}_de`)).toBe(
        'reserved_by_other',
      );
      // Forgiving look-up: the domain finds the subsidiary (and its group, by the domain's stem).
      const found = await demoRequest(
        server,
        'prm_demo_partner1',
        '/v1/accounts?query=quillfeatherfoods.de',
      );
      expect((await found.json()).data.map((a: { id: string }) => a.id)).toContain(
        'acc_quillfeather_de',
      );
    });
  });
});
