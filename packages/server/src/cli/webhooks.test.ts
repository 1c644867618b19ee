import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { runCli } from './main.js';
import { captureIo, cliDatabase } from './test-kit.js';

const AT = new Date('2026-11-23T09:00:00Z');

describeOnBothDatabases('openprm webhooks deliveries', (handle) => {
  let database: ReturnType<typeof cliDatabase>;
  const run = async (argv: string[]) => {
    const captured = captureIo();
    const code = await runCli([...argv, ...database.args], captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  };
  beforeAll(async () => {
    database = cliDatabase(handle);
    const db = await database.open();
    try {
      await migrate(db);
      await db.query(
        `insert into events (id, type, at, subject_type, subject_id, data) values
           ('evt_cli_1', 'account.created', $1, 'account', 'acc_1', '{}'),
           ('evt_cli_2', 'account.created', $1, 'account', 'acc_2', '{}')`,
        [AT],
      );
      await db.query(
        `insert into webhooks (id, url, event_types, secret, from_seq, created_at)
         values ('whk_cli', 'https://crm.example.com/hook', '{account.created}', 'whsec_cli_secret', 0, $1)`,
        [AT],
      );
      await db.query(
        `insert into webhook_deliveries
           (id, webhook_id, event_id, event_seq, status, attempts, next_attempt_at,
            last_response_status, last_error, delivered_at, created_at)
         select 'whd_cli_1', 'whk_cli', 'evt_cli_1', seq, 'delivered', 1, $1::timestamptz, 204,
                null, $1::timestamptz, $1::timestamptz
           from events where id = 'evt_cli_1'
         union all
         select 'whd_cli_2', 'whk_cli', 'evt_cli_2', seq, 'failed', 30, $1::timestamptz, 503,
                'HTTP 503: not a 2xx answer', null, $1::timestamptz
           from events where id = 'evt_cli_2'`,
        [AT],
      );
    } finally {
      await database.release(db);
    }
  });
  afterAll(() => database.cleanup());

  it('prints the deliveries as a table, newest first, without secrets', async () => {
    const { code, stdout } = await run(['webhooks', 'deliveries']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^DELIVERY\s+WEBHOOK\s+EVENT\s+TYPE\s+STATUS\s+ATTEMPTS\s+LAST OUTCOME$/,
    );
    expect(lines[1]).toMatch(
      /^whd_cli_2\s+whk_cli\s+evt_cli_2\s+account\.created\s+failed\s+30\s+HTTP 503/,
    );
    expect(lines[2]).toMatch(/delivered\s+1\s+delivered 2026-11-23T09:00:00\.000Z$/);
    expect(stdout).not.toContain('whsec_');
  });

  it('filters by status and webhook', async () => {
    const failed = await run(['webhooks', 'deliveries', '--status', 'failed']);
    expect(failed.stdout.split('\n')).toHaveLength(2);
    expect(failed.stdout).toContain('whd_cli_2');
    const other = await run(['webhooks', 'deliveries', '--webhook', 'whk_other']);
    expect(other).toMatchObject({ code: 0, stdout: '' });
    expect(other.stderr).toContain('No deliveries match');
  });

  it('explains a wrong option with exit code 2', async () => {
    const status = await run(['webhooks', 'deliveries', '--status', 'lost']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('Unknown status "lost"');
    const limit = await run(['webhooks', 'deliveries', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect((await run(['webhooks', '--help'])).stdout).toContain(
      'Usage: openprm webhooks deliveries',
    );
  });
});
