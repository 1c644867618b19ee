import { afterAll, beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../crypto.js';
import { createServer } from '../server.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { runCli } from './main.js';
import { captureIo, cliDatabase } from './test-kit.js';

describeOnBothDatabases('openprm migrate, seed and keys create', (handle) => {
  let database: ReturnType<typeof cliDatabase>;
  const run = async (argv: string[]) => {
    const captured = captureIo();
    const code = await runCli([...argv, ...database.args], captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  };
  beforeAll(() => {
    database = cliDatabase(handle);
  });
  afterAll(() => database.cleanup());

  it('migrates, and says so when there is nothing left to do', async () => {
    const first = await run(['migrate']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^Applied 001-initial/);
    const second = await run(['migrate']);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toMatch(/is up to date\.$/);
  });

  it('refuses a partner key for a partner the database does not know', async () => {
    const { code, stderr, stdout } = await run([
      'keys',
      'create',
      '--role',
      'partner_admin',
      '--partner',
      'ptr_northquay',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('There is no partner "ptr_northquay" in this database');
    expect(stdout).toBe('');
  });

  it('seeds the demo data once', async () => {
    const first = await run(['seed']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Seeded .*: \d+ partners, \d+ accounts, \d+ registrations\.$/);
    expect(first.stderr).toContain('openprm serve --demo');
    const second = await run(['seed']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^The demo data is already in .* \(seeded .*\)\.$/);
  });

  it('creates a key, prints it once on stdout alone, stores only its hash, and the key works', async () => {
    const { code, stdout, stderr } = await run([
      'keys',
      'create',
      '--role',
      'partner_rep',
      '--partner',
      'ptr_veltmann',
      '--name',
      'Veltmann CRM sync',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^prm_[A-Za-z0-9_-]{32}$/);
    expect(stderr).toContain('partner_rep for partner ptr_veltmann, "Veltmann CRM sync"');
    expect(stderr).toContain('shown only this once');

    const db = await database.open();
    try {
      const rows = await db.query<Record<string, unknown>>(
        "select key_hash, role, partner_id, demo, name from api_keys where name = 'Veltmann CRM sync'",
      );
      expect(rows).toEqual([
        {
          key_hash: sha256Hex(stdout),
          role: 'partner_rep',
          partner_id: 'ptr_veltmann',
          demo: false,
          name: 'Veltmann CRM sync',
        },
      ]);
      expect(JSON.stringify(await db.query('select * from api_keys'))).not.toContain(stdout);
      // Not a demo key: it works on a server that is not in demo mode.
      const server = await createServer({ database: db, demo: false, jobs: false });
      const me = await server.app.request('/v1/accounts?limit=1', {
        headers: { authorization: `Bearer ${stdout}` },
      });
      expect(me.status).toBe(200);
    } finally {
      await database.release(db);
    }
  });

  it('names a vendor key after its role when no name is given', async () => {
    const { code, stdout, stderr } = await run(['keys', 'create', '--role', 'channel_manager']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^prm_/);
    expect(stderr).toContain('channel_manager, "channel_manager key"');
  });
});
