import { describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS, type TestCaller } from '../test-support/fixtures.js';
import type { Call } from '../test-support/test-server.js';
import { batchedKit, problemCode } from './registrations-batched-kit.js';
import {
  acceptContract,
  auditStepsOf,
  deal,
  eventTypesOf,
  publishGatingContract,
  REJECTED_AT_ONCE,
} from './registrations-test-kit.js';

/**
 * Batched deal submission (group commit, see registrations-batched-kit.ts): what one request of a
 * group is answered besides conflicts. Refused requests (bad account, forbidden partner, vendor-
 * direct account, pending contract) fail alone while the rest of the group is stored, and
 * idempotency keys replay, refuse reuse and free refused keys as they do one request at a time.
 */

describeOnBothDatabases('batched deal submission over HTTP', (handle) => {
  const { server, post, concurrently, countOf } = batchedKit(handle);

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
        const got = await server().call(caller, 'GET', `/v1/registrations/${answer?.body.id}`);
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
        expect(await auditStepsOf(server(), caller, answer?.body.id)).toEqual(REJECTED_AT_ONCE);
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
        await server().call(caller, 'GET', `/v1/registrations?accountId=${accountId}&limit=100`)
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
      const { hash } = await publishGatingContract(db, 'ctr_batch_terms', server().now());
      await acceptContract(db, 'ctr_batch_terms', hash, IDS.partner1, server().now());
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
      await acceptContract(db, 'ctr_batch_terms', hash, IDS.partner2, server().now());
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
