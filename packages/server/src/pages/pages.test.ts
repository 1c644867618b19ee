import { endpoints } from '@openprm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite.js';
import { createServer } from '../server.js';

describe('public pages', () => {
  let server: Awaited<ReturnType<typeof createServer>>;
  beforeAll(async () => {
    server = await createServer({ database: await openPglite(), demo: true });
  });
  afterAll(() => server.context.db.close());

  it('answers /healthz with version, database and mode', async () => {
    const response = await server.app.request('/healthz');
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite', demo: true });
  });

  it('serves the OpenAPI document generated from the contract', async () => {
    const document = await (await server.app.request('/v1/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/registrations/{id}/approve');
  });

  it('renders an interactive reference with a form for every endpoint but the event stream', async () => {
    const html = await (await server.app.request('/docs')).text();
    for (const endpoint of Object.values(endpoints)) expect(html).toContain(`id="${endpoint.id}"`);
    const forms = html.match(/<form class="try"/g) ?? [];
    expect(forms).toHaveLength(Object.keys(endpoints).length - 1);
    expect(html).toContain('prm_demo_partner1');
  });

  it('shows the demo keys on the portal only in demo mode', async () => {
    expect(await (await server.app.request('/')).text()).toContain('prm_demo_partner1');
    const production = await createServer({ database: server.context.db });
    expect(await (await production.app.request('/')).text()).not.toContain('prm_demo_partner1');
    expect(await (await production.app.request('/docs')).text()).not.toContain('prm_demo_partner1');
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await server.app.request('/v1/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });
});
