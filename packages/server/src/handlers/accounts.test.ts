import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describeOnBothDatabases('accounts and reservations over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  describe('account look-up', () => {
    it('finds one account by "ACME, Inc."-style variants of its name and by its domain', async () => {
      for (const query of [
        'Initech Inc',
        'INITECH, INC.',
        'initech.com',
        'https://www.initech.com/about',
      ]) {
        const { status, body } = await server.call(
          'partner1',
          'GET',
          `/v1/accounts?query=${encodeURIComponent(query)}`,
        );
        expect(status).toBe(200);
        expect(body.data.map((a: { id: string }) => a.id)).toContain(IDS.initech);
      }
    });

    it('finds accounts by the start of a name while typing', async () => {
      const { body } = await server.call('partner1', 'GET', '/v1/accounts?query=glob');
      expect(body.data.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining([IDS.globex, IDS.globexDe, IDS.globexMunich, IDS.globexUs]),
      );
    });

    it('pages with a cursor and refuses a forged one', async () => {
      const first = await server.call('vendor', 'GET', '/v1/accounts?limit=2');
      expect(first.body.data).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await server.call(
        'vendor',
        'GET',
        `/v1/accounts?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.data[0].id > first.body.data[1].id).toBe(true);
      const forged = await server.call('vendor', 'GET', '/v1/accounts?cursor=nonsense');
      expect(forged.status).toBe(400);
      expect(forged.body.code).toBe('invalid_request');
    });

    it('returns an account with its ancestors and descendants', async () => {
      const { status, body } = await server.call('partner1', 'GET', `/v1/accounts/${IDS.globexDe}`);
      expect(status).toBe(200);
      expect(body.ancestors.map((a: { id: string }) => a.id)).toEqual([IDS.globex]);
      expect(body.descendants.map((a: { id: string }) => a.id)).toEqual([IDS.globexMunich]);
      expect(body.effectiveVendorDirect).toBe(false);
      const lab = await server.call('partner1', 'GET', `/v1/accounts/${IDS.initechLab}`);
      expect(lab.body.effectiveVendorDirect).toBe(true);
    });

    it('creates an account under a parent and refuses a duplicate typed differently', async () => {
      const created = await server.call('partner1', 'POST', '/v1/accounts', {
        name: 'Umbrella Research Ltd',
        parentId: IDS.umbrella,
        country: 'GB',
        region: 'EMEA',
      });
      expect(created.status).toBe(201);
      expect(created.body.normalizedName).toBe('umbrella research');
      const duplicate = await server.call('partner2', 'POST', '/v1/accounts', {
        name: 'UMBRELLA RESEARCH, LTD.',
        parentId: IDS.umbrella,
        country: 'GB',
        region: 'EMEA',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'already_exists', existingId: created.body.id });
    });

    it('answers 400 with every invalid field, never a 500', async () => {
      const { status, body, headers } = await server.call('partner1', 'POST', '/v1/accounts', {
        name: '',
        country: 'Germany',
      });
      expect(status).toBe(400);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'country',
        'name',
        'region',
      ]);
      const malformed = await server.call('partner1', 'POST', '/v1/accounts', '{"name":');
      expect(malformed.status).toBe(400);
    });

    it('answers 404 for an unknown account', async () => {
      expect((await server.call('partner1', 'GET', '/v1/accounts/acc_nope')).status).toBe(404);
    });
  });

  describe('reservations', () => {
    it('checks, reserves and sees the reservation from both sides', async () => {
      const open = await server.call('partner1', 'GET', `/v1/accounts/${IDS.globexDe}/reservation`);
      expect(open.body).toEqual({ accountId: IDS.globexDe, status: 'open' });

      const reserved = await server.call('partner1', 'POST', '/v1/reservations', {
        accountId: IDS.globexDe,
      });
      expect(reserved.status).toBe(201);
      expect(reserved.body).toMatchObject({
        partnerId: IDS.partner1,
        status: 'active',
        renewals: 0,
      });
      expect(Date.parse(reserved.body.expiresAt) - server.now().getTime()).toBe(90 * 86_400_000);

      const mine = await server.call('rep1', 'GET', `/v1/accounts/${IDS.globexMunich}/reservation`);
      expect(mine.body.status).toBe('reserved_by_you');
      const theirs = await server.call(
        'partner2',
        'GET',
        `/v1/accounts/${IDS.globexMunich}/reservation`,
      );
      expect(theirs.body.status).toBe('reserved_by_other');
      expect(theirs.body.reservation.partnerId).toBeUndefined();
      const vendor = await server.call(
        'manager',
        'GET',
        `/v1/accounts/${IDS.globexMunich}/reservation`,
      );
      expect(vendor.body.reservation.partnerId).toBe(IDS.partner1);
    });

    it('refuses an overlapping reservation with 409 account_reserved', async () => {
      const { status, body } = await server.call('partner2', 'POST', '/v1/reservations', {
        accountId: IDS.globex,
      });
      expect(status).toBe(409);
      expect(body.code).toBe('account_reserved');
      expect(body.detail).not.toContain(IDS.partner1);
    });

    it('refuses a vendor-direct account (or a descendant of one) with 409 vendor_direct_account', async () => {
      const check = await server.call(
        'partner2',
        'GET',
        `/v1/accounts/${IDS.initechLab}/reservation`,
      );
      expect(check.body.status).toBe('vendor_direct');
      const { status, body } = await server.call('partner2', 'POST', '/v1/reservations', {
        accountId: IDS.initechLab,
      });
      expect(status).toBe(409);
      expect(body.code).toBe('vendor_direct_account');
    });

    it('lets vendors reserve on behalf of a partner, who must be named', async () => {
      const missing = await server.call('manager', 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
      });
      expect(missing.status).toBe(400);
      const made = await server.call('manager', 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
        partnerId: IDS.partner2,
      });
      expect(made.status).toBe(201);
      expect(made.body.partnerId).toBe(IDS.partner2);
    });

    it("shows partners only their own reservations; another partner's is a 404", async () => {
      const list1 = await server.call('partner1', 'GET', '/v1/reservations');
      expect(
        list1.body.data.every((r: { partnerId: string }) => r.partnerId === IDS.partner1),
      ).toBe(true);
      const list2 = await server.call('partner2', 'GET', '/v1/reservations');
      const other = list2.body.data[0].id;
      const peek = await server.call('partner1', 'POST', `/v1/reservations/${other}/renew`);
      expect(peek.status).toBe(404);
      const all = await server.call('vendor', 'GET', '/v1/reservations');
      expect(new Set(all.body.data.map((r: { partnerId: string }) => r.partnerId)).size).toBe(2);
    });

    it('renews a limited number of times, then releases', async () => {
      const list = await server.call('partner1', 'GET', '/v1/reservations?status=active');
      const id = list.body.data[0].id;
      server.advance(24);
      const first = await server.call('partner1', 'POST', `/v1/reservations/${id}/renew`);
      expect(first.status).toBe(200);
      expect(first.body.renewals).toBe(1);
      expect(
        (await server.call('partner1', 'POST', `/v1/reservations/${id}/renew`)).body.renewals,
      ).toBe(2);
      const third = await server.call('partner1', 'POST', `/v1/reservations/${id}/renew`);
      expect(third.status).toBe(422);
      expect(third.body.code).toBe('renewal_limit_reached');

      const released = await server.call('partner1', 'DELETE', `/v1/reservations/${id}`);
      expect(released.status).toBe(200);
      expect(released.body.status).toBe('released');
      const again = await server.call('partner1', 'DELETE', `/v1/reservations/${id}`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invalid_transition');
      const open = await server.call('partner2', 'GET', `/v1/accounts/${IDS.globexDe}/reservation`);
      expect(open.body.status).toBe('open');
    });
  });

  describe('auth', () => {
    it('answers 401 without a token or with a bad one', async () => {
      expect((await server.call(null, 'GET', '/v1/accounts')).status).toBe(401);
      const bad = await server.call(null, 'GET', '/v1/accounts', undefined, {
        authorization: 'Bearer nope',
      });
      expect(bad.status).toBe(401);
      expect(bad.body.code).toBe('unauthenticated');
    });
  });
});
