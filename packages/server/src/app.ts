import { buildOpenApiDocument, endpoints } from '@openprm/core';
import { Hono } from 'hono';
import { portalPage } from './pages/portal.js';
import { referencePage } from './pages/reference.js';

export interface AppOptions {
  /** Shown in `/healthz`, the OpenAPI document and the portal. */
  version: string;
  /** Demo mode accepts the documented demo keys; never enable it in production. */
  demo?: boolean;
  database?: 'pglite' | 'postgres';
}

export const DEMO_KEYS = [
  'prm_demo_vendor',
  'prm_demo_manager',
  'prm_demo_partner1',
  'prm_demo_partner2',
  'prm_demo_rep1',
] as const;

/** The HTTP application. Pure request → response, so tests call `app.request()` in-process. */
export const createApp = (options: AppOptions) => {
  const list = Object.values(endpoints);
  const openapi = buildOpenApiDocument(list, { version: options.version });
  const app = new Hono();

  app.get('/healthz', (c) =>
    c.json({
      status: 'ok' as const,
      version: options.version,
      database: options.database ?? 'pglite',
      demo: options.demo ?? false,
    }),
  );
  app.get('/v1/openapi.json', (c) => c.json(openapi));
  app.get('/docs', (c) => c.html(referencePage(list)));
  app.get('/', (c) =>
    c.html(portalPage({ version: options.version, demoKeys: options.demo ? DEMO_KEYS : [] })),
  );
  app.notFound((c) =>
    c.json(
      {
        type: 'https://openprm.dev/problems/not_found',
        title: 'Not found',
        status: 404,
        code: 'not_found',
        detail: `No route for ${c.req.method} ${new URL(c.req.url).pathname}`,
      },
      404,
      { 'content-type': 'application/problem+json' },
    ),
  );
  return app;
};
