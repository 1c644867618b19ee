import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import {
  acceptContract,
  auditStepsOf,
  deal,
  eventTypesOf,
  publishGatingContract,
  REJECTED_AT_ONCE,
  submit,
} from './registrations-test-kit.js';

describeOnBothDatabases('deal registrations over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  describe('submitting', () => {
    it('registers a deal, due for a decision 48 h after submission', async () => {
      const body = await submit(
        server,
        'rep1',
        deal(IDS.globexDe, ['Firewall', ' firewall ', 'VPN'], { notes: 'Budget approved.' }),
      );
      expect(body).toMatchObject({
        partnerId: IDS.partner1,
        accountId: IDS.globexDe,
        status: 'submitted',
        products: ['Firewall', 'VPN'],
        estimatedValue: { amount: 50_000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        notes: 'Budget approved.',
        submittedAt: server.now().toISOString(),
        slaBreached: false,
        contested: false,
        conflicts: [],
        extensionsUsed: 0,
        extensions: [],
        comments: [],
      });
      expect(Date.parse(body.decisionDueAt) - Date.parse(body.submittedAt)).toBe(48 * 3_600_000);
      for (const absent of ['approvedAt', 'expiresAt', 'marginBenefitPct', 'rejection', 'closedAt'])
        expect(body).not.toHaveProperty(absent);
      const got = await server.call('partner1', 'GET', `/v1/registrations/${body.id}`);
      expect(got.body).toEqual(body);
      expect(await eventTypesOf(handle.db(), body.id)).toEqual(['registration.submitted']);
    });

    it('rejects a vendor-direct account at once, with the published code and an explanation', async () => {
      const body = await submit(server, 'partner1', deal(IDS.initechLab, ['Direct probe']));
      expect(body.status).toBe('rejected');
      expect(body.rejection).toMatchObject({
        code: 'vendor_direct_account',
        rule: expect.any(String),
      });
      expect(body.rejection.reason).toContain('Initech');
      expect(await auditStepsOf(server, 'partner1', body.id)).toEqual(REJECTED_AT_ONCE);
      const audit = await server.call('partner1', 'GET', `/v1/registrations/${body.id}/audit`);
      expect(audit.body.data[1].actor.type).toBe('system');
      expect(audit.body.data[1].data.rejection.code).toBe('vendor_direct_account');
      expect(await eventTypesOf(handle.db(), body.id)).toEqual([
        'registration.submitted',
        'registration.rejected',
      ]);
    });

    it('lets vendors register on behalf of a named partner; partners only for themselves', async () => {
      const unnamed = await server.call(
        'manager',
        'POST',
        '/v1/registrations',
        deal(IDS.umbrella, ['Proxy']),
      );
      expect(unnamed.status).toBe(400);
      const named = await submit(
        server,
        'manager',
        deal(IDS.umbrella, ['Proxy'], { partnerId: IDS.partner2 }),
      );
      expect(named.partnerId).toBe(IDS.partner2);
      const other = await server.call(
        'partner1',
        'POST',
        '/v1/registrations',
        deal(IDS.umbrella, ['Proxy'], { partnerId: IDS.partner2 }),
      );
      expect(other.status).toBe(403);
    });

    it('answers 400 with every invalid field and 404 for an unknown account', async () => {
      const bad = await server.call('partner1', 'POST', '/v1/registrations', {
        accountId: IDS.globex,
        products: [],
        estimatedValue: { amount: -1, currency: 'euro' },
        expectedCloseDate: '31/03/2027',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'estimatedValue.amount',
        'estimatedValue.currency',
        'expectedCloseDate',
        'products',
      ]);
      const unknown = await server.call(
        'partner1',
        'POST',
        '/v1/registrations',
        deal('acc_nope', ['X']),
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('not_found');
    });
  });

  describe('idempotent submission', () => {
    it('replays the first answer for the same Idempotency-Key and never registers twice', async () => {
      const body = deal(IDS.globexUs, ['Idempotent SKU']);
      const headers = { 'idempotency-key': 'retry-1' };
      const first = await server.call('partner1', 'POST', '/v1/registrations', body, headers);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      server.advance(0.1);
      const retry = await server.call('partner1', 'POST', '/v1/registrations', body, headers);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      const list = await server.call(
        'partner1',
        'GET',
        `/v1/registrations?accountId=${IDS.globexUs}`,
      );
      const same = list.body.data.filter(
        (r: { products: string[] }) => r.products[0] === 'Idempotent SKU',
      );
      expect(same).toHaveLength(1);
      const reused = await server.call(
        'partner1',
        'POST',
        '/v1/registrations',
        { ...body, notes: 'changed' },
        headers,
      );
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
    });
  });

  describe('partner scoping', () => {
    it("answers 404 for another partner's registration on every endpoint a partner may call", async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexUs, ['Private deal']));
      const base = `/v1/registrations/${id}`;
      for (const [method, path, body] of [
        ['GET', base, undefined],
        ['GET', `${base}/audit`, undefined],
        ['POST', `${base}/withdraw`, {}],
        ['POST', `${base}/close`, { outcome: 'won' }],
        ['POST', `${base}/extensions`, { justification: 'Need more time.', days: 30 }],
        ['POST', `${base}/comments`, { body: 'Hello?' }],
        ['POST', `${base}/escalate`, { reason: 'Slow.' }],
      ] as const) {
        const response = await server.call('partner2', method, path, body);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.code).toBe('not_found');
      }
      const list = await server.call(
        'partner2',
        'GET',
        `/v1/registrations?partnerId=${IDS.partner1}`,
      );
      expect(list.body.data.every((r: { partnerId: string }) => r.partnerId === IDS.partner2)).toBe(
        true,
      );
      const vendor = await server.call(
        'vendor',
        'GET',
        `/v1/registrations?partnerId=${IDS.partner1}`,
      );
      expect(vendor.body.data.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('filters by status and account and pages newest first', async () => {
      const all = await server.call('vendor', 'GET', '/v1/registrations?limit=200');
      const rejected = await server.call('vendor', 'GET', '/v1/registrations?status=rejected');
      expect(rejected.body.data.length).toBeGreaterThan(0);
      expect(rejected.body.data.every((r: { status: string }) => r.status === 'rejected')).toBe(
        true,
      );
      const byAccount = await server.call(
        'vendor',
        'GET',
        `/v1/registrations?accountId=${IDS.initechLab}`,
      );
      expect(
        byAccount.body.data.every((r: { accountId: string }) => r.accountId === IDS.initechLab),
      ).toBe(true);
      const pages: string[] = [];
      let cursor = '';
      do {
        const page = await server.call('vendor', 'GET', `/v1/registrations?limit=3${cursor}`);
        pages.push(...page.body.data.map((r: { id: string }) => r.id));
        cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
      } while (cursor);
      expect(pages).toEqual(all.body.data.map((r: { id: string }) => r.id));
      const submittedAt = all.body.data.map((r: { submittedAt: string }) => r.submittedAt);
      expect([...submittedAt].sort().reverse()).toEqual(submittedAt);
      expect((await server.call('vendor', 'GET', '/v1/registrations?cursor=bogus')).status).toBe(
        400,
      );
    });
  });

  describe('contract gate', () => {
    it('answers 403 contract_acceptance_required with the pending contracts until accepted', async () => {
      const db = handle.db();
      const { hash } = await publishGatingContract(db, 'ctr_reg_terms', server.now());
      const body = deal(IDS.globexUs, ['Gated']);
      const refused = await server.call('partner1', 'POST', '/v1/registrations', body);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('contract_acceptance_required');
      expect(refused.body.pending).toEqual([
        expect.objectContaining({
          contractId: 'ctr_reg_terms',
          version: 1,
          requiresReacceptance: true,
        }),
      ]);
      const onBehalf = await server.call('manager', 'POST', '/v1/registrations', {
        ...body,
        partnerId: IDS.partner2,
      });
      expect(onBehalf.status).toBe(403);
      await acceptContract(db, 'ctr_reg_terms', hash, IDS.partner1, server.now());
      expect((await server.call('partner1', 'POST', '/v1/registrations', body)).status).toBe(201);
      expect((await server.call('partner2', 'POST', '/v1/registrations', body)).status).toBe(403);
      await acceptContract(db, 'ctr_reg_terms', hash, IDS.partner2, server.now());
      expect((await server.call('partner2', 'POST', '/v1/registrations', body)).status).toBe(201);
    });
  });
});
