import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { TEST_KEYS } from '../test-support/fixtures.js';
import { startTestServer } from '../test-support/test-server.js';
import { runCli } from './main.js';
import { captureIo, cliDatabase } from './test-kit.js';

describeOnBothDatabases('openprm import', (handle) => {
  let database: ReturnType<typeof cliDatabase>;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = async (argv: string[], io = captureIo()) => {
    const code = await runCli(argv, io.io);
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  };
  const runOnDatabase = (argv: string[], io = captureIo()) => run([...argv, ...database.args], io);
  const accountNames = async () => {
    const db = await database.open();
    try {
      return (
        await db.query<{ name: string }>(
          "select name from accounts where name like 'Cli %' order by name",
        )
      ).map((row) => row.name);
    } finally {
      await database.release(db);
    }
  };

  beforeAll(() => {
    database = cliDatabase(handle);
    dir = mkdtempSync(join(tmpdir(), 'openprm-import-'));
  });
  afterAll(() => {
    database.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains itself with --help', async () => {
    const { code, stdout } = await run(['import', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: openprm import FILE --type accounts|partners|metrics');
    expect(stdout).toContain('--dry-run');
  });

  it('imports a valid file into the database, with progress on stderr and a summary on stdout', async () => {
    const path = file(
      'good.csv',
      'name,domain,country,region\nCli Alpha,cli-alpha.com,DE,EMEA\nCli Beta,,FR,EMEA\n',
    );
    const { code, stdout, stderr } = await runOnDatabase(['import', path, '--type', 'accounts']);
    expect(stderr).toMatch(/^validating \[#+\.*\] \d+% \d+ rows$/m);
    expect(stdout).toMatch(
      /^Import imp_\S+ of accounts: completed\. 2 rows read, 0 with errors, 2 written\.$/,
    );
    expect(code).toBe(0);
    expect(await accountNames()).toEqual(['Cli Alpha', 'Cli Beta']);
  });

  it('writes nothing on a dry run', async () => {
    const path = file('dry.csv', 'name,country,region\nCli Dry,DE,EMEA\n');
    const { code, stdout } = await runOnDatabase([
      'import',
      path,
      '--type',
      'accounts',
      '--dry-run',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Dry run imp_\S+ of accounts: valid\. 1 rows read, 0 with errors; nothing written \(dry run\)\.$/,
    );
    expect(await accountNames()).toEqual(['Cli Alpha', 'Cli Beta']);
  });

  it('reports bad rows, counts the ones not shown, writes a neutralised report and exits 1', async () => {
    const path = file(
      'bad.csv',
      'name,country,region,parentId\nCli Gamma,DE,EMEA,\n,DE,EMEA,\nCli Delta,DEU,EMEA,\nCli Eps,DE,EMEA,=cmd\n',
    );
    const report = join(dir, 'report.csv');
    const { code, stdout, stderr } = await runOnDatabase([
      'import',
      path,
      '--type',
      'accounts',
      '--errors',
      '2',
      '--report',
      report,
    ]);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^Import imp_\S+ of accounts: failed\. 4 rows read, 3 with errors; nothing written\.$/,
      ),
      '',
      'Errors (row, column: message):',
      '  row 3, name: Required',
      '  row 4, country: Use an ISO 3166-1 alpha-2 code',
      '  … and 1 more listed (--errors N or --report FILE shows them)',
    ]);
    expect(stderr).toContain(`Error report written to ${report}`);
    expect(readFileSync(report, 'utf8').split('\r\n')).toEqual([
      'row,column,message',
      '3,name,Required',
      '4,country,Use an ISO 3166-1 alpha-2 code',
      `5,parentId,"Use letters, digits, ""_"" or ""-"""`,
      '',
    ]);
    expect(await accountNames()).toEqual(['Cli Alpha', 'Cli Beta']);
  });

  it('redraws one progress line in place on a terminal', async () => {
    const path = file('tty.csv', 'name,country,region\nCli Tty,DE,EMEA\n');
    const writes: string[] = [];
    const io = captureIo();
    io.io.progress = { isTTY: true, write: (text) => writes.push(text) };
    const { code } = await runOnDatabase(['import', path, '--type', 'accounts', '--dry-run'], io);
    expect(code).toBe(0);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.slice(0, -1).every((text) => text.startsWith('\r'))).toBe(true);
    expect(writes.at(-1)).toBe('\n');
    expect(writes.join('')).toContain('[########################] 100% 1 rows');
  });

  it('refuses a missing type, a missing file and --key without --url, with exit code 2', async () => {
    const path = file('any.csv', 'name,country,region\n');
    const noType = await run(['import', path]);
    expect(noType.code).toBe(2);
    expect(noType.stderr).toContain('--type accounts, partners or metrics');
    const noFile = await run(['import', join(dir, 'missing.csv'), '--type', 'accounts']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('no such file');
    const key = await run(['import', path, '--type', 'accounts', '--key', 'k']);
    expect(key.code).toBe(2);
  });

  it('sends the file to a running server with --url and --key', async () => {
    const server = await startTestServer(handle.db());
    const http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => http.once('listening', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const path = file('remote.csv', 'name,country,region\nCli Remote Co,DE,EMEA\n');
      const done = await run([
        'import',
        path,
        '--type',
        'accounts',
        '--url',
        url,
        '--key',
        TEST_KEYS.vendor,
      ]);
      expect(done.stdout).toMatch(
        /of accounts: completed\. 1 rows read, 0 with errors, 1 written\.$/,
      );
      expect(done.code).toBe(0);
      const found = await server.call('vendor', 'GET', '/v1/accounts?query=Cli%20Remote%20Co');
      expect(found.body.data).toHaveLength(1);
      const refused = await run([
        'import',
        path,
        '--type',
        'accounts',
        '--url',
        url,
        '--key',
        TEST_KEYS.partner1,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('The import was refused (403)');
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
