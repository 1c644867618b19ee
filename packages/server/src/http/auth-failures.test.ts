import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite.js';
import { createServer } from '../server.js';
import { createAuthFailureGuard } from './auth-failures.js';

describe('failed-authentication guard', () => {
  it('refuses an address after the limit until its window passes', () => {
    const guard = createAuthFailureGuard({ limit: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i += 1) {
      expect(guard.retryAfter('10.0.0.1', 1_000)).toBeNull();
      guard.record('10.0.0.1', 1_000);
    }
    expect(guard.retryAfter('10.0.0.1', 2_000)).toBe(59);
    expect(guard.retryAfter('10.0.0.2', 2_000)).toBeNull();
    expect(guard.retryAfter('10.0.0.1', 61_000)).toBeNull();
  });

  describe('over real HTTP', () => {
    let server: Awaited<ReturnType<typeof createServer>>;
    let http: ReturnType<typeof serve>;
    let base = '';
    beforeAll(async () => {
      server = await createServer({ database: await openPglite() });
      await new Promise<void>((resolve) => {
        http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
          base = `http://127.0.0.1:${info.port}`;
          resolve();
        });
      });
    });
    afterAll(async () => {
      http.close();
      await server.context.db.close();
    });

    it('answers 429 with Retry-After once an address has guessed 30 keys in a minute', async () => {
      const guess = () =>
        fetch(`${base}/v1/me`, { headers: { authorization: 'Bearer prm_guess' } });
      for (let i = 0; i < 30; i += 1) expect((await guess()).status).toBe(401);
      const refused = await guess();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await refused.json()).code).toBe('rate_limited');
    });
  });
});
