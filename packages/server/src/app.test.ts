import { endpoints } from '@openprm/core';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';

const app = createApp({ version: '1.2.3', demo: true });

describe('server shell', () => {
  it('answers /healthz with its version and database', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '1.2.3',
      database: 'pglite',
      demo: true,
    });
  });

  it('serves the OpenAPI document generated from the contract', async () => {
    const response = await app.request('/v1/openapi.json');
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/registrations/{id}/approve');
  });

  it('renders an API reference listing every endpoint', async () => {
    const html = await (await app.request('/docs')).text();
    for (const endpoint of Object.values(endpoints)) expect(html).toContain(endpoint.path);
  });

  it('shows the demo keys on the portal only in demo mode', async () => {
    expect(await (await app.request('/')).text()).toContain('prm_demo_partner1');
    const production = createApp({ version: '1.2.3' });
    expect(await (await production.request('/')).text()).not.toContain('prm_demo_partner1');
  });

  it('answers unknown routes with problem+json, never HTML', async () => {
    const response = await app.request('/v1/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });
});
