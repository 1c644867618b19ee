import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_API_KEYS } from '../demo/keys.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { runCli } from './main.js';
import { type RunningServer, startServe } from './serve.js';
import { captureIo, cliDatabase } from './test-kit.js';

const get = (url: string, key?: string) =>
  fetch(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});

describeOnBothDatabases('openprm serve', (handle) => {
  let database: ReturnType<typeof cliDatabase>;
  beforeAll(() => {
    database = cliDatabase(handle);
  });
  afterAll(() => database.cleanup());

  it('in demo mode seeds once, prints the URL and the keys, and answers the demo keys', async () => {
    const captured = captureIo();
    const running = (await startServe(
      ['--demo', '--port', '0', ...database.args],
      captured.io,
    )) as RunningServer;
    try {
      const banner = captured.stdout();
      expect(banner).toContain(`listening on ${running.url} (demo mode)`);
      expect(running.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(banner).toMatch(/demo data\s+seeded now: \d+ partners/);
      for (const key of DEMO_API_KEYS)
        expect(banner).toMatch(new RegExp(`${key.key}\\s+${key.role}`));
      expect(banner).toContain(
        `curl -H 'Authorization: Bearer prm_demo_partner1' ${running.url}/v1/accounts`,
      );

      const accounts = await get(`${running.url}/v1/accounts`, 'prm_demo_partner1');
      expect(accounts.status).toBe(200);
      expect((await accounts.json()).data.length).toBeGreaterThan(0);
      const health = await (await get(`${running.url}/healthz`)).json();
      expect(health).toMatchObject({ status: 'ok', demo: true, database: handle.kind });
    } finally {
      await running.close();
    }
    await expect(get(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('finds the demo data in place on a restart, and stops cleanly on SIGTERM', async () => {
    const captured = captureIo();
    const exit = runCli(['serve', '--demo', '--port', '0', ...database.args], captured.io);
    await expect
      .poll(() => captured.stdout(), { timeout: 20_000 })
      .toContain('Press Ctrl+C to stop.');
    expect(captured.stdout()).toMatch(/demo data\s+already in place \(seeded /);
    const url = /listening on (\S+)/.exec(captured.stdout())?.[1] as string;
    expect((await get(`${url}/v1/accounts`, 'prm_demo_rep1')).status).toBe(200);
    captured.signal('SIGTERM');
    expect(await exit).toBe(0);
    expect(captured.stderr()).toContain('Stopped.');
    await expect(get(`${url}/healthz`)).rejects.toThrow();
  });

  it('refuses the demo keys when not in demo mode, and stops on SIGINT', async () => {
    const captured = captureIo();
    const exit = runCli(['serve', '--port', '0', ...database.args], captured.io);
    await expect
      .poll(() => captured.stdout(), { timeout: 20_000 })
      .toContain('Press Ctrl+C to stop.');
    expect(captured.stdout()).not.toContain('prm_demo_');
    const url = /listening on (\S+)/.exec(captured.stdout())?.[1] as string;
    const refused = await get(`${url}/v1/accounts`, 'prm_demo_partner1');
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toContain('demo mode');
    captured.signal('SIGINT');
    expect(await exit).toBe(0);
  });

  it('says which port is taken, with exit code 2', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const captured = captureIo();
      const code = await runCli(['serve', '--port', String(port), ...database.args], captured.io);
      expect(code).toBe(2);
      expect(captured.stderr()).toContain(`Port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});
