import { describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import type { Call } from '../test-support/test-server.js';
import {
  batchedKit,
  partnerOf,
  RIVAL_A,
  RIVAL_B,
  type Submission,
} from './registrations-batched-kit.js';
import { deal } from './registrations-test-kit.js';

/**
 * Batched deal submission (group commit, see registrations-batched-kit.ts): conflicts between
 * submissions that share a batch, across batches and with registrations stored before, flagged
 * exactly as submitting them one after another in the order the server decided them would.
 */

describeOnBothDatabases('batched deal submission over HTTP', (handle) => {
  const { server, post, concurrently, oneAfterAnother, decisionOrder } = batchedKit(handle);

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
          const seen = await server().call('manager', 'GET', `/v1/registrations/${id}`);
          const audit = await server().call('manager', 'GET', `/v1/registrations/${id}/audit`);
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
        const seen = (await server().call('manager', 'GET', `/v1/registrations/${id}`)).body;
        for (const conflict of seen.conflicts) {
          expect(conflict.priority).toBe(conflict.id < id ? 'theirs' : 'ours');
        }
      }
      // Partners see the same, without ids: the earliest rival of partner 1 lists the later ones.
      const partnerView = await server().call('partner1', 'GET', `/v1/registrations/${ids[0]}`);
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
      const comment = await server().call('partner1', 'POST', `/v1/registrations/${id}/comments`, {
        body: 'Customer meeting next week.',
      });
      expect(comment.status).toBe(201);
      server().advance(1);
      const { answers, transactions } = await concurrently([
        { caller: 'partner2', body: deal(IDS.globexUs, ['Stored Suite']) },
        { caller: 'rep1', body: deal(IDS.globexMunich, ['Stored Suite']) },
        { caller: 'vendor', body: deal(IDS.globex, ['Stored Suite'], { partnerId: RIVAL_A }) },
      ]);
      expect(transactions).toBeLessThan(answers.length);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
      const rivals = [answers[0], answers[2]].map((answer) => answer?.body.id as string);
      const seen = (await server().call('manager', 'GET', `/v1/registrations/${id}`)).body;
      expect(seen.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([...rivals].sort());
      expect(seen.conflicts.every((c: { priority: string }) => c.priority === 'ours')).toBe(true);
      expect(seen.comments).toHaveLength(1);
      // Partner 1's own rep never contests it (only the rivals); each rival lists it as theirs.
      const own = await server().call('manager', 'GET', `/v1/registrations/${answers[1]?.body.id}`);
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
      const audit = await server().call('partner1', 'GET', `/v1/registrations/${id}/audit`);
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
        const page = await server().call(
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
        const now = (await server().call('manager', 'GET', `/v1/registrations/${id}`)).body;
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
});
