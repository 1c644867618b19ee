import type { PrmEvent } from '@openprm/core';
import { TEST_KEYS, type TestCaller } from './fixtures.js';
import type { TestServer } from './test-server.js';

/**
 * Opens `GET /v1/events` in-process as a test caller and collects the events it streams;
 * `until(n)` waits for the n-th, `close()` disconnects like a client going away.
 */
export const openEventStream = async (
  server: Pick<TestServer, 'app'>,
  caller: TestCaller,
  options: { lastEventId?: string; types?: string } = {},
) => {
  const abort = new AbortController();
  const response = await server.app.request(
    `/v1/events${options.types ? `?types=${options.types}` : ''}`,
    {
      headers: {
        authorization: `Bearer ${TEST_KEYS[caller]}`,
        ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
      },
      signal: abort.signal,
    },
  );
  const events: PrmEvent[] = [];
  const waiters: (() => void)[] = [];
  const reading = (async () => {
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        const chunk = read.value;
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as PrmEvent);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        for (const wake of waiters.splice(0)) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    response,
    events,
    /** Resolves once at least `count` events arrived; rejects after `timeoutMs`. */
    until: async (count: number, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} events, got ${events.length}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events;
    },
    close: async () => {
      abort.abort();
      await response.body?.cancel().catch(() => undefined);
      await reading;
    },
  };
};
