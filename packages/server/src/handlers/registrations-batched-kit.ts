import { afterEach, beforeAll, expect, vi } from 'vitest';
import type { Queryable } from '../db/database.js';
import type { DatabaseHandle } from '../test-support/databases.js';
import { TEST_CALLERS, type TestCaller } from '../test-support/fixtures.js';
import { type Call, startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * Helpers shared by the batched deal submission suites (registrations-batched-*.test.ts).
 *
 * Deal submission runs as group commit (http/batcher.ts): requests that arrive while a submission
 * transaction runs share the next one. These suites send many submissions at once, so they share
 * transactions, and check that every caller still gets what submitting alone, one after another
 * in the order the server took them, would give.
 */

const HIGH_RATE_LIMIT = { limit: 1_000_000, windowSeconds: 60 };

/** Partners besides the two of the test world, for vendors to register on behalf of. */
export const RIVAL_A = 'ptr_batch_a';
export const RIVAL_B = 'ptr_batch_b';

export interface Submission {
  caller: TestCaller;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The partner a submission is for: the caller's own, or the one a vendor names. */
export const partnerOf = ({ caller, body }: Submission) =>
  TEST_CALLERS[caller].partnerId ?? (body.partnerId as string);

export const problemCode = (answer: Call) => {
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  return answer.body.code as string;
};

/** Adds the two rival partners to the test world. */
const insertRivals = async (db: Queryable, now: Date) => {
  for (const [id, name] of [
    [RIVAL_A, 'Batch Rival A'],
    [RIVAL_B, 'Batch Rival B'],
  ] as const) {
    await db.query(
      `insert into partners (id, name, segment, region, profile_updated_at, created_at)
         values ($1, $2, 'reseller', 'EMEA', $3, $3)`,
      [id, name, now],
    );
  }
};

/**
 * Call inside a suite of `describeOnBothDatabases`: starts a server on the suite's database (rate
 * limit out of the way) with the rival partners in `beforeAll`, undoes spies after each test, and
 * returns the helpers that send submissions and read what they left. `server()` is the server
 * once `beforeAll` has run.
 */
export const batchedKit = (handle: DatabaseHandle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { rateLimit: HIGH_RATE_LIMIT });
    await insertRivals(handle.db(), server.now());
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const post = ({ caller, body, headers }: Submission) =>
    server.call(caller, 'POST', '/v1/registrations', body, headers);

  /**
   * Sends every submission at once (no await in between) and counts the transactions they took:
   * fewer than requests means they shared batches.
   */
  const concurrently = async (submissions: Submission[]) => {
    // Each caller's key looked up just before (the cache keeps it 30 s of the test clock), so no
    // request waits on a key lookup and the group reaches the batcher together.
    for (const caller of new Set(submissions.map((submission) => submission.caller))) {
      expect((await server.call(caller, 'GET', '/v1/registrations?limit=1')).status).toBe(200);
    }
    const transaction = vi.spyOn(server.context.db, 'transaction');
    const answers = await Promise.all(submissions.map(post));
    const transactions = transaction.mock.calls.length;
    transaction.mockRestore();
    return { answers, transactions };
  };

  const oneAfterAnother = async (submissions: Submission[]) => {
    const answers: Call[] = [];
    for (const submission of submissions) answers.push(await post(submission));
    return answers;
  };

  const countOf = async (table: string) =>
    Number(
      (await handle.db().query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n,
    );

  /** Registration ids in the order the server decided them: that of their submission events. */
  const decisionOrder = async (ids: string[]) =>
    (
      await handle.db().query<{ subject_id: string }>(
        `select subject_id from events where type = 'registration.submitted'
           and subject_id = any($1::text[]) order by seq`,
        [ids],
      )
    ).map((row) => row.subject_id);

  return {
    server: () => server,
    post,
    concurrently,
    oneAfterAnother,
    countOf,
    decisionOrder,
  };
};
