import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createServer, seedDemo } from '@openprm/server';

/**
 * The server as `npm start` runs it: demo mode, demo data, a fresh PGlite data directory, the
 * elements' bundle for the portal, jobs and webhooks on their timers, over real HTTP.
 */
export const startDemoServer = async (options: { corsOrigins?: string[] } = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'openprm-e2e-'));
  const elementsBundle = createRequire(import.meta.url).resolve('@openprm/elements/bundle');
  const server = await createServer({
    demo: true,
    dataDir,
    elementsBundle,
    jobs: false,
    eventStream: { pollMs: 200 },
    ...options,
  });
  await seedDemo(server.context.db, { settings: server.context.settings });
  const listener = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      await new Promise((resolve) => listener.close(resolve));
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
