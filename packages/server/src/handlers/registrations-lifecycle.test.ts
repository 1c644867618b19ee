import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { deal, submit } from './registrations-test-kit.js';

describeOnBothDatabases('the registration lifecycle over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  describe('lifecycle', () => {
    it('withdraws a submitted registration; every further step is 409 invalid_transition', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexMunich, ['Lifecycle W']));
      const withdrawn = await server.call('rep1', 'POST', `/v1/registrations/${id}/withdraw`, {
        reason: 'Customer paused the project.',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      for (const [path, body, caller] of [
        ['withdraw', {}, 'partner1'],
        ['close', { outcome: 'won' }, 'partner1'],
        ['approve', {}, 'manager'],
        ['reject', { code: 'other', reason: 'Too late.' }, 'manager'],
      ] as const) {
        const again = await server.call(caller, 'POST', `/v1/registrations/${id}/${path}`, body);
        expect(again.status, path).toBe(409);
        expect(again.body.code).toBe('invalid_transition');
        expect(again.body.detail).toContain('"withdrawn" is final');
      }
    });

    it('approves, closes as won, and refuses to close a submitted one', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexMunich, ['Lifecycle C']));
      const early = await server.call('partner1', 'POST', `/v1/registrations/${id}/close`, {
        outcome: 'won',
      });
      expect(early.status).toBe(409);
      expect(
        (await server.call('manager', 'POST', `/v1/registrations/${id}/approve`, {})).status,
      ).toBe(200);
      const won = await server.call('partner1', 'POST', `/v1/registrations/${id}/close`, {
        outcome: 'won',
        actualValue: { amount: 61_000, currency: 'EUR' },
      });
      expect(won.status).toBe(200);
      expect(won.body).toMatchObject({ status: 'won', closedAt: server.now().toISOString() });
      const audit = await server.call('partner1', 'GET', `/v1/registrations/${id}/audit`);
      expect(audit.body.data.at(-1)).toMatchObject({
        action: 'registration.won',
        from: 'approved',
        to: 'won',
        data: { actualValue: { amount: 61_000, currency: 'EUR' } },
      });
    });

    it('lets a reviewer record a loss and a partner withdraw an approved registration', async () => {
      const lost = await submit(server, 'partner1', deal(IDS.globexMunich, ['Lifecycle L']));
      await server.call('manager', 'POST', `/v1/registrations/${lost.id}/approve`, {});
      const closed = await server.call('manager', 'POST', `/v1/registrations/${lost.id}/close`, {
        outcome: 'lost',
        reason: 'Customer chose a competitor.',
      });
      expect(closed.body.status).toBe('lost');
      const gone = await submit(server, 'partner1', deal(IDS.globexMunich, ['Lifecycle A']));
      await server.call('manager', 'POST', `/v1/registrations/${gone.id}/approve`, {});
      const withdrawn = await server.call(
        'partner1',
        'POST',
        `/v1/registrations/${gone.id}/withdraw`,
        {},
      );
      expect(withdrawn.body.status).toBe('withdrawn');
    });

    it('keeps decisions to the vendor and withdrawal to the partner (403 by role)', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexMunich, ['Roles']));
      expect(
        (await server.call('partner1', 'POST', `/v1/registrations/${id}/approve`, {})).status,
      ).toBe(403);
      expect(
        (
          await server.call('rep1', 'POST', `/v1/registrations/${id}/reject`, {
            code: 'other',
            reason: 'x',
          })
        ).status,
      ).toBe(403);
      expect(
        (await server.call('manager', 'POST', `/v1/registrations/${id}/withdraw`, {})).status,
      ).toBe(403);
    });
  });

  describe('rejection', () => {
    it('needs a code from the published list and a reason; automatic codes are not for reviewers', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexUs, ['Reject me']));
      const path = `/v1/registrations/${id}/reject`;
      const unknownCode = await server.call('manager', 'POST', path, {
        code: 'dislike',
        reason: 'No.',
      });
      expect(unknownCode.status).toBe(400);
      expect(unknownCode.body.errors[0].path).toBe('code');
      const noReason = await server.call('manager', 'POST', path, { code: 'not_qualified' });
      expect(noReason.status).toBe(400);
      const blank = await server.call('manager', 'POST', path, {
        code: 'not_qualified',
        reason: '   ',
      });
      expect(blank.status).toBe(400);
      const automatic = await server.call('manager', 'POST', path, {
        code: 'conflict_resolved',
        reason: 'Pretending a rule decided.',
      });
      expect(automatic.status).toBe(400);
      expect(automatic.body.detail).toContain('automatic rules');
      const rejected = await server.call('manager', 'POST', path, {
        code: 'insufficient_information',
        reason: 'Name the end customer contact and the project.',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        rejection: {
          code: 'insufficient_information',
          reason: 'Name the end customer contact and the project.',
        },
      });
      const seen = await server.call('partner1', 'GET', `/v1/registrations/${id}`);
      expect(seen.body.rejection.reason).toBe('Name the end customer contact and the project.');
    });
  });
});
