/**
 * Test support (not shipped: tsup bundles only src/index.ts). The real OpenPRM server in-process
 * on in-memory PGlite with the demo data, and SDK clients that reach it through `app.fetch`.
 */
import { createServer, openDatabase, type ServerOptions, seedDemo } from '@openprm/server';
import { createPrmClient, type PrmClientOptions } from '../index.js';

export const BASE_URL = 'http://prm.test';

export type DemoKey =
  | 'prm_demo_vendor'
  | 'prm_demo_manager'
  | 'prm_demo_partner1'
  | 'prm_demo_partner2'
  | 'prm_demo_rep1';

/** One database per test file (a new PGlite takes ~3 s); `close()` in `afterAll`. */
export const startDemoServer = async () => {
  const database = await openDatabase({});
  const server = await createServer({
    database,
    demo: true,
    validateResponses: true,
    eventStream: { pollMs: 25 },
  });
  await seedDemo(database);
  /** The app's own fetch, wrapped so tests can count and inspect what the SDK sent. */
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return server.app.fetch(request);
  };
  const client = (token: DemoKey | (string & {}), options: Partial<PrmClientOptions> = {}) =>
    createPrmClient({ baseUrl: BASE_URL, token, fetch, ...options });
  return {
    database,
    server,
    fetch,
    requests,
    client,
    /** Another app on the same database, e.g. with a tiny rate limit. */
    createApp: async (options: Omit<ServerOptions, 'database'>) =>
      (await createServer({ database, demo: true, ...options })).app,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
};

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
