import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describeOnBothDatabases('sessions and /v1/me over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  /** A request with a bearer token instead of one of the test keys. */
  const withToken = (token: string, method: string, path: string, body?: unknown) =>
    server.call(null, method, path, body, { authorization: `Bearer ${token}` });

  const mint = (body: Record<string, unknown>) =>
    server.call('vendor', 'POST', '/v1/sessions', {
      user: { id: 'u_anna', name: 'Anna Berger' },
      ...body,
    });

  describe('GET /v1/me', () => {
    it('names the key, its role and its partner', async () => {
      const partner = await server.call('rep1', 'GET', '/v1/me');
      expect(partner.status).toBe(200);
      expect(partner.body).toEqual({
        user: { id: 'key_rep1', name: 'Test rep1', role: 'partner_rep' },
        partnerId: IDS.partner1,
      });
      const vendor = await server.call('manager', 'GET', '/v1/me');
      expect(vendor.body).toEqual({
        user: { id: 'key_manager', name: 'Test manager', role: 'channel_manager' },
        partnerId: null,
      });
    });
  });

  describe('minting a session', () => {
    it('mints a 15-minute partner token that works as that user', async () => {
      const minted = await mint({ role: 'partner_rep', partnerId: IDS.partner1 });
      expect(minted.status).toBe(201);
      expect(minted.body).toEqual({
        token: expect.stringMatching(/^prms_/),
        expiresAt: new Date(server.now().getTime() + 900_000).toISOString(),
        user: { id: 'u_anna', name: 'Anna Berger', role: 'partner_rep' },
        partnerId: IDS.partner1,
      });
      const me = await withToken(minted.body.token, 'GET', '/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        user: { id: 'u_anna', name: 'Anna Berger', role: 'partner_rep' },
        partnerId: IDS.partner1,
      });
    });

    it('scopes the token like a key of that role: own records only, vendor endpoints refused', async () => {
      const minted = await mint({ role: 'partner_admin', partnerId: IDS.partner2 });
      const token = minted.body.token as string;
      const reserved = await withToken(token, 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
      });
      expect(reserved.status).toBe(201);
      expect(reserved.body.partnerId).toBe(IDS.partner2);
      const mine = await withToken(token, 'GET', '/v1/reservations');
      expect(mine.body.data.map((r: { id: string }) => r.id)).toEqual([reserved.body.id]);
      const asOther = await withToken(token, 'POST', '/v1/reservations', {
        accountId: IDS.globex,
        partnerId: IDS.partner1,
      });
      expect(asOther.status).toBe(403);
      const vendorOnly = await withToken(token, 'POST', '/v1/sessions', {
        user: { id: 'u_eve', name: 'Eve' },
        role: 'vendor_admin',
      });
      expect(vendorOnly.status).toBe(403);
      expect(vendorOnly.body.code).toBe('forbidden');
    });

    it('mints vendor sessions, which see every partner', async () => {
      const minted = await mint({ role: 'channel_manager', ttlSeconds: 3600 });
      expect(minted.status).toBe(201);
      expect(minted.body.partnerId).toBeNull();
      expect(Date.parse(minted.body.expiresAt) - server.now().getTime()).toBe(3_600_000);
      const all = await withToken(minted.body.token, 'GET', '/v1/reservations');
      expect(all.status).toBe(200);
      expect(all.body.data).toHaveLength(1);
    });

    it('expires: the token stops working at its expiry', async () => {
      const minted = await mint({ role: 'partner_rep', partnerId: IDS.partner1, ttlSeconds: 60 });
      const token = minted.body.token as string;
      expect((await withToken(token, 'GET', '/v1/me')).status).toBe(200);
      server.advance(1 / 60);
      const expired = await withToken(token, 'GET', '/v1/me');
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('unauthenticated');
      expect(expired.body.detail).toMatch(/expired/);
      expect(expired.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('refuses a tampered token with 401', async () => {
      const minted = await mint({ role: 'partner_rep', partnerId: IDS.partner1 });
      const token = minted.body.token as string;
      const [payload = '', signature = ''] = token.slice('prms_'.length).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      // Promote yourself to vendor admin, keep the signature.
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...claims, role: 'vendor_admin', partnerId: null }),
      ).toString('base64url');
      for (const forged of [
        `prms_${forgedPayload}.${signature}`,
        `prms_${payload}.${signature.slice(0, -2)}xx`,
        `prms_${payload}`,
        'prms_garbage',
      ]) {
        const answer = await withToken(forged, 'GET', '/v1/me');
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('unauthenticated');
      }
    });
  });

  describe('refusals', () => {
    it('only a vendor admin mints sessions', async () => {
      for (const caller of ['manager', 'partner1', 'rep1'] as const) {
        const answer = await server.call(caller, 'POST', '/v1/sessions', {
          user: { id: 'u_anna', name: 'Anna' },
          role: 'partner_rep',
          partnerId: IDS.partner1,
        });
        expect(answer.status).toBe(403);
      }
    });

    it('a partner role needs an existing partner; a vendor role must not name one', async () => {
      const missing = await mint({ role: 'partner_admin' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ path: 'partnerId', message: expect.any(String) }]);
      const nullPartner = await mint({ role: 'partner_rep', partnerId: null });
      expect(nullPartner.status).toBe(400);
      const unknown = await mint({ role: 'partner_admin', partnerId: 'ptr_nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('not_found');
      const vendorWithPartner = await mint({ role: 'vendor_admin', partnerId: IDS.partner1 });
      expect(vendorWithPartner.status).toBe(400);
      expect(vendorWithPartner.body.errors[0].path).toBe('partnerId');
    });

    it('answers 400 for a bad role, user or lifetime', async () => {
      const answer = await server.call('vendor', 'POST', '/v1/sessions', {
        user: { id: 'has spaces', name: '' },
        role: 'superuser',
        ttlSeconds: 10,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'role',
        'ttlSeconds',
        'user.id',
        'user.name',
      ]);
      const tooLong = await mint({ role: 'vendor_admin', ttlSeconds: 86_401 });
      expect(tooLong.status).toBe(400);
    });
  });
});
