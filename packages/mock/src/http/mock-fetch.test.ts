import { createPrmClient, NetworkError } from '@openprm/sdk';
import { describe, expect, it } from 'vitest';
import { MOCK_ACCOUNT_IDS as A } from '../fixtures/accounts.js';
import { createMockHandlers } from './handlers.js';
import { createMockFetch } from './mock-fetch.js';
import { MOCK_TOKENS } from './principal.js';

const clientFor = (fetch: typeof globalThis.fetch) =>
  createPrmClient({
    baseUrl: 'http://prm.test',
    token: MOCK_TOKENS.partner2,
    fetch,
    maxRetries: 0,
  });

describe('createMockFetch', () => {
  it('answers a client from the handlers without a service worker', async () => {
    const prm = clientFor(createMockFetch(createMockHandlers({ baseUrl: 'http://prm.test' })));
    const check = await prm.reservations.check(A.umbrella);
    expect(check).toMatchObject({ accountId: A.umbrella, status: 'open' });
  });

  it('fails like a dropped connection in the networkFailure scenario', async () => {
    const handlers = createMockHandlers({ baseUrl: 'http://prm.test', scenario: 'networkFailure' });
    await expect(clientFor(createMockFetch(handlers)).sessions.me()).rejects.toBeInstanceOf(
      NetworkError,
    );
  });

  it('fails like an unreachable server for a request no handler matches', async () => {
    const fetch = createMockFetch(createMockHandlers({ baseUrl: 'http://prm.test' }));
    await expect(fetch('http://elsewhere.test/v1/me')).rejects.toThrow(TypeError);
  });
});
