import { WebhookWithSecret } from '@openprm/core';
import { beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const HOOK = {
  url: 'https://crm.example.com/hooks/openprm',
  eventTypes: ['registration.approved', 'reservation.created'],
};

describeOnBothDatabases('POST/GET/DELETE /v1/webhooks', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
  });

  it('creates a webhook and shows its signing secret once, never in the list', async () => {
    const created = await server.call('vendor', 'POST', '/v1/webhooks', HOOK);
    expect(created.status).toBe(201);
    expect(WebhookWithSecret.safeParse(created.body).success).toBe(true);
    expect(created.body).toMatchObject({ ...HOOK, active: true });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await server.call('vendor', 'GET', '/v1/webhooks');
    expect(listed.status).toBe(200);
    const { secret, ...withoutSecret } = created.body;
    expect(listed.body.data).toContainEqual(withoutSecret);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain('"secret"');
  });

  it('gives each webhook its own secret', async () => {
    const first = await server.call('vendor', 'POST', '/v1/webhooks', HOOK);
    const second = await server.call('vendor', 'POST', '/v1/webhooks', HOOK);
    expect(first.body.secret).not.toBe(second.body.secret);
  });

  it('pages the list with a cursor', async () => {
    for (let n = 0; n < 3; n += 1) {
      const url = `https://hooks.example.com/page-${n}`;
      await server.call('vendor', 'POST', '/v1/webhooks', { ...HOOK, url });
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await server.call('vendor', 'GET', `/v1/webhooks?limit=2&cursor=${cursor}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((webhook: { id: string }) => webhook.id));
      cursor = page.body.nextCursor;
    }
    const all = await server.call('vendor', 'GET', '/v1/webhooks?limit=200');
    expect(seen).toEqual(all.body.data.map((webhook: { id: string }) => webhook.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await server.call('vendor', 'GET', '/v1/webhooks?cursor=nonsense')).status).toBe(400);
  });

  it('refuses URLs that are not http(s) and empty or unknown event types with a 400', async () => {
    const bad = [
      { ...HOOK, url: 'ftp://crm.example.com/hooks' },
      { ...HOOK, url: 'javascript:alert(1)' },
      { ...HOOK, url: 'not a url' },
      { ...HOOK, eventTypes: [] },
      { ...HOOK, eventTypes: ['registration.teleported'] },
      { url: HOOK.url },
      { ...HOOK, url: `https://crm.example.com/${'a'.repeat(2048)}` },
    ];
    for (const body of bad) {
      const answer = await server.call('vendor', 'POST', '/v1/webhooks', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
    }
  });

  it('lets only the vendor admin manage webhooks', async () => {
    for (const caller of ['manager', 'partner1', 'rep1'] as const) {
      expect((await server.call(caller, 'POST', '/v1/webhooks', HOOK)).status).toBe(403);
      expect((await server.call(caller, 'GET', '/v1/webhooks')).status).toBe(403);
    }
  });

  it('deletes a webhook: 204, gone from the list, then 404', async () => {
    const created = await server.call('vendor', 'POST', '/v1/webhooks', HOOK);
    const path = `/v1/webhooks/${created.body.id}`;
    expect((await server.call('partner1', 'DELETE', path)).status).toBe(403);
    const deleted = await server.call('vendor', 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    const listed = await server.call('vendor', 'GET', '/v1/webhooks?limit=200');
    expect(listed.body.data.map((webhook: { id: string }) => webhook.id)).not.toContain(
      created.body.id,
    );
    expect((await server.call('vendor', 'DELETE', path)).status).toBe(404);
    expect((await server.call('vendor', 'DELETE', '/v1/webhooks/whk_missing')).status).toBe(404);
  });
});
