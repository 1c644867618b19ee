import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endpoints } from '@openprm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite.js';
import { createServer } from '../server.js';

describe('public pages', () => {
  let server: Awaited<ReturnType<typeof createServer>>;
  beforeAll(async () => {
    server = await createServer({
      database: await openPglite(),
      demo: true,
      elementsBundle: false,
    });
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

  it('shows the demo keys on the landing page only in demo mode', async () => {
    expect(await (await server.app.request('/')).text()).toContain('prm_demo_partner1');
    const production = await createServer({ database: server.context.db, elementsBundle: false });
    expect(await (await production.app.request('/')).text()).not.toContain('prm_demo_partner1');
    expect(await (await production.app.request('/docs')).text()).not.toContain('prm_demo_partner1');
  });

  describe('the demo portal with the elements installed', () => {
    const bundleDir = mkdtempSync(join(tmpdir(), 'openprm-bundle-'));
    const bundlePath = join(bundleDir, 'openprm-elements.bundle.js');
    writeFileSync(bundlePath, 'customElements.define("prm-test", class extends HTMLElement {});');
    afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));
    const portal = (demo: boolean) =>
      createServer({ database: server.context.db, demo, elementsBundle: bundlePath });

    it('puts every element on one page behind a role switcher over the demo keys', async () => {
      const html = await (await (await portal(true)).app.request('/')).text();
      for (const tag of [
        'prm-provider',
        'prm-contract-acceptance',
        'prm-reservation-check',
        'prm-registration-form',
        'prm-registration-list',
        'prm-skills-finder',
        'prm-traffic-light-board',
      ]) {
        expect(html).toContain(`<${tag}`);
      }
      for (const key of ['prm_demo_partner1', 'prm_demo_partner2', 'prm_demo_manager']) {
        expect(html).toContain(key);
      }
      expect(html).toContain('<script type="module" src="/assets/openprm-elements.bundle.js">');
    });

    it('serves the bundle as JavaScript and answers 404 for a missing source map', async () => {
      const { app } = await portal(true);
      const response = await app.request('/assets/openprm-elements.bundle.js');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/javascript');
      // Intranet pages on other origins load it as a module script, which is fetched with CORS.
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.text()).toContain('prm-test');
      expect((await app.request('/assets/openprm-elements.bundle.js.map')).status).toBe(404);
    });

    it('never puts demo keys on the page outside demo mode', async () => {
      const html = await (await (await portal(false)).app.request('/')).text();
      expect(html).not.toContain('prm_demo_');
      expect(html).not.toContain('<prm-registration-form');
    });
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await server.app.request('/v1/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });
});
