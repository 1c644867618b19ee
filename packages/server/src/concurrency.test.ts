import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './db/database.js';
import { openPostgres } from './db/postgres.js';
import { describeOnBothDatabases, describeOnPostgres } from './test-support/databases.js';
import { IDS, type TestCaller } from './test-support/fixtures.js';
import { type Call, startTestServer, type TestServer } from './test-support/test-server.js';

/**
 * DESIGN §2.1: "At most one active reservation wins, even under concurrent requests from many
 * server instances", and §2.2: approving one of overlapping registrations rejects the others.
 * These suites fire many overlapping claims or approvals at once and count the winners.
 */

const HIGH_RATE_LIMIT = { limit: 1_000_000, windowSeconds: 60 };
const REQUESTS = 120;

/** Accounts on one branch of one tree: every pair overlaps (self, ancestor or descendant). */
const BRANCH = [IDS.globex, IDS.globexDe, IDS.globexMunich] as const;

/** Partner admins, a rep, and vendors reserving on behalf of either partner. */
const CLAIMANTS: { caller: TestCaller; partnerId?: string }[] = [
  { caller: 'partner1' },
  { caller: 'partner2' },
  { caller: 'rep1' },
  { caller: 'vendor', partnerId: IDS.partner1 },
  { caller: 'manager', partnerId: IDS.partner2 },
];

/** The i-th claim: a different caller and account than its neighbours. */
const claim = (i: number) => {
  const { caller, partnerId } = CLAIMANTS[i % CLAIMANTS.length] as (typeof CLAIMANTS)[number];
  const accountId = BRANCH[Math.floor(i / CLAIMANTS.length) % BRANCH.length] as string;
  return { caller, body: { accountId, ...(partnerId ? { partnerId } : {}) } };
};

/** Exactly one 201; every other answer is 409 `account_reserved`. */
const expectOneWinner = (answers: Call[]) => {
  const summary = answers.map((a) => (a.status === 201 ? '201' : `${a.status} ${a.body?.code}`));
  const tally = Object.fromEntries(
    [...new Set(summary)].map((key) => [key, summary.filter((s) => s === key).length]),
  );
  expect(tally).toEqual({ '201': 1, '409 account_reserved': answers.length - 1 });
  return answers.find((a) => a.status === 201) as Call;
};

/** Registrations of RIVALS different partners on one account and product line: all overlap. */
const RIVALS = 6;
const APPROVALS_EACH = 5;

const submitRivals = async (server: TestServer, db: Database, tag: string) => {
  const ids: string[] = [];
  for (let i = 1; i <= RIVALS; i++) {
    const partnerId = `ptr_${tag}_${i}`;
    await db.query(
      `insert into partners (id, name, segment, region, profile_updated_at, created_at)
       values ($1, $2, 'reseller', 'EMEA', $3, $3)`,
      [partnerId, `Rival ${tag} ${i}`, server.now()],
    );
    const submitted = await server.call('vendor', 'POST', '/v1/registrations', {
      partnerId,
      accountId: IDS.umbrella,
      products: [`Race ${tag}`],
      estimatedValue: { amount: 10_000, currency: 'EUR' },
      expectedCloseDate: '2027-06-30',
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('submitted');
    ids.push(submitted.body.id);
  }
  return ids;
};

/** Every rival approved several times at once; a note lets any of them override priority. */
const approveAll = (servers: TestServer[], ids: string[]) =>
  Promise.all(
    Array.from({ length: ids.length * APPROVALS_EACH }, (_, i) =>
      (servers[i % servers.length] as TestServer).call(
        i % 3 ? 'manager' : 'vendor',
        'POST',
        `/v1/registrations/${ids[i % ids.length]}/approve`,
        { note: 'Concurrency test: whichever approval comes first wins.' },
      ),
    ),
  );

/** Exactly one 200; the others find their registration decided: 409 `invalid_transition`. */
const expectOneApproval = async (answers: Call[], db: Database, ids: string[]) => {
  const summary = answers.map((a) => (a.status === 200 ? '200' : `${a.status} ${a.body?.code}`));
  const tally = Object.fromEntries(
    [...new Set(summary)].map((key) => [key, summary.filter((s) => s === key).length]),
  );
  expect(tally).toEqual({ '200': 1, '409 invalid_transition': answers.length - 1 });
  const winner = (answers.find((a) => a.status === 200) as Call).body.id;
  const rows = await db.query<{ id: string; status: string; code: string | null }>(
    "select id, status, rejection->>'code' as code from registrations where id = any($1::text[])",
    [ids],
  );
  expect(rows.filter((r) => r.status === 'approved').map((r) => r.id)).toEqual([winner]);
  expect(rows.filter((r) => r.id !== winner).map((r) => [r.status, r.code])).toEqual(
    Array.from({ length: ids.length - 1 }, () => ['rejected', 'conflict_resolved']),
  );
};

const activeOnTree = async (db: Database) =>
  db.query<{ id: string }>("select id from reservations where root_id = $1 and status = 'active'", [
    IDS.globex,
  ]);

describeOnBothDatabases('concurrent reservations on one server instance', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { rateLimit: HIGH_RATE_LIMIT });
  });

  it(`lets exactly one of ${REQUESTS} simultaneous overlapping claims win`, async () => {
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) => {
        const { caller, body } = claim(i);
        return server.call(caller, 'POST', '/v1/reservations', body);
      }),
    );
    const winner = expectOneWinner(answers);
    expect((await activeOnTree(handle.db())).map((r) => r.id)).toEqual([winner.body.id]);
  });

  it(`approves exactly one of ${RIVALS} conflicting registrations approved ${APPROVALS_EACH} times each at once`, async () => {
    const ids = await submitRivals(server, handle.db(), 'single');
    await expectOneApproval(await approveAll([server], ids), handle.db(), ids);
  });
});

describeOnPostgres('concurrent reservations on two server instances [postgres]', (handle) => {
  let first: TestServer;
  let second: TestServer;
  let secondDb: Database;
  beforeAll(async () => {
    first = await startTestServer(handle.db(), { rateLimit: HIGH_RATE_LIMIT });
    // A second instance: its own connection pool on the same schema, as another process would.
    secondDb = await openPostgres(handle.url() as string);
    second = await startTestServer(secondDb, { seed: false, rateLimit: HIGH_RATE_LIMIT });
  });
  afterAll(() => secondDb.close());

  const race = () =>
    Promise.all(
      Array.from({ length: REQUESTS }, (_, i) => {
        const { caller, body } = claim(i);
        return (i % 2 ? second : first).call(caller, 'POST', '/v1/reservations', body);
      }),
    );

  it(`lets exactly one of ${REQUESTS} overlapping claims spread over both instances win`, async () => {
    const winner = expectOneWinner(await race());
    expect((await activeOnTree(handle.db())).map((r) => r.id)).toEqual([winner.body.id]);
  });

  it('still lets exactly one win after the winner released the tree', async () => {
    const [held] = await activeOnTree(handle.db());
    const released = await first.call('vendor', 'DELETE', `/v1/reservations/${held?.id}`);
    expect(released.status).toBe(200);
    const winner = expectOneWinner(await race());
    expect((await activeOnTree(handle.db())).map((r) => r.id)).toEqual([winner.body.id]);
  });

  it('approves exactly one of conflicting registrations approved at once on both instances', async () => {
    const ids = await submitRivals(first, handle.db(), 'two');
    await expectOneApproval(await approveAll([first, second], ids), handle.db(), ids);
  });
});
