import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../db/migrate.js';
import { createServer, type ServerOptions } from '../server.js';
import { describeOnPostgres } from '../test-support/databases.js';
import { seedTestWorld, TEST_KEYS, type TestCaller } from '../test-support/fixtures.js';
import type { Call } from '../test-support/test-server.js';

type Server = Awaited<ReturnType<typeof createServer>>;

const request = async (
  server: Server,
  auth: TestCaller | { token: string },
  method: string,
  path: string,
  body?: unknown,
) => {
  const token = typeof auth === 'string' ? TEST_KEYS[auth] : auth.token;
  const response = await server.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Call['body'] };
};

/**
 * Writes through one server, closes it, opens another on the same storage: what was written is
 * there, the migrations are recorded once and a second run applies nothing.
 */
const restartScenario = (storage: () => Omit<ServerOptions, 'database'>) => {
  it('keeps accounts, reservations, keys and session tokens across a restart', async () => {
    const first = await createServer({ validateResponses: true, ...storage() });
    let written: { account: Call['body']; reservation: Call['body']; token: string };
    try {
      await seedTestWorld(first.context.db, new Date());
      const account = await request(first, 'partner1', 'POST', '/v1/accounts', {
        name: 'Stark Industries',
        domain: 'stark.example',
        country: 'US',
        region: 'NA',
      });
      expect(account.status).toBe(201);
      const reservation = await request(first, 'partner1', 'POST', '/v1/reservations', {
        accountId: account.body.id,
      });
      expect(reservation.status).toBe(201);
      const session = await request(first, 'vendor', 'POST', '/v1/sessions', {
        user: { id: 'u_pepper', name: 'Pepper Potts' },
        role: 'partner_rep',
        partnerId: 'ptr_north',
      });
      expect(session.status).toBe(201);
      written = { account: account.body, reservation: reservation.body, token: session.body.token };
    } finally {
      await first.close();
    }

    const second = await createServer({ validateResponses: true, ...storage() });
    try {
      const account = await request(second, 'vendor', 'GET', `/v1/accounts/${written.account.id}`);
      expect(account.status).toBe(200);
      expect(account.body).toMatchObject(written.account);
      const reservations = await request(second, 'rep1', 'GET', '/v1/reservations');
      expect(reservations.body.data).toEqual([written.reservation]);
      const check = await request(
        second,
        'partner2',
        'GET',
        `/v1/accounts/${written.account.id}/reservation`,
      );
      expect(check.body.status).toBe('reserved_by_other');
      // The generated session secret was kept in the database: tokens survive a restart.
      const me = await request(second, { token: written.token }, 'GET', '/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe('u_pepper');

      const recorded = await second.context.db.query<{ id: string }>(
        'select id from schema_migrations order by id',
      );
      expect(recorded.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id).sort());
      expect(await migrate(second.context.db)).toEqual([]);
    } finally {
      await second.close();
    }
  });
};

describe('restart on a file-backed PGlite data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'openprm-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  restartScenario(() => ({ dataDir }));
});

describeOnPostgres('restart on PostgreSQL', (handle) => {
  restartScenario(() => ({ databaseUrl: handle.url() as string }));
});
