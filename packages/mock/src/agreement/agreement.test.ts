/**
 * Mock and server must agree: the same script against the mock (msw) and against the reference
 * server in-process (PGlite, demo data) gives the same statuses, error codes and summaries.
 */
import { createPrmClient } from '@openprm/sdk';
import { createServer, openDatabase, seedDemo } from '@openprm/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../testing/mock-server.js';
import { type Outcome, runScript, type Target } from './script.js';
import { runFollowupScript } from './script-followup.js';

const BASE_URL = 'http://prm.test';

const startServer = async () => {
  const database = await openDatabase({});
  const server = await createServer({ database, demo: true, validateResponses: true });
  await seedDemo(database);
  const fetch: typeof globalThis.fetch = async (input, init) =>
    server.app.fetch(new Request(input, init));
  const target: Target = {
    client: (token) => createPrmClient({ baseUrl: BASE_URL, token, fetch, maxRetries: 0 }),
    fetch: (path, { token, ...init }) =>
      fetch(`${BASE_URL}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      }),
  };
  return {
    target,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
};

const mock = startMockServer();
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer();
}, 120_000);

afterAll(async () => {
  mock.close();
  await server?.close();
});

const mockTarget: Target = {
  client: (token) => mock.client(token),
  fetch: (path, { token, ...init }) =>
    fetch(`${BASE_URL}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    }),
};

describe('mock and server agree', () => {
  let fromServer: Outcome[];
  let fromMock: Outcome[];

  it('run the same script', async () => {
    mock.use();
    fromServer = await runScript(server.target);
    fromMock = await runScript(mockTarget);
    expect(fromServer.length).toBeGreaterThan(25);
  }, 120_000);

  it('give the same status, code and summary at every step', () => {
    expect(fromMock).toEqual(fromServer);
  });

  it('agree on the conversation, scorecard inputs, skills, contracts and sessions', async () => {
    mock.use();
    const followupServer = await runFollowupScript(server.target);
    const followupMock = await runFollowupScript(mockTarget);
    expect(followupMock).toEqual(followupServer);
    expect(followupServer.length).toBeGreaterThan(25);
  }, 120_000);

  it('cover the public error codes of the script', () => {
    const codes = new Set(fromServer.map((outcome) => outcome.code).filter(Boolean));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'account_reserved',
        'contract_acceptance_required',
        'forbidden',
        'invalid_request',
        'invalid_transition',
        'not_found',
        'unauthenticated',
        'vendor_direct_account',
        'hash_mismatch',
      ]),
    );
  });
});
