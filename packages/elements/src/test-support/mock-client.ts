import { createMockApi, createMockFetch, MOCK_TOKENS, type MockApiOptions } from '@openprm/mock';
import { createPrmClient } from '@openprm/sdk';

export type MockRole = keyof typeof MOCK_TOKENS;

/**
 * One stateful mock world (core's rules, seeded fixtures) answered in the browser without a
 * service worker, and real SDK clients into it for each demo role. Retries are off so error
 * states show at once.
 */
export const mockWorld = (options: MockApiOptions = {}) => {
  const api = createMockApi({ baseUrl: 'http://prm.test', ...options });
  const fetch = createMockFetch(api.handlers);
  const clientFor = (role: MockRole, through: typeof fetch) =>
    createPrmClient({
      baseUrl: 'http://prm.test',
      token: MOCK_TOKENS[role],
      fetch: through,
      maxRetries: 0,
    });
  return {
    api,
    fetch,
    client: (role: MockRole = 'partner1') => clientFor(role, fetch),
    /** A client whose network is down (every request fails as `fetch` does offline) until `goOnline()`. */
    offlineClient: (role: MockRole = 'partner1') => {
      let online = false;
      const client = clientFor(role, (input, init) =>
        online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
      );
      return {
        client,
        goOnline: () => {
          online = true;
        },
      };
    },
  };
};
