import { serve } from '@hono/node-server';
import { createServer, seedDemo } from '@openprm/server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real OpenPRM server in demo mode with the demo data, for the smoke paths. */
    realServerUrl: string;
  }
}

/**
 * Starts the real server (demo mode, in-memory PGlite, demo data) once for the browser
 * tests. The test page runs on Vitest's origin, so a wrapper answers CORS for any origin — only
 * here, never in the product.
 */
export default async function setup(project: TestProject) {
  const server = await createServer({ demo: true, jobs: false });
  await seedDemo(server.context.db, { now: new Date() });
  const wrapper = new Hono();
  wrapper.use(
    '*',
    cors({
      origin: (origin) => origin,
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    }),
  );
  wrapper.all('*', (c) => server.app.fetch(c.req.raw));
  const listener = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: wrapper.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('realServerUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise((resolve) => listener.close(resolve));
    await server.close();
  };
}
