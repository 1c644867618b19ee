import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { startJobTimer } from './timer.js';

const until = async (condition: () => Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describeOnBothDatabases('the job timer of a server', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { jobs: { intervalMs: 25 } });
  });
  afterAll(() => server.close());

  const statusOf = async (id: string) =>
    (
      await handle
        .db()
        .query<{ status: string }>('select status from reservations where id = $1', [id])
    )[0]?.status;

  it('applies the rules on its own once time has passed, and stops with the server', async () => {
    const reserved = await server.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.globex,
    });
    expect(reserved.status).toBe(201);
    server.advance(90 * 24);
    await until(async () => (await statusOf(reserved.body.id)) === 'expired');

    await server.close();
    const again = await server.call('partner2', 'POST', '/v1/reservations', {
      accountId: IDS.umbrella,
    });
    expect(again.status).toBe(201);
    server.advance(90 * 24);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await statusOf(again.body.id)).toBe('active');
  });

  it('refuses an interval that is not a positive number', () => {
    expect(() => startJobTimer(server.context, { intervalMs: 0 })).toThrow(RangeError);
  });
});
