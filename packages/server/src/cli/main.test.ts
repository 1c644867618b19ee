import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { seedTestWorld } from '../test-support/fixtures.js';
import { version } from '../version.js';
import { databaseTarget, redactUrl } from './database.js';
import { runCli } from './main.js';
import { captureIo } from './test-kit.js';

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const captured = captureIo(env);
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
};

describe('openprm', () => {
  it('prints its help, and each command its own', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: openprm <command>');
      for (const command of ['serve', 'migrate', 'seed', 'keys create']) {
        expect(stdout).toContain(command);
      }
    }
    for (const [argv, expected] of [
      [['serve', '--help'], 'Usage: openprm serve'],
      [['help', 'serve'], 'Usage: openprm serve'],
      [['migrate', '--help'], 'Usage: openprm migrate'],
      [['seed', '--help'], 'Usage: openprm seed'],
      [['keys', '--help'], 'Usage: openprm keys create'],
      [['keys', 'create', '--help'], '--role ROLE'],
    ] as const) {
      const { code, stdout } = await run([...argv]);
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout).toContain(expected);
      expect(stdout).toContain('--help');
    }
  });

  it('prints its version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: version });
  });

  it('answers a user mistake with a clear message and exit code 2, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['launch'], /unknown command "launch"/],
      [['serve', '--prot', '9000'], /Unknown option '--prot'[\s\S]*openprm serve --help/],
      [['serve', '--port', 'eighty'], /Invalid port "eighty"/],
      [['serve', '--port', '70000'], /Invalid port "70000"/],
      [
        ['migrate', '--data-dir', 'a', '--database-url', 'postgres://x/y'],
        /either --database-url or --data-dir/,
      ],
      [['migrate', '--database-url', 'mysql://x/y'], /must start with postgres:\/\//],
      [['keys'], /Usage: openprm keys/],
      [['keys', 'rotate'], /Unknown keys command "rotate"/],
      [['keys', 'create'], /--role/],
      [
        ['keys', 'create', '--role', 'superuser'],
        /Unknown role "superuser": use one of vendor_admin, channel_manager, partner_admin, partner_rep/,
      ],
      [['keys', 'create', '--role', 'partner_rep'], /acts for one partner: name it with --partner/],
      [
        ['keys', 'create', '--role', 'vendor_admin', '--partner', 'ptr_x'],
        /vendor side .* leave out --partner/,
      ],
      [['keys', 'create', '--role', 'vendor_admin', '--name', '  '], /name must be 1 to 200/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await run(argv);
      if (argv.length === 1 && argv[0] === 'keys') {
        expect(code).toBe(0);
        expect(stdout).toMatch(message);
        continue;
      }
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses to seed demo data into a database with data of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openprm-cli-'));
    try {
      const db = await openPglite(dir);
      await migrate(db);
      await seedTestWorld(db, new Date());
      await db.close();
      for (const argv of [['seed'], ['serve', '--demo', '--port', '0']]) {
        const { code, stderr } = await run([...argv, '--data-dir', dir]);
        expect(code, argv.join(' ')).toBe(2);
        expect(stderr).toContain('already holds 2 partners of its own');
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when the database cannot be reached, without a stack trace', async () => {
    const { code, stderr } = await run([
      'migrate',
      '--database-url',
      'postgres://someone:s3cret@127.0.0.1:1/nowhere',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'Cannot open the database (PostgreSQL at postgres://someone:***@127.0.0.1:1/nowhere)',
    );
    expect(stderr).not.toContain('s3cret');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('choosing the database', () => {
  const io = (env: Record<string, string>) => captureIo(env).io;

  it('uses DATABASE_URL, unless a data directory is named', () => {
    const env = { DATABASE_URL: 'postgres://prm@db/prm' };
    expect(databaseTarget({}, io(env), 'serve')).toEqual({
      kind: 'postgres',
      url: env.DATABASE_URL,
    });
    expect(databaseTarget({ 'data-dir': '/srv/prm' }, io(env), 'serve')).toEqual({
      kind: 'pglite',
      dir: '/srv/prm',
    });
  });

  it('puts PGlite in .openprm/data where npm was started (INIT_CWD), else in the working directory', () => {
    expect(databaseTarget({}, { ...io({}), cwd: '/home/me' }, 'serve')).toEqual({
      kind: 'pglite',
      dir: '/home/me/.openprm/data',
    });
    const npm = { ...io({ INIT_CWD: '/repo' }), cwd: '/repo/packages/server' };
    expect(databaseTarget({}, npm, 'serve')).toEqual({
      kind: 'pglite',
      dir: '/repo/.openprm/data',
    });
    expect(databaseTarget({ 'data-dir': 'demo' }, npm, 'serve')).toEqual({
      kind: 'pglite',
      dir: '/repo/demo',
    });
    expect(
      databaseTarget({}, { ...io({ OPENPRM_DATA_DIR: '/var/lib/prm' }), cwd: '/x' }, 'serve'),
    ).toEqual({
      kind: 'pglite',
      dir: '/var/lib/prm',
    });
  });

  it('never prints a password', () => {
    expect(redactUrl('postgres://prm:hunter2@db:5432/prm')).toBe('postgres://prm:***@db:5432/prm');
    expect(redactUrl('postgres://prm@db/prm')).toBe('postgres://prm@db/prm');
  });
});
