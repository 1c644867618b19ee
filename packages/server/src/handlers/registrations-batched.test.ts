import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS, TEST_CALLERS, type TestCaller } from '../test-support/fixtures.js';
import { type Call, startTestServer, type TestServer } from '../test-support/test-server.js';
import {
  acceptContract,
  deal,
  eventTypesOf,
  publishGatingContract,
} from './registrations-test-kit.js';

/**
 * Deal submission runs as group commit (http/batcher.ts): requests that arrive while a submission
 * transaction runs share the next one. These suites send many submissions at once, so they share
 * transactions, and check that every caller still gets what submitting alone, one after another
 * in the order the server took them, would give.
 */

const HIGH_RATE_LIMIT = { limit: 1_000_000, windowSeconds: 60 };

/** Partners besides the two of the test world, for vendors to register on behalf of. */
const RIVAL_A = 'ptr_batch_a';
const RIVAL_B = 'ptr_batch_b';

interface Submission {
  caller: TestCaller;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The partner a submission is for: the caller's own, or the one a vendor names. */
const partnerOf = ({ caller, body }: Submission) =>
  TEST_CALLERS[caller].partnerId ?? (body.partnerId as string);

const problemCode = (answer: Call) => {
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  return answer.body.code as string;
};

describeOnBothDatabases('batched deal submission over HTTP', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { rateLimit: HIGH_RATE_LIMIT });
    for (const [id, name] of [
      [RIVAL_A, 'Batch Rival A'],
      [RIVAL_B, 'Batch Rival B'],
    ] as const) {
      await handle.db().query(
        `insert into partners (id, name, segment, region, profile_updated_at, created_at)
           values ($1, $2, 'reseller', 'EMEA', $3, $3)`,
        [id, name, server.now()],
      );
    }
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

  describe('conflicts on one account tree', () => {
    /**
     * Four partners claim the same product line on the Globex tree (rep1 is partner 1's rep, so it
     * never conflicts with partner 1); the last one names another line and contests nobody.
     */
    const contest = (product: string): Submission[] => [
      { caller: 'partner1', body: deal(IDS.globexDe, [product]) },
      { caller: 'partner2', body: deal(IDS.globexUs, [product.toUpperCase()]) },
      { caller: 'vendor', body: deal(IDS.globexMunich, [product], { partnerId: RIVAL_A }) },
      { caller: 'rep1', body: deal(IDS.globexUs, [` ${product} `]) },
      { caller: 'manager', body: deal(IDS.globex, ['Extra', product], { partnerId: RIVAL_B }) },
      { caller: 'partner2', body: deal(IDS.globexDe, [`Unrelated ${product}`]) },
    ];
    /** Do submissions i and j of `contest` conflict? Different partners, same product line. */
    const conflicting = (submissions: Submission[], i: number, j: number) =>
      i !== j &&
      i !== 5 &&
      j !== 5 &&
      partnerOf(submissions[i] as Submission) !== partnerOf(submissions[j] as Submission);

    /**
     * What the registrations of one run look like, by position in the decision order (ids are
     * random, so they are replaced by positions): each answer, each registration as the vendor
     * sees it afterwards, its audit trail, and the events of the whole run in outbox order.
     */
    const observe = async (answers: Call[]) => {
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const ids = answers.map((answer) => answer.body.id as string);
      const order = await decisionOrder(ids);
      expect([...order].sort()).toEqual([...ids].sort());
      const position = (id: string) => order.indexOf(id);
      const indexAt = order.map((id) => ids.indexOf(id));
      const registrations = await Promise.all(
        indexAt.map(async (index) => {
          const answer = answers[index] as Call;
          const id = ids[index] as string;
          const seen = await server.call('manager', 'GET', `/v1/registrations/${id}`);
          const audit = await server.call('manager', 'GET', `/v1/registrations/${id}/audit`);
          return {
            index,
            answered: {
              status: answer.body.status,
              contested: answer.body.contested,
              conflicts: answer.body.conflicts.length,
            },
            now: {
              contested: seen.body.contested,
              conflicts: seen.body.conflicts
                .map((c: { id: string }) => position(c.id))
                .sort((a: number, b: number) => a - b),
            },
            trail: audit.body.data.map((entry: { action: string }) => entry.action),
          };
        }),
      );
      const events = await handle
        .db()
        .query<{ type: string; subject_id: string; data: { registration: { conflicts: [] } } }>(
          'select type, subject_id, data from events where subject_id = any($1::text[]) order by seq',
          [ids],
        );
      return {
        ids,
        order,
        registrations,
        events: events.map((event) => ({
          type: event.type,
          position: position(event.subject_id),
          conflicts: event.data.registration.conflicts.length,
        })),
      };
    };

    /** The same, with the contested events of one submission (in id order) sorted by position. */
    const comparable = (observed: Awaited<ReturnType<typeof observe>>) => {
      const events = [...observed.events];
      for (let start = 0; start < events.length; ) {
        let end = start;
        while (events[end]?.type === 'registration.contested') end += 1;
        if (end > start) {
          const run = events.slice(start, end).sort((a, b) => a.position - b.position);
          events.splice(start, run.length, ...run);
          start = end;
        } else start += 1;
      }
      return { registrations: observed.registrations, events };
    };

    it('flags concurrent submissions exactly as one after another: the first uncontested, later ones against earlier ones, both ways', async () => {
      const submissions = contest('Batch Suite');
      const { answers, transactions } = await concurrently(submissions);
      expect(transactions).toBeLessThan(submissions.length);
      const observed = await observe(answers);
      const { ids, order } = observed;
      const at = (position: number) => ids.indexOf(order[position] as string);

      // What sequential submission in the decision order gives, worked out by hand.
      for (const [position, registration] of observed.registrations.entries()) {
        const index = registration.index;
        const earlier = order
          .slice(0, position)
          .filter((id) => conflicting(submissions, ids.indexOf(id), index));
        const all = order.flatMap((id, other) =>
          conflicting(submissions, ids.indexOf(id), index) ? [other] : [],
        );
        expect(registration.answered, `submission ${index}`).toEqual({
          status: 'submitted',
          contested: earlier.length > 0,
          conflicts: earlier.length,
        });
        expect(registration.now, `submission ${index}`).toEqual({
          contested: all.length > 0,
          conflicts: all,
        });
        const later = all.filter((other) => other > position);
        expect(registration.trail, `submission ${index}`).toEqual([
          'registration.submitted',
          ...later.map(() => 'registration.contested'),
        ]);
      }
      // The first conflicting submission decided is not contested by itself.
      const firstRival = order.findIndex((_, position) => at(position) !== 5);
      expect(observed.registrations[firstRival]?.answered.contested).toBe(false);
      // The unrelated product line on the same tree is never contested.
      const unrelated = observed.registrations.find((r) => r.index === 5);
      expect(unrelated?.now).toEqual({ contested: false, conflicts: [] });

      // Outbox: each submission, then the earlier ones it contests, each snapshot as it was then.
      const expected: { type: string; position: number; conflicts: number }[] = [];
      const flagged = new Map<number, number>();
      for (const [position, id] of order.entries()) {
        const index = ids.indexOf(id);
        const earlier = order
          .slice(0, position)
          .flatMap((other, p) => (conflicting(submissions, ids.indexOf(other), index) ? [p] : []));
        expected.push({ type: 'registration.submitted', position, conflicts: earlier.length });
        flagged.set(position, earlier.length);
        // The rules list conflicts (and so contest earlier ones) in id order at equal instants.
        for (const p of [...earlier].sort((a, b) =>
          (order[a] as string) < (order[b] as string) ? -1 : 1,
        )) {
          flagged.set(p, (flagged.get(p) ?? 0) + 1);
          expected.push({
            type: 'registration.contested',
            position: p,
            conflicts: flagged.get(p) as number,
          });
        }
      }
      expect(observed.events).toEqual(expected);

      // Priority at equal instants goes by id, the same from both sides.
      for (const id of ids) {
        const seen = (await server.call('manager', 'GET', `/v1/registrations/${id}`)).body;
        for (const conflict of seen.conflicts) {
          expect(conflict.priority).toBe(conflict.id < id ? 'theirs' : 'ours');
        }
      }
      // Partners see the same, without ids: the earliest rival of partner 1 lists the later ones.
      const partnerView = await server.call('partner1', 'GET', `/v1/registrations/${ids[0]}`);
      expect(partnerView.body.contested).toBe(true);
      expect(partnerView.body.conflicts).toHaveLength(3);
      expect(JSON.stringify(partnerView.body.conflicts)).not.toContain('reg_');
    });

    it('gives the same answers, registrations, trails and events as sending them one after another', async () => {
      const batched = contest('Compare Suite');
      const { answers } = await concurrently(batched);
      const together = await observe(answers);
      // The same submissions, sent alone each, in the order the server decided the batched ones.
      const serial = contest('Serial Suite');
      const inOrder = together.order.map((id) => together.ids.indexOf(id));
      const answered = await oneAfterAnother(inOrder.map((index) => serial[index] as Submission));
      const alone = await observe(
        inOrder.map((_, index) => answered[inOrder.indexOf(index)] as Call),
      );
      expect(alone.order.map((id) => alone.ids.indexOf(id))).toEqual(inOrder);
      expect(comparable(together)).toEqual(comparable(alone));
    });
  });

  describe('conflicts across batches and with stored registrations', () => {
    it('contests a registration stored before the group once per later rival, keeping its comments', async () => {
      const earlier = await post({
        caller: 'partner1',
        body: deal(IDS.globexDe, ['Stored Suite']),
      });
      expect(earlier.status).toBe(201);
      const id = earlier.body.id as string;
      const comment = await server.call('partner1', 'POST', `/v1/registrations/${id}/comments`, {
        body: 'Customer meeting next week.',
      });
      expect(comment.status).toBe(201);
      server.advance(1);
      const { answers, transactions } = await concurrently([
        { caller: 'partner2', body: deal(IDS.globexUs, ['Stored Suite']) },
        { caller: 'rep1', body: deal(IDS.globexMunich, ['Stored Suite']) },
        { caller: 'vendor', body: deal(IDS.globex, ['Stored Suite'], { partnerId: RIVAL_A }) },
      ]);
      expect(transactions).toBeLessThan(answers.length);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
      const rivals = [answers[0], answers[2]].map((answer) => answer?.body.id as string);
      const seen = (await server.call('manager', 'GET', `/v1/registrations/${id}`)).body;
      expect(seen.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([...rivals].sort());
      expect(seen.conflicts.every((c: { priority: string }) => c.priority === 'ours')).toBe(true);
      expect(seen.comments).toHaveLength(1);
      // Partner 1's own rep never contests it (only the rivals); each rival lists it as theirs.
      const own = await server.call('manager', 'GET', `/v1/registrations/${answers[1]?.body.id}`);
      expect(own.body.conflicts.map((c: { id: string }) => c.id)).not.toContain(id);
      for (const answer of [answers[0], answers[2]] as Call[]) {
        expect(answer.body.conflicts).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ submittedAt: earlier.body.submittedAt, priority: 'theirs' }),
          ]),
        );
      }
      const events = await handle
        .db()
        .query<{ type: string; data: { registration: { conflicts: []; comments: [] } } }>(
          'select type, data from events where subject_id = $1 order by seq',
          [id],
        );
      expect(
        events.map((event) => [
          event.type,
          event.data.registration.conflicts.length,
          event.data.registration.comments.length,
        ]),
      ).toEqual([
        ['registration.submitted', 0, 0],
        ['registration.commented', 0, 1],
        ['registration.contested', 1, 1],
        ['registration.contested', 2, 1],
      ]);
      const audit = await server.call('partner1', 'GET', `/v1/registrations/${id}/audit`);
      expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
        'registration.submitted',
        'registration.commented',
        'registration.contested',
        'registration.contested',
      ]);
    });

    it('decides more submissions than fit in one batch as one after another, later batches seeing earlier ones', async () => {
      const callers: Submission[] = [
        { caller: 'partner1', body: {} },
        { caller: 'partner2', body: {} },
        { caller: 'vendor', body: { partnerId: RIVAL_A } },
        { caller: 'manager', body: { partnerId: RIVAL_B } },
      ];
      const accounts = [IDS.globex, IDS.globexDe, IDS.globexMunich, IDS.globexUs];
      const LINES = 12;
      const submissions = Array.from({ length: 90 }, (_, i): Submission => {
        const { caller, body } = callers[i % callers.length] as Submission;
        const account = accounts[Math.floor(i / 3) % accounts.length] as string;
        return { caller, body: deal(account, [`Bulk Suite ${i % LINES}`], body) };
      });
      const { answers, transactions } = await concurrently(submissions);
      // At most 64 in a batch: at least two, far fewer than requests.
      expect(transactions).toBeGreaterThanOrEqual(2);
      expect(transactions).toBeLessThan(submissions.length / 4);
      for (const answer of answers) expect(answer.status).toBe(201);
      const ids = answers.map((answer) => answer.body.id as string);
      const order = await decisionOrder(ids);
      expect(order).toHaveLength(ids.length);
      const rivals = (i: number, j: number) =>
        i !== j &&
        i % LINES === j % LINES &&
        partnerOf(submissions[i] as Submission) !== partnerOf(submissions[j] as Submission);
      const listed = new Map<string, { conflicts: { id: string }[] }>();
      let cursor = '';
      do {
        const page = await server.call(
          'manager',
          'GET',
          `/v1/registrations?accountId=${IDS.globex}&limit=100${cursor}`,
        );
        expect(page.status).toBe(200);
        for (const registration of page.body.data) listed.set(registration.id, registration);
        cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
      } while (cursor);
      let contested = 0;
      for (const [position, id] of order.entries()) {
        const index = ids.indexOf(id);
        const earlier = order
          .slice(0, position)
          .filter((other) => rivals(ids.indexOf(other), index));
        const all = order.filter((other) => rivals(ids.indexOf(other), index));
        contested += earlier.length;
        expect(answers[index]?.body.conflicts, `submission ${index}`).toHaveLength(earlier.length);
        const now = (await server.call('manager', 'GET', `/v1/registrations/${id}`)).body;
        expect(
          now.conflicts.map((c: { id: string }) => c.id).sort(),
          `submission ${index}`,
        ).toEqual([...all].sort());
      }
      const [{ n }] = (await handle
        .db()
        .query<{ n: string }>(
          "select count(*)::text as n from events where type = 'registration.contested' and subject_id = any($1::text[])",
          [ids],
        )) as [{ n: string }];
      expect(Number(n)).toBe(contested);
    });
  });

  describe('refusals inside a group', () => {
    it('answers each refused request with its own error while the others are stored', async () => {
      const before = {
        registrations: await countOf('registrations'),
        events: await countOf('events'),
        audit: await countOf('audit_events'),
      };
      const { answers, transactions } = await concurrently([
        { caller: 'partner1', body: deal(IDS.umbrella, ['Refusal Suite 1']) },
        { caller: 'partner1', body: deal('acc_nope', ['Refusal Suite 2']) },
        { caller: 'vendor', body: deal(IDS.umbrella, ['Refusal Suite 3']) },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Refusal Suite 4']) },
        {
          caller: 'partner1',
          body: deal(IDS.umbrella, ['Refusal Suite 5'], { partnerId: IDS.partner2 }),
        },
        {
          caller: 'manager',
          body: deal(IDS.umbrella, ['Refusal Suite 6'], { partnerId: 'ptr_nope' }),
        },
        { caller: 'rep1', body: deal(IDS.globexMunich, ['Refusal Suite 7']) },
      ]);
      expect(transactions).toBeLessThan(answers.length);
      expect(answers.map((answer) => answer.status)).toEqual([201, 404, 400, 201, 403, 404, 201]);
      expect(answers.map((answer) => (answer.status === 201 ? null : problemCode(answer)))).toEqual(
        [null, 'not_found', 'invalid_request', null, 'forbidden', 'not_found', null],
      );
      expect(answers[1]?.body.errors).toEqual([{ path: 'accountId', message: 'Unknown account' }]);
      expect(answers[2]?.body.errors).toEqual([
        { path: 'partnerId', message: 'Required for vendor roles' },
      ]);

      const stored = [
        [answers[0], 'partner1', IDS.partner1],
        [answers[3], 'partner2', IDS.partner2],
        [answers[6], 'rep1', IDS.partner1],
      ] as const;
      for (const [answer, caller, partnerId] of stored) {
        expect(answer?.body).toMatchObject({ status: 'submitted', partnerId, contested: false });
        const got = await server.call(caller, 'GET', `/v1/registrations/${answer?.body.id}`);
        expect(got.body).toEqual(answer?.body);
        expect(await eventTypesOf(handle.db(), answer?.body.id)).toEqual([
          'registration.submitted',
        ]);
      }
      // The refused ones wrote nothing: no row, no trail entry, no event.
      expect({
        registrations: await countOf('registrations'),
        events: await countOf('events'),
        audit: await countOf('audit_events'),
      }).toEqual({
        registrations: before.registrations + 3,
        events: before.events + 3,
        audit: before.audit + 3,
      });
    });

    it('rejects a vendor-direct account at once (201, rejected) while the rest of the group is submitted', async () => {
      const { answers, transactions } = await concurrently([
        { caller: 'partner1', body: deal(IDS.umbrella, ['Direct Suite']) },
        { caller: 'partner1', body: deal(IDS.initechLab, ['Direct Suite']) },
        { caller: 'partner2', body: deal(IDS.initech, ['Direct Suite']) },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Direct Suite']) },
      ]);
      expect(transactions).toBeLessThan(answers.length);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect(answers.map((answer) => answer.body.status)).toEqual([
        'submitted',
        'rejected',
        'rejected',
        'submitted',
      ]);
      // Rejected registrations claim nothing: no one in the group contests anyone.
      for (const answer of answers) {
        expect(answer.body.contested).toBe(false);
        expect(answer.body.conflicts).toEqual([]);
      }
      for (const [answer, caller] of [
        [answers[1], 'partner1'],
        [answers[2], 'partner2'],
      ] as const) {
        expect(answer?.body.rejection).toMatchObject({
          code: 'vendor_direct_account',
          rule: expect.any(String),
        });
        expect(answer?.body.rejection.reason).toContain('Initech');
        const audit = await server.call(
          caller,
          'GET',
          `/v1/registrations/${answer?.body.id}/audit`,
        );
        expect(
          audit.body.data.map((e: { action: string; from?: string; to: string }) => [
            e.action,
            e.from,
            e.to,
          ]),
        ).toEqual([
          ['registration.submitted', undefined, 'submitted'],
          ['registration.rejected', 'submitted', 'rejected'],
        ]);
        expect(await eventTypesOf(handle.db(), answer?.body.id)).toEqual([
          'registration.submitted',
          'registration.rejected',
        ]);
      }
      for (const answer of [answers[0], answers[3]]) {
        expect(await eventTypesOf(handle.db(), answer?.body.id)).toEqual([
          'registration.submitted',
        ]);
      }
    });
  });

  describe('idempotency keys inside a group', () => {
    const listed = async (caller: TestCaller, accountId: string, product: string) =>
      (
        await server.call(caller, 'GET', `/v1/registrations?accountId=${accountId}&limit=100`)
      ).body.data.filter((r: { products: string[] }) => r.products.includes(product));

    it('answers the same key sent several times at once with one registration, replayed to the others', async () => {
      const body = deal(IDS.umbrella, ['Same Key Suite']);
      const headers = { 'idempotency-key': 'batch-same-body' };
      const { answers, transactions } = await concurrently([
        { caller: 'partner1', body, headers },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Filler Suite']) },
        { caller: 'partner1', body, headers },
        // Keys belong to their caller: partner 2's same key is another request.
        { caller: 'partner2', body, headers },
        { caller: 'partner1', body, headers },
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      // A key goes once in a batch (three batches here); a batch failing on a key it holds twice
      // and retried one request at a time would take more transactions than there are requests.
      expect(transactions).toBeLessThan(answers.length);
      const keyed = [answers[0], answers[2], answers[4]] as Call[];
      for (const answer of keyed) expect(answer.body).toEqual(keyed[0]?.body);
      expect(
        keyed.map((answer) => answer.headers.get('idempotent-replayed') ?? 'first').sort(),
      ).toEqual(['first', 'true', 'true']);
      expect(answers[3]?.headers.get('idempotent-replayed')).toBeNull();
      expect(answers[3]?.body.id).not.toBe(keyed[0]?.body.id);
      const mine = await listed('partner1', IDS.umbrella, 'Same Key Suite');
      expect(mine.map((r: { id: string }) => r.id)).toEqual([keyed[0]?.body.id]);
      const theirs = await listed('partner2', IDS.umbrella, 'Same Key Suite');
      expect(theirs.map((r: { id: string }) => r.id)).toEqual([answers[3]?.body.id]);
    });

    it('refuses the same key with another body at once: one 201, one 422 idempotency_key_reused', async () => {
      const headers = { 'idempotency-key': 'batch-other-body' };
      const bodies = [
        deal(IDS.umbrella, ['Reused Key Suite'], { notes: 'First wording.' }),
        deal(IDS.umbrella, ['Reused Key Suite'], { notes: 'Second wording.' }),
      ];
      const { answers } = await concurrently([
        { caller: 'partner1', body: bodies[0] as Record<string, unknown>, headers },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Filler Suite 2']) },
        { caller: 'partner1', body: bodies[1] as Record<string, unknown>, headers },
      ]);
      expect(answers[1]?.status).toBe(201);
      const pair = [answers[0], answers[2]] as Call[];
      expect(pair.map((answer) => answer.status).sort()).toEqual([201, 422]);
      const accepted = pair.find((answer) => answer.status === 201) as Call;
      const refused = pair.find((answer) => answer.status === 422) as Call;
      expect(problemCode(refused)).toBe('idempotency_key_reused');
      expect(accepted.headers.get('idempotent-replayed')).toBeNull();
      const stored = await listed('partner1', IDS.umbrella, 'Reused Key Suite');
      expect(stored.map((r: { id: string; notes: string }) => [r.id, r.notes])).toEqual([
        [accepted.body.id, accepted.body.notes],
      ]);
      // The key still answers the body it was first used with.
      const winner = bodies[pair.indexOf(accepted)] as Record<string, unknown>;
      const replay = await post({ caller: 'partner1', body: winner, headers });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(accepted.body);
    });

    it('frees the key of a refused request: a retry with the body fixed is a new request', async () => {
      const headers = { 'idempotency-key': 'batch-refused' };
      const wrong = deal('acc_nope', ['Freed Key Suite']);
      const { answers } = await concurrently([
        { caller: 'partner1', body: wrong, headers },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Filler Suite 3']) },
        { caller: 'partner1', body: wrong, headers },
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([404, 201, 404]);
      for (const answer of [answers[0], answers[2]] as Call[]) {
        expect(problemCode(answer)).toBe('not_found');
        expect(answer.headers.get('idempotent-replayed')).toBeNull();
      }
      const fixed = deal(IDS.umbrella, ['Freed Key Suite']);
      const { answers: retried } = await concurrently([
        { caller: 'partner1', body: fixed, headers },
        { caller: 'partner2', body: deal(IDS.globexUs, ['Filler Suite 4']) },
      ]);
      expect(retried.map((answer) => answer.status)).toEqual([201, 201]);
      expect(retried[0]?.headers.get('idempotent-replayed')).toBeNull();
      const again = await post({ caller: 'partner1', body: fixed, headers });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(retried[0]?.body);
      const stored = await listed('partner1', IDS.umbrella, 'Freed Key Suite');
      expect(stored.map((r: { id: string }) => r.id)).toEqual([retried[0]?.body.id]);
    });
  });

  // Last: the contract stays published for the rest of the file's database.
  describe('contract gate inside a group', () => {
    it('refuses only the partner with a pending contract; the others in the group are submitted', async () => {
      const db = handle.db();
      const { hash } = await publishGatingContract(db, 'ctr_batch_terms', server.now());
      await acceptContract(db, 'ctr_batch_terms', hash, IDS.partner1, server.now());
      const { answers, transactions } = await concurrently([
        { caller: 'partner1', body: deal(IDS.umbrella, ['Gate Suite 1']) },
        { caller: 'partner2', body: deal(IDS.umbrella, ['Gate Suite 2']) },
        {
          caller: 'manager',
          body: deal(IDS.globexUs, ['Gate Suite 3'], { partnerId: IDS.partner1 }),
        },
        {
          caller: 'vendor',
          body: deal(IDS.globexUs, ['Gate Suite 4'], { partnerId: IDS.partner2 }),
        },
        { caller: 'rep1', body: deal(IDS.globexDe, ['Gate Suite 5']) },
      ]);
      expect(transactions).toBeLessThan(answers.length);
      expect(answers.map((answer) => answer.status)).toEqual([201, 403, 201, 403, 201]);
      for (const refused of [answers[1], answers[3]] as Call[]) {
        expect(problemCode(refused)).toBe('contract_acceptance_required');
        expect(refused.body.pending).toEqual([
          expect.objectContaining({ contractId: 'ctr_batch_terms', version: 1 }),
        ]);
      }
      for (const answer of [answers[0], answers[2], answers[4]] as Call[]) {
        expect(answer.body.partnerId).toBe(IDS.partner1);
        expect(await eventTypesOf(db, answer.body.id)).toEqual(['registration.submitted']);
      }
      await acceptContract(db, 'ctr_batch_terms', hash, IDS.partner2, server.now());
      const { answers: after } = await concurrently([
        { caller: 'partner2', body: deal(IDS.umbrella, ['Gate Suite 2']) },
        {
          caller: 'vendor',
          body: deal(IDS.globexUs, ['Gate Suite 4'], { partnerId: IDS.partner2 }),
        },
      ]);
      expect(after.map((answer) => answer.status)).toEqual([201, 201]);
    });
  });
});
