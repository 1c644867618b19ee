import { compareQueueOrder, type Registration } from '@openprm/core';
import { beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, T0, type TestServer } from '../test-support/test-server.js';
import { deal, eventTypesOf, submit } from './registrations-test-kit.js';

const HOUR = 3_600_000;

describeOnBothDatabases('the vendor queue and the decision time limit', (handle) => {
  let server: TestServer;
  const ids = { approved: '', late: '', fresh: '', direct: '', newest: '' };
  const idsOf = (page: { data: Registration[] }) => page.data.map((r) => r.id);
  const list = async (query: string) =>
    (await server.call('manager', 'GET', `/v1/registrations?${query}`)).body;

  /**
   * approved: submitted T0, approved T0+1 h (due T0+48 h, decided)
   * late:     submitted T0+2 h, due T0+50 h — overdue once the clock passes it
   * fresh:    submitted T0+12 h, due T0+60 h
   * direct:   T0+12 h, rejected at once (vendor-direct), due T0+60 h
   * newest:   submitted T0+13 h, due T0+61 h
   */
  beforeAll(async () => {
    server = await startTestServer(handle.db());
    ids.approved = (await submit(server, 'partner1', deal(IDS.globexDe, ['Queue A']))).id;
    server.advance(1);
    await server.call('manager', 'POST', `/v1/registrations/${ids.approved}/approve`, {});
    server.advance(1);
    ids.late = (await submit(server, 'partner2', deal(IDS.umbrella, ['Queue B']))).id;
    server.advance(10);
    ids.fresh = (await submit(server, 'partner1', deal(IDS.globexUs, ['Queue C']))).id;
    ids.direct = (await submit(server, 'partner2', deal(IDS.initech, ['Queue D']))).id;
    server.advance(1);
    ids.newest = (await submit(server, 'rep1', deal(IDS.globexMunich, ['Queue E']))).id;
  });

  it('sets decisionDueAt = submittedAt + 48 h', async () => {
    const body = (await server.call('manager', 'GET', `/v1/registrations/${ids.late}`)).body;
    expect(body.submittedAt).toBe(new Date(T0.getTime() + 2 * HOUR).toISOString());
    expect(body.decisionDueAt).toBe(new Date(T0.getTime() + 50 * HOUR).toISOString());
  });

  it('orders newest first by default, ties by id', async () => {
    const tied = [ids.fresh, ids.direct].sort((a, b) => (a < b ? 1 : -1));
    expect(idsOf(await list(''))).toEqual([ids.newest, ...tied, ids.late, ids.approved]);
  });

  it('flags a late decision and sorts breaches first, as core’s compareQueueOrder does', async () => {
    expect((await list('sort=queue&slaBreached=true')).data).toEqual([]);
    server.advance(51 - 13); // T0+51 h: "late" is past its due time, nothing else is pending past it
    const now = server.now();
    const queue = (await list('sort=queue')).data as Registration[];
    expect(queue[0]?.id).toBe(ids.late);
    expect(queue[0]?.slaBreached).toBe(true);
    expect(idsOf({ data: queue })).toEqual(
      idsOf({ data: [...queue].sort((a, b) => compareQueueOrder(a, b, now)) }),
    );
    // Same due time and submission for "fresh" and "direct": the id decides, in code-unit order.
    const tied = [ids.fresh, ids.direct].sort((a, b) => (a < b ? -1 : 1));
    expect(idsOf({ data: queue })).toEqual([ids.late, ids.approved, ...tied, ids.newest]);

    const breached = await list('slaBreached=true');
    expect(idsOf(breached)).toEqual([ids.late]);
    const onTime = await list('slaBreached=false&status=submitted');
    expect(new Set(idsOf(onTime))).toEqual(new Set([ids.fresh, ids.newest]));
  });

  it('pages the queue with cursors and refuses a cursor of another order', async () => {
    const whole = idsOf(await list('sort=queue'));
    const paged: string[] = [];
    let cursor = '';
    do {
      const page = await list(`sort=queue&limit=2${cursor}`);
      paged.push(...idsOf(page));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    } while (cursor);
    expect(paged).toEqual(whole);
    const newestCursor = (await list('limit=1')).nextCursor;
    const mismatch = await server.call(
      'manager',
      'GET',
      `/v1/registrations?sort=queue&cursor=${newestCursor}`,
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].path).toBe('query.cursor');
  });

  it('records the breach when a late decision comes before the breach job, and keeps it visible', async () => {
    const approved = await server.call(
      'manager',
      'POST',
      `/v1/registrations/${ids.late}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body.slaBreached).toBe(true);
    expect(await eventTypesOf(handle.db(), ids.late)).toEqual([
      'registration.submitted',
      'registration.sla_breached',
      'registration.approved',
    ]);
    const trail = (await server.call('partner2', 'GET', `/v1/registrations/${ids.late}/audit`)).body
      .data;
    expect(trail[1]).toMatchObject({
      action: 'registration.sla_breached',
      actor: { type: 'system' },
      data: { decisionDueAt: new Date(T0.getTime() + 50 * HOUR).toISOString() },
    });
    // Decided on time: never breached.
    expect(
      (await server.call('manager', 'GET', `/v1/registrations/${ids.approved}`)).body.slaBreached,
    ).toBe(false);
  });
});
