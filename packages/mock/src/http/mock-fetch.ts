import { getResponse, type RequestHandler } from 'msw';

/**
 * A `fetch` answered by the mock handlers directly, without a service worker or a patched global:
 * give it to `createPrmClient({ fetch })` in component tests or a sandbox. A request no handler
 * matches fails like an unreachable server; `networkFailure` rejects like a dropped connection.
 */
export const createMockFetch =
  (handlers: readonly RequestHandler[]): typeof fetch =>
  async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse([...handlers], request);
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
