import { beforeAll, describe, expect, it } from 'vitest';
import { signSession } from '../http/auth.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { deal } from './registrations-test-kit.js';

/** Hostile and careless input found in review: each answers 4xx, never a 500 or a leak. */
describeOnBothDatabases('hardening', (handle) => {
  let server: TestServer;
  const mint = async (partnerId: string, userId = 'alice') =>
    (
      await server.call('vendor', 'POST', '/v1/sessions', {
        user: { id: userId, name: 'Alice' },
        role: 'partner_admin',
        partnerId,
      })
    ).body.token as string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer(handle.db(), { corsOrigins: ['https://intranet.example.com'] });
  });

  it("never replays one partner's answer to another with the same session user id and key", async () => {
    const north = await mint(IDS.partner1);
    const contoso = await mint(IDS.partner2);
    const headers = { 'idempotency-key': 'same-key' };
    const first = await server.call(
      null,
      'POST',
      '/v1/reservations',
      { accountId: IDS.umbrella },
      { ...as(north), ...headers },
    );
    expect(first.status).toBe(201);
    const second = await server.call(
      null,
      'POST',
      '/v1/reservations',
      { accountId: IDS.umbrella },
      { ...as(contoso), ...headers },
    );
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.partnerId).not.toBe(IDS.partner1);
    expect(second.status).toBe(409);
  });

  it('refuses session claims without an expiry and tokens of the wrong shape', async () => {
    const secret = server.context.authenticator.sessionSecret;
    const valid = signSession(secret, {
      sub: 'u',
      name: 'U',
      role: 'vendor_admin',
      partnerId: null,
      exp: 4_000_000_000,
    });
    expect((await server.call(null, 'GET', '/v1/me', undefined, as(valid))).status).toBe(200);
    expect((await server.call(null, 'GET', '/v1/me', undefined, as(`${valid}.extra`))).status).toBe(
      401,
    );
    const noExpiry = signSession(secret, {
      sub: 'u',
      name: 'U',
      role: 'vendor_admin',
      partnerId: null,
    } as never);
    expect((await server.call(null, 'GET', '/v1/me', undefined, as(noExpiry))).status).toBe(401);
  });

  it('refuses a session minted with a demo key once the server is not in demo mode', async () => {
    const secret = server.context.authenticator.sessionSecret;
    const demoSession = signSession(secret, {
      sub: 'u',
      name: 'U',
      role: 'vendor_admin',
      partnerId: null,
      exp: 4_000_000_000,
      demo: true,
    });
    const { status, body } = await server.call(null, 'GET', '/v1/me', undefined, as(demoSession));
    expect(status).toBe(401);
    expect(body.detail).toMatch(/demo/);
  });

  it('forgets an idempotency key after a day', async () => {
    const headers = { 'idempotency-key': 'daily-key' };
    const made = await server.call(
      'partner2',
      'POST',
      '/v1/reservations',
      { accountId: IDS.globexUs },
      headers,
    );
    expect(made.status).toBe(201);
    const reused = await server.call(
      'partner2',
      'POST',
      '/v1/reservations',
      { accountId: IDS.initech },
      headers,
    );
    expect(reused.body.code).toBe('idempotency_key_reused');
    server.advance(25);
    const later = await server.call(
      'partner2',
      'POST',
      '/v1/reservations',
      { accountId: IDS.initech },
      headers,
    );
    expect(later.body.code).toBe('vendor_direct_account');
  });

  it("finds nothing for a query that is only punctuation, and hides other partners' reservation ids", async () => {
    const { body } = await server.call('partner1', 'GET', '/v1/accounts?query=!!!');
    expect(body.data).toEqual([]);
    const check = await server.call('partner1', 'GET', `/v1/accounts/${IDS.globexUs}/reservation`);
    expect(check.body.status).toBe('reserved_by_other');
    expect(check.body.reservation.id).toBeUndefined();
    const vendor = await server.call('vendor', 'GET', `/v1/accounts/${IDS.globexUs}/reservation`);
    expect(vendor.body.reservation.id).toEqual(expect.any(String));
  });

  it('lets only vendor roles mark an account vendor-direct', async () => {
    const input = { name: 'Squatter Corp', country: 'DE', region: 'EMEA', vendorDirect: true };
    expect((await server.call('partner1', 'POST', '/v1/accounts', input)).status).toBe(403);
    expect((await server.call('vendor', 'POST', '/v1/accounts', input)).status).toBe(201);
  });

  it('answers 400 for NUL characters, year-0000 dates and forged cursors', async () => {
    const nul = await server.call('partner1', 'POST', '/v1/accounts', {
      name: 'A\u0000B',
      country: 'DE',
      region: 'EMEA',
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors[0].path).toBe('name');
    // A lone surrogate is no character: refused, while a whole pair (an emoji) is fine.
    for (const notes of ['\ud800', 'x\udc00y']) {
      const lone = await server.call('partner2', 'POST', '/v1/registrations', {
        ...deal(IDS.umbrella, ['Surrogates']),
        notes,
      });
      expect(lone.status).toBe(400);
      expect(lone.body.errors).toEqual([
        { path: 'notes', message: 'Text must be valid Unicode (a lone surrogate)' },
      ]);
    }
    const emoji = await server.call('partner2', 'POST', '/v1/registrations', {
      ...deal(IDS.umbrella, ['Surrogates']),
      notes: 'Signed 🤝',
    });
    expect(emoji.status).toBe(201);
    expect(emoji.body.notes).toBe('Signed 🤝');
    const year0 = await server.call('partner1', 'POST', '/v1/registrations', {
      accountId: IDS.umbrella,
      products: ['X'],
      estimatedValue: { amount: 1, currency: 'EUR' },
      expectedCloseDate: '0000-01-01',
    });
    expect(year0.status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['1', 'x'])).toString('base64url');
    for (const path of ['/v1/reservations', '/v1/registrations']) {
      expect((await server.call('vendor', 'GET', `${path}?cursor=${forged}`)).status).toBe(400);
    }
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1_100_000), country: 'DE', region: 'EMEA' });
    const { status, body } = await server.call('vendor', 'POST', '/v1/accounts', huge);
    expect(status).toBe(413);
    expect(body.code).toBe('payload_too_large');
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      server.app.request('/v1/accounts', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://intranet.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example.com');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('accounts', () => {
    it('creates one of several identical accounts sent at the same time', async () => {
      const input = { name: 'Parallel Widgets AG', country: 'CH', region: 'EMEA' };
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => server.call('vendor', 'POST', '/v1/accounts', input)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });
  });
});
