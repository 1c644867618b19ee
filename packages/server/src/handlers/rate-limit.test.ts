import { beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describeOnBothDatabases('published rate limits', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { rateLimit: { limit: 3, windowSeconds: 60 } });
  });

  it('answers RateLimit-* headers on every request, counting down', async () => {
    for (const remaining of [2, 1, 0]) {
      const answer = await server.call('vendor', 'GET', '/v1/me');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('3');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
      expect(answer.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(answer.headers.get('retry-after')).toBeNull();
    }
  });

  it('then answers 429 rate_limited with Retry-After, on every endpoint', async () => {
    server.advance(20 / 3600);
    for (const path of ['/v1/me', '/v1/accounts']) {
      const refused = await server.call('vendor', 'GET', path);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(refused.headers.get('retry-after')).toBe('40');
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    }
  });

  it('limits each token on its own: another key still passes', async () => {
    const other = await server.call('partner1', 'GET', '/v1/me');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('lets the token through again once the window has passed', async () => {
    server.advance(40 / 3600);
    const again = await server.call('vendor', 'GET', '/v1/me');
    expect(again.status).toBe(200);
    expect(again.headers.get('ratelimit-remaining')).toBe('2');
    expect(again.headers.get('ratelimit-reset')).toBe('60');
  });
});
