import type { Context, Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { DEMO_KEYS } from '../demo/keys.js';
import { portalPage } from '../pages/portal.js';
import { portalAppPage } from '../pages/portal-app.js';
import { createBundleReader } from './elements-bundle.js';

const BUNDLE_URL = '/assets/openprm-elements.bundle.js';

/**
 * `/`: in demo mode with the elements installed, the demo portal with every element; otherwise
 * the landing page (with the demo keys in demo mode). The bundle is served beside it.
 */
export const registerPortal = (app: Hono, context: ServerContext): void => {
  const demoKeys = context.demo ? DEMO_KEYS : [];
  const bundle = context.elementsBundle ? createBundleReader(context.elementsBundle) : null;

  app.get('/', (c) =>
    c.html(
      context.demo && bundle?.('bundle')
        ? portalAppPage({ version: context.version, bundleUrl: BUNDLE_URL })
        : portalPage({ version: context.version, demoKeys }),
    ),
  );
  const serveFile = (name: 'bundle' | 'map', contentType: string) => (c: Context) => {
    const text = bundle?.(name);
    if (!text) return c.notFound();
    // Revalidate every time: a rebuilt bundle shows on the next reload. Any page may load it (a
    // module script is fetched with CORS): it is public code, served without credentials.
    return c.body(text, 200, {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
    });
  };
  app.get(BUNDLE_URL, serveFile('bundle', 'text/javascript; charset=utf-8'));
  app.get(`${BUNDLE_URL}.map`, serveFile('map', 'application/json'));
};
