import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const AGREEMENT_V1 = 'The partner keeps deal data confidential.\n\nVersion 1.';
const AGREEMENT_V2 = 'The partner keeps deal data confidential.\n\nVersion 2: adds the NDA.';
const AGREEMENT_V3 = 'The partner keeps deal data confidential.\n\nVersion 3: typo fixes.';

describeOnBothDatabases('contracts and terms acceptance over HTTP', (handle) => {
  let server: TestServer;
  let contractId: string;
  const eventsOf = (type: string) =>
    handle
      .db()
      .query<{ partner_id: string | null; data: Record<string, unknown> }>(
        'select partner_id, data from events where type = $1 and subject_id = $2 order by seq',
        [type, contractId],
      );
  const pending = async (caller: 'partner1' | 'partner2' | 'rep1') =>
    (await server.call(caller, 'GET', '/v1/contracts/pending')).body.data as {
      contractId: string;
      version: number;
      hash: string;
    }[];
  const accept = (
    caller: 'partner1' | 'partner2' | 'rep1',
    version: number,
    hash: string,
    headers: Record<string, string> = {},
  ) =>
    server.call(
      caller,
      'POST',
      `/v1/contracts/${contractId}/versions/${version}/accept`,
      { hash, accepted: true },
      headers,
    );

  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  describe('creating and publishing', () => {
    it('creates a contract without a version; every role sees it in the list', async () => {
      const created = await server.call('vendor', 'POST', '/v1/contracts', {
        title: 'Program agreement',
        kind: 'program_agreement',
        gates: ['reservation.create', 'reservation.create'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Program agreement',
        kind: 'program_agreement',
        gates: ['reservation.create'],
        currentVersion: null,
      });
      contractId = created.body.id;
      const list = await server.call('rep1', 'GET', '/v1/contracts');
      expect(list.status).toBe(200);
      expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([contractId]);
      // Nothing is published yet, so nothing is pending and nothing is gated.
      expect(await pending('partner1')).toEqual([]);
      expect((await eventsOf('contract.created')).length).toBe(1);
    });

    it('only the vendor admin creates and publishes', async () => {
      const byManager = await server.call('manager', 'POST', '/v1/contracts', {
        title: 'NDA',
        kind: 'nda',
      });
      expect(byManager.status).toBe(403);
      const byPartner = await server.call(
        'partner1',
        'POST',
        `/v1/contracts/${contractId}/versions`,
        { content: 'Mine now.' },
      );
      expect(byPartner.status).toBe(403);
    });

    it('publishes version 1 with the SHA-256 of its text, requiring acceptance by default', async () => {
      const published = await server.call(
        'vendor',
        'POST',
        `/v1/contracts/${contractId}/versions`,
        {
          content: AGREEMENT_V1,
        },
      );
      expect(published.status).toBe(201);
      expect(published.body).toEqual({
        contractId,
        version: 1,
        content: AGREEMENT_V1,
        hash: sha256(AGREEMENT_V1),
        requiresReacceptance: true,
        publishedAt: server.now().toISOString(),
      });
      const list = await server.call('vendor', 'GET', '/v1/contracts');
      expect(list.body.data[0].currentVersion).toBe(1);
      const [event] = await eventsOf('contract.version_published');
      expect(event?.partner_id).toBeNull();
      expect(event?.data).toMatchObject({ version: { version: 1, hash: sha256(AGREEMENT_V1) } });
    });

    it('answers 404 for an unknown contract and 400 for empty text', async () => {
      const unknown = await server.call('vendor', 'POST', '/v1/contracts/ctr_nope/versions', {
        content: 'Text',
      });
      expect(unknown.status).toBe(404);
      const empty = await server.call('vendor', 'POST', `/v1/contracts/${contractId}/versions`, {
        content: '   ',
      });
      expect(empty.status).toBe(400);
      expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(['content']);
    });
  });

  describe('pending terms and the gate', () => {
    it('makes the new version pending for every partner, with its text and hash', async () => {
      for (const caller of ['partner1', 'partner2', 'rep1'] as const) {
        expect(await pending(caller)).toEqual([
          expect.objectContaining({
            contractId,
            version: 1,
            title: 'Program agreement',
            requiresReacceptance: true,
            content: AGREEMENT_V1,
            hash: sha256(AGREEMENT_V1),
            gates: ['reservation.create'],
          }),
        ]);
      }
      expect((await server.call('vendor', 'GET', '/v1/contracts/pending')).status).toBe(403);
    });

    it('refuses a gated action with contract_acceptance_required naming the pending contract', async () => {
      const refused = await server.call('partner1', 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('contract_acceptance_required');
      expect(refused.body.pending).toEqual([expect.objectContaining({ contractId, version: 1 })]);
    });
  });

  describe('accepting', () => {
    it('refuses a hash that is not the published text (422) and an implicit acceptance (400)', async () => {
      const wrong = await accept('partner1', 1, sha256('Some other text'));
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('hash_mismatch');
      const implicit = await server.call(
        'partner1',
        'POST',
        `/v1/contracts/${contractId}/versions/1/accept`,
        { hash: sha256(AGREEMENT_V1), accepted: false },
      );
      expect(implicit.status).toBe(400);
      expect(implicit.body.errors.map((e: { path: string }) => e.path)).toEqual(['accepted']);
    });

    it('answers 404 for an unknown contract or version', async () => {
      expect((await accept('partner1', 9, sha256(AGREEMENT_V1))).status).toBe(404);
      const unknown = await server.call(
        'partner1',
        'POST',
        '/v1/contracts/ctr_nope/versions/1/accept',
        { hash: sha256(AGREEMENT_V1), accepted: true },
      );
      expect(unknown.status).toBe(404);
    });

    it('records an immutable receipt with who, when and the client, then lifts the gate', async () => {
      const accepted = await accept('partner1', 1, sha256(AGREEMENT_V1), {
        'user-agent': 'PartnerPortal/1.0',
      });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toEqual({
        id: expect.any(String),
        contractId,
        version: 1,
        hash: sha256(AGREEMENT_V1),
        userId: 'key_partner1',
        partnerId: IDS.partner1,
        acceptedAt: server.now().toISOString(),
        clientInfo: { userAgent: 'PartnerPortal/1.0' },
      });
      expect(await pending('rep1')).toEqual([]);
      expect(await pending('partner2')).toHaveLength(1);
      const reserved = await server.call('partner1', 'POST', '/v1/reservations', {
        accountId: IDS.umbrella,
      });
      expect(reserved.status).toBe(201);
      const [event, ...more] = await eventsOf('contract.accepted');
      expect(more).toEqual([]);
      expect(event?.partner_id).toBe(IDS.partner1);
      expect(event?.data).toMatchObject({ acceptance: { id: accepted.body.id } });
    });

    it('is idempotent per partner: accepting the same version again returns the first receipt', async () => {
      server.advance(1);
      const again = await accept('rep1', 1, sha256(AGREEMENT_V1));
      expect(again.status).toBe(201);
      expect(again.body.userId).toBe('key_partner1');
      expect(again.body.acceptedAt).toBe(
        new Date(server.now().getTime() - 3_600_000).toISOString(),
      );
      expect((await eventsOf('contract.accepted')).length).toBe(1);
    });

    it('the database refuses to change or delete an acceptance', async () => {
      await expect(
        handle.db().query("update acceptances set user_id = 'someone_else'"),
      ).rejects.toThrow(/append-only/);
      await expect(handle.db().query('delete from acceptances')).rejects.toThrow(/append-only/);
    });
  });

  describe('new versions', () => {
    it('a version that requires re-acceptance is pending again; the old one can no longer be accepted', async () => {
      const v2 = await server.call('vendor', 'POST', `/v1/contracts/${contractId}/versions`, {
        content: AGREEMENT_V2,
      });
      expect(v2.body.version).toBe(2);
      expect((await pending('partner1')).map((p) => p.version)).toEqual([2]);
      const stale = await accept('partner2', 1, sha256(AGREEMENT_V1));
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('invalid_transition');
      expect((await accept('partner1', 2, sha256(AGREEMENT_V2))).status).toBe(201);
      expect(await pending('partner1')).toEqual([]);
    });

    it('a version that does not require re-acceptance leaves earlier acceptors alone', async () => {
      const v3 = await server.call('vendor', 'POST', `/v1/contracts/${contractId}/versions`, {
        content: AGREEMENT_V3,
        requiresReacceptance: false,
      });
      expect(v3.body).toMatchObject({ version: 3, requiresReacceptance: false });
      expect(await pending('partner1')).toEqual([]);
      expect((await pending('partner2')).map((p) => p.version)).toEqual([3]);
    });
  });

  describe("the vendor's acceptance report", () => {
    it('lists who accepted the current version and who has not', async () => {
      const report = await server.call('manager', 'GET', `/v1/contracts/${contractId}/acceptances`);
      expect(report.status).toBe(200);
      // Partner 1 accepted v2 and v3 does not ask again: up to date, with no v3 receipt.
      expect(report.body).toEqual({
        contractId,
        version: 3,
        data: [],
        nextCursor: null,
        notAccepted: [{ partnerId: IDS.partner2, partnerName: 'Contoso Partners' }],
      });
      expect((await accept('partner2', 3, sha256(AGREEMENT_V3))).status).toBe(201);
      const after = await server.call('vendor', 'GET', `/v1/contracts/${contractId}/acceptances`);
      expect(after.body.notAccepted).toEqual([]);
      expect(after.body.data.map((a: { partnerId: string }) => a.partnerId)).toEqual([
        IDS.partner2,
      ]);
    });

    it('reports an earlier version on request', async () => {
      // Exactly `limit` receipts: no next page.
      const first = await server.call(
        'vendor',
        'GET',
        `/v1/contracts/${contractId}/acceptances?version=1&limit=1`,
      );
      expect(first.body).toMatchObject({ version: 1, nextCursor: null });
      expect(first.body.data.map((a: { partnerId: string }) => a.partnerId)).toEqual([
        IDS.partner1,
      ]);
      // Partner 2 never accepted version 1, which required acceptance.
      expect(first.body.notAccepted).toEqual([
        { partnerId: IDS.partner2, partnerName: 'Contoso Partners' },
      ]);
    });

    it('pages through many receipts with a cursor', async () => {
      const created = await server.call('vendor', 'POST', '/v1/contracts', {
        title: 'NDA',
        kind: 'nda',
      });
      const nda = created.body.id as string;
      const empty = await server.call('vendor', 'GET', `/v1/contracts/${nda}/acceptances`);
      expect(empty.body).toEqual({
        contractId: nda,
        version: null,
        data: [],
        nextCursor: null,
        notAccepted: [],
      });
      const v1 = await server.call('vendor', 'POST', `/v1/contracts/${nda}/versions`, {
        content: 'Mutual NDA.',
      });
      for (const caller of ['partner2', 'partner1'] as const) {
        server.advance(1);
        const receipt = await server.call(
          caller,
          'POST',
          `/v1/contracts/${nda}/versions/1/accept`,
          { hash: v1.body.hash, accepted: true },
        );
        expect(receipt.status).toBe(201);
      }
      const page1 = await server.call('vendor', 'GET', `/v1/contracts/${nda}/acceptances?limit=1`);
      expect(page1.body.data.map((a: { partnerId: string }) => a.partnerId)).toEqual([
        IDS.partner2,
      ]);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await server.call(
        'vendor',
        'GET',
        `/v1/contracts/${nda}/acceptances?limit=1&cursor=${page1.body.nextCursor}`,
      );
      expect(page2.body.data.map((a: { partnerId: string }) => a.partnerId)).toEqual([
        IDS.partner1,
      ]);
      expect(page2.body.nextCursor).toBeNull();
    });

    it('answers 404 for an unknown contract or version, and 403 to partners', async () => {
      expect(
        (await server.call('vendor', 'GET', '/v1/contracts/ctr_nope/acceptances')).status,
      ).toBe(404);
      expect(
        (await server.call('vendor', 'GET', `/v1/contracts/${contractId}/acceptances?version=7`))
          .status,
      ).toBe(404);
      const partner = await server.call(
        'partner1',
        'GET',
        `/v1/contracts/${contractId}/acceptances`,
      );
      expect(partner.status).toBe(403);
      expect(partner.body.code).toBe('forbidden');
    });
  });
});
