import type { Database } from '../db/database.js';
import { createServer, type ServerOptions } from '../server.js';
import { seedTestWorld, TEST_KEYS, type TestCaller } from './fixtures.js';

export const T0 = new Date('2026-11-23T09:00:00Z');

export interface Call {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint answered.
  body: any;
  headers: Headers;
}

/**
 * An app on the given database with a clock the test moves, responses checked against the
 * contract, and `call(caller, method, path, body?)` for requests as one of the test callers.
 */
export const startTestServer = async (
  database: Database,
  options: Omit<ServerOptions, 'database' | 'clock'> & { seed?: boolean } = {},
) => {
  let now = new Date(T0);
  const server = await createServer({
    validateResponses: true,
    jobs: false, // tests run the jobs themselves (runDueJobs) after moving the clock
    ...options,
    database,
    clock: () => new Date(now),
  });
  if (options.seed ?? true) await seedTestWorld(database, now);
  const call = async (
    caller: TestCaller | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Call> => {
    const response = await server.app.request(path, {
      method,
      headers: {
        ...(caller ? { authorization: `Bearer ${TEST_KEYS[caller]}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML pages): keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    ...server,
    call,
    now: () => new Date(now),
    /** Moves the server's clock forward. */
    advance: (hours: number) => {
      now = new Date(now.getTime() + hours * 3_600_000);
    },
  };
};

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
