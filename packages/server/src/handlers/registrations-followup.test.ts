import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { deal, eventTypesOf, submit } from './registrations-test-kit.js';

const DAY = 86_400_000;

describeOnBothDatabases('protection, extensions, conversation and audit over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });
  const approvedDeal = async (product: string, body: Record<string, unknown> = {}) => {
    const { id } = await submit(server, 'partner1', deal(IDS.globexDe, [product]));
    const approved = await server.call('manager', 'POST', `/v1/registrations/${id}/approve`, body);
    expect(approved.status).toBe(200);
    return approved.body;
  };

  describe('protection period and margin on approval', () => {
    it('defaults to 90 days and the program margin', async () => {
      const body = await approvedDeal('Default protection');
      expect(body).toMatchObject({
        status: 'approved',
        approvedAt: server.now().toISOString(),
        marginBenefitPct: 5,
      });
      expect(Date.parse(body.expiresAt) - Date.parse(body.approvedAt)).toBe(90 * DAY);
    });

    it('takes the reviewer’s protection days and margin, and refuses them out of range', async () => {
      const body = await approvedDeal('Custom protection', {
        protectionDays: 30,
        marginBenefitPct: 7.5,
      });
      expect(body.marginBenefitPct).toBe(7.5);
      expect(Date.parse(body.expiresAt) - Date.parse(body.approvedAt)).toBe(30 * DAY);
      const { id } = await submit(server, 'partner1', deal(IDS.globexDe, ['Bad protection']));
      const bad = await server.call('manager', 'POST', `/v1/registrations/${id}/approve`, {
        protectionDays: 0,
        marginBenefitPct: 120,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'marginBenefitPct',
        'protectionDays',
      ]);
    });
  });

  describe('extensions', () => {
    it('are asked with a justification, granted or refused with a reason, up to the limit', async () => {
      const { id, expiresAt } = await approvedDeal('Extended deal');
      const path = `/v1/registrations/${id}/extensions`;
      const ask = (days: number) =>
        server.call('partner1', 'POST', path, {
          justification: 'Customer moved the board meeting.',
          days,
        });

      const first = await ask(30);
      expect(first.status).toBe(201);
      expect(first.body.extensions).toEqual([
        expect.objectContaining({
          status: 'requested',
          days: 30,
          justification: 'Customer moved the board meeting.',
        }),
      ]);
      const eid = first.body.extensions[0].id;
      expect((await ask(10)).body.code).toBe('already_exists');

      const granted = await server.call('manager', 'POST', `${path}/${eid}/approve`, {});
      expect(granted.status).toBe(200);
      expect(granted.body.extensionsUsed).toBe(1);
      expect(Date.parse(granted.body.expiresAt) - Date.parse(expiresAt)).toBe(30 * DAY);
      expect(granted.body.extensions[0]).toMatchObject({
        status: 'approved',
        decidedAt: server.now().toISOString(),
      });
      const twice = await server.call('manager', 'POST', `${path}/${eid}/approve`, {});
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('extension_not_pending');

      const second = (await ask(20)).body.extensions[1].id;
      const noReason = await server.call('manager', 'POST', `${path}/${second}/reject`, {});
      expect(noReason.status).toBe(400);
      const refused = await server.call('manager', 'POST', `${path}/${second}/reject`, {
        reason: 'The program allows one extension for deals under 100k.',
      });
      expect(refused.body.extensions[1]).toMatchObject({
        status: 'rejected',
        decisionReason: 'The program allows one extension for deals under 100k.',
      });
      expect(refused.body.expiresAt).toBe(granted.body.expiresAt);

      const third = (await ask(5)).body.extensions[2].id; // refused ones do not count
      expect(
        (await server.call('manager', 'POST', `${path}/${third}/approve`, {})).body.extensionsUsed,
      ).toBe(2);
      const over = await ask(5);
      expect(over.status).toBe(422);
      expect(over.body.code).toBe('extension_limit_reached');
      expect((await server.call('manager', 'POST', `${path}/ext_unknown/approve`, {})).status).toBe(
        404,
      );
      expect(await eventTypesOf(handle.db(), id)).toEqual([
        'registration.submitted',
        'registration.approved',
        'registration.extension_requested',
        'registration.extension_approved',
        'registration.extension_requested',
        'registration.extension_rejected',
        'registration.extension_requested',
        'registration.extension_approved',
      ]);
    });

    it('are only for approved registrations still protected', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexDe, ['Pending deal']));
      const early = await server.call('partner1', 'POST', `/v1/registrations/${id}/extensions`, {
        justification: 'Just in case.',
        days: 10,
      });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('invalid_transition');
      const partner = await server.call(
        'partner1',
        'POST',
        `/v1/registrations/${id}/extensions/x/approve`,
        {},
      );
      expect(partner.status).toBe(403);
    });
  });

  describe('conversation', () => {
    it('keeps comments from both sides in order, with their authors', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexUs, ['Talkative deal']));
      const path = `/v1/registrations/${id}/comments`;
      expect(
        (await server.call('rep1', 'POST', path, { body: 'The customer wants a demo.' })).status,
      ).toBe(201);
      await server.call('manager', 'POST', path, { body: 'Which product line?' });
      const last = await server.call('partner1', 'POST', path, { body: '  The firewall.  ' });
      expect(
        last.body.comments.map((c: { body: string; kind: string }) => [c.kind, c.body]),
      ).toEqual([
        ['comment', 'The customer wants a demo.'],
        ['comment', 'Which product line?'],
        ['comment', 'The firewall.'],
      ]);
      expect(last.body.comments[1].author).toMatchObject({ type: 'api_key', id: 'key_manager' });
      expect((await server.call('partner1', 'POST', path, { body: '   ' })).status).toBe(400);
    });

    it('lets the partner escalate once a day while the registration is open', async () => {
      const { id } = await submit(server, 'partner1', deal(IDS.globexUs, ['Escalated deal']));
      const path = `/v1/registrations/${id}/escalate`;
      const first = await server.call('partner1', 'POST', path, {
        reason: 'No answer after a day.',
      });
      expect(first.status).toBe(200);
      expect(first.body.escalatedAt).toBe(server.now().toISOString());
      expect(first.body.comments).toEqual([
        expect.objectContaining({ kind: 'escalation', body: 'No answer after a day.' }),
      ]);
      const soon = await server.call('rep1', 'POST', path, { reason: 'Still nothing.' });
      expect(soon.status).toBe(422);
      expect(soon.body.code).toBe('rule_refused');
      expect((await server.call('manager', 'POST', path, { reason: 'Vendor?' })).status).toBe(403);
      server.advance(25);
      expect((await server.call('rep1', 'POST', path, { reason: 'Still nothing.' })).status).toBe(
        200,
      );
      await server.call('partner1', 'POST', `/v1/registrations/${id}/withdraw`, {});
      server.advance(25);
      const closed = await server.call('partner1', 'POST', path, { reason: 'Hello?' });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('invalid_transition');
    });
  });

  describe('audit trail', () => {
    it('records who, when, from, to and why for every change, in order', async () => {
      const { id } = await submit(server, 'rep1', deal(IDS.umbrella, ['Audited deal']));
      server.advance(2);
      await server.call('manager', 'POST', `/v1/registrations/${id}/comments`, {
        body: 'Looks good.',
      });
      await server.call('manager', 'POST', `/v1/registrations/${id}/approve`, {
        note: 'Strategic account.',
      });
      server.advance(24);
      await server.call('partner1', 'POST', `/v1/registrations/${id}/close`, {
        outcome: 'lost',
        reason: 'Budget cut.',
      });
      const { status, body } = await server.call('rep1', 'GET', `/v1/registrations/${id}/audit`);
      expect(status).toBe(200);
      expect(
        body.data.map(
          (e: { action: string; from?: string; to?: string; actor: { id: string } }) => [
            e.action,
            e.from,
            e.to,
            e.actor.id,
          ],
        ),
      ).toEqual([
        ['registration.submitted', undefined, 'submitted', 'key_rep1'],
        ['registration.commented', undefined, undefined, 'key_manager'],
        ['registration.approved', 'submitted', 'approved', 'key_manager'],
        ['registration.lost', 'approved', 'lost', 'key_partner1'],
      ]);
      expect(body.data[2].data).toMatchObject({ note: 'Strategic account.', protectionDays: 90 });
      expect(body.data[3].data).toEqual({ reason: 'Budget cut.' });
      const times = body.data.map((e: { at: string }) => e.at);
      expect([...times].sort()).toEqual(times);
    });

    it('cannot be changed or removed: the database refuses UPDATE and DELETE of audit rows', async () => {
      const db = handle.db();
      const [row] = await db.query<{ id: string }>(
        "select id from audit_events where subject_type = 'registration' limit 1",
      );
      expect(row).toBeDefined();
      await expect(
        db.query("update audit_events set action = 'registration.forged' where id = $1", [row?.id]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('delete from audit_events where id = $1', [row?.id])).rejects.toThrow(
        /append-only/,
      );
      const [still] = await db.query<{ action: string }>(
        'select action from audit_events where id = $1',
        [row?.id],
      );
      expect(still?.action).not.toBe('registration.forged');
    });
  });
});
