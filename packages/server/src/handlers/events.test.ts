import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { describeOnBothDatabases, describeOnPostgres } from '../test-support/databases.js';
import { openEventStream } from '../test-support/event-stream-reader.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const FAST = { pollMs: 20, heartbeatMs: 1_000 };

describeOnBothDatabases('GET /v1/events', (handle) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(handle.db(), { eventStream: FAST });
  });

  it('streams server-sent events from the moment of subscribing', async () => {
    const reserved = await server.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.globexUs,
    });
    expect(reserved.status).toBe(201);
    const stream = await openEventStream(server, 'vendor');
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    // The stream carries the headers every answer does.
    expect(stream.response.headers.get('x-request-id')).toMatch(/\S/);
    expect(stream.response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    const reservationId = reserved.body.id as string;
    expect(
      (await server.call('partner1', 'DELETE', `/v1/reservations/${reservationId}`)).status,
    ).toBe(200);
    const [event] = await stream.until(1);
    expect(event).toMatchObject({
      type: 'reservation.released',
      partnerId: IDS.partner1,
      subject: { type: 'reservation', id: reservationId },
    });
    await stream.close();
  });

  it('gives a partner only its own events, and vendors everyone’s', async () => {
    const partner2 = await openEventStream(server, 'partner2');
    const vendor = await openEventStream(server, 'vendor');
    const reserve = (caller: 'partner1' | 'partner2', accountId: string) =>
      server.call(caller, 'POST', '/v1/reservations', { accountId });
    expect((await reserve('partner1', IDS.umbrella)).status).toBe(201);
    expect((await reserve('partner2', IDS.globexMunich)).status).toBe(201);
    const seenByVendor = await vendor.until(2);
    expect(seenByVendor.map((event) => event.partnerId).sort()).toEqual(
      [IDS.partner1, IDS.partner2].sort(),
    );
    const seenByPartner2 = await partner2.until(1);
    // Give partner 1's event every chance to leak before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenByPartner2.every((event) => event.partnerId === IDS.partner2)).toBe(true);
    await Promise.all([partner2.close(), vendor.close()]);
  });

  it('resumes after a disconnect from Last-Event-ID without losing or repeating an event', async () => {
    const first = await openEventStream(server, 'vendor', { types: 'registration.submitted' });
    const submit = () =>
      server.call('partner1', 'POST', '/v1/registrations', {
        accountId: IDS.globexUs,
        products: ['storage'],
        estimatedValue: { amount: 5_000, currency: 'EUR' },
        expectedCloseDate: '2027-06-30',
      });
    await submit();
    const [seen] = await first.until(1);
    await first.close();
    // While nobody listens, two more registrations arrive.
    await submit();
    await submit();
    const resumed = await openEventStream(server, 'vendor', {
      types: 'registration.submitted',
      lastEventId: seen?.id as string,
    });
    const missed = await resumed.until(2);
    expect(missed).toHaveLength(2);
    expect(missed.map((event) => event.id)).not.toContain(seen?.id);
    await resumed.close();
  });

  it('tells every partner about new terms to accept, without other partners’ events', async () => {
    const partner2 = await openEventStream(server, 'partner2', {
      types: 'contract.version_published,contract.accepted',
    });
    const contract = await server.call('vendor', 'POST', '/v1/contracts', {
      title: 'Partner Program Agreement',
      kind: 'program_agreement',
    });
    expect(contract.status).toBe(201);
    const published = await server.call(
      'vendor',
      'POST',
      `/v1/contracts/${contract.body.id}/versions`,
      {
        content: 'Version one of the terms.',
      },
    );
    expect(published.status).toBe(201);
    const accepted = await server.call(
      'partner1',
      'POST',
      `/v1/contracts/${contract.body.id}/versions/1/accept`,
      { hash: published.body.hash, accepted: true },
    );
    expect(accepted.status).toBe(201);
    const [event] = await partner2.until(1);
    expect(event).toMatchObject({ type: 'contract.version_published', partnerId: null });
    expect(JSON.stringify(event)).not.toContain('Version one of the terms.');
    // Give partner 1's acceptance every chance to leak before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(partner2.events).toHaveLength(1);
    await partner2.close();
  });

  it('refuses an unknown event type with a 400 naming it', async () => {
    const answer = await server.call(
      'vendor',
      'GET',
      '/v1/events?types=registration.approved,nope',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain('nope');
  });

  it('requires authentication', async () => {
    expect((await server.call(null, 'GET', '/v1/events')).status).toBe(401);
  });
});

describeOnPostgres('GET /v1/events across two instances [postgres]', (handle) => {
  let first: TestServer;
  let second: TestServer;
  let secondDb: Database;
  beforeAll(async () => {
    first = await startTestServer(handle.db(), { eventStream: FAST });
    secondDb = await openPostgres(handle.url() as string);
    second = await startTestServer(secondDb, { seed: false, eventStream: FAST });
  });
  afterAll(() => secondDb.close());

  it('streams from one instance what happened on the other', async () => {
    const stream = await openEventStream(second, 'partner1');
    const reserved = await first.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.umbrella,
    });
    expect(reserved.status).toBe(201);
    const [event] = await stream.until(1);
    expect(event).toMatchObject({ type: 'reservation.created', partnerId: IDS.partner1 });
    await stream.close();
  });
});
