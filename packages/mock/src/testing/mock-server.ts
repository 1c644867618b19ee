/**
 * Test support (not shipped: tsup bundles only src/index.ts). One msw server per test file;
 * `use(options)` swaps in a fresh mock API, so each test starts from its own world.
 */
import { createPrmClient, type PrmClientOptions } from '@openprm/sdk';
import { setupServer } from 'msw/node';
import { createMockApi, type MockApi, type MockApiOptions } from '../http/handlers.js';

export const BASE_URL = 'http://prm.test';

export const startMockServer = () => {
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  let api: MockApi = createMockApi({ baseUrl: BASE_URL });
  server.resetHandlers(...api.handlers);
  return {
    server,
    /** A new mock API (a fresh world) with these options. */
    use(options: MockApiOptions = {}) {
      api = createMockApi({ baseUrl: BASE_URL, ...options });
      server.resetHandlers(...api.handlers);
      return api;
    },
    get api() {
      return api;
    },
    client: (token: string, options: Partial<PrmClientOptions> = {}) =>
      createPrmClient({ baseUrl: BASE_URL, token, maxRetries: 0, ...options }),
    close: () => server.close(),
  };
};
