import { createHmac, timingSafeEqual } from 'node:crypto';
import { type EventType, PrmEvent } from '@openprm/core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer } from '../server.js';
import { recordEvent } from '../services/outbox.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { version } from '../version.js';
import { dispatchWebhooks } from './dispatcher.js';

/** What a receiver does with `openprm-signature`, written here with node:crypto alone. */
const verifySignature = (rawBody: string, header: string, secret: string, nowMs: number) => {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const timestamp = Number(parts.t);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return (
    Number.isInteger(timestamp) &&
    Math.abs(nowMs / 1000 - timestamp) <= 300 &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
};

describeOnBothDatabases('webhook dispatcher', (handle) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.stop());

  const dispatch = (now = server.now()) => dispatchWebhooks(handle.db(), { now });

  const subscribe = async (path: string, eventTypes: EventType[]) => {
    const created = await server.call('vendor', 'POST', '/v1/webhooks', {
      url: receiver.url(path),
      eventTypes,
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; secret: string };
  };

  /** Events written straight into the outbox, as a service would in its transaction. */
  const recordEvents = (type: EventType, count: number, tag: string) =>
    handle.db().transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) {
        await recordEvent(tx, {
          type,
          at: server.now(),
          partnerId: null,
          subject: { type: 'test', id: `${tag}-${n}` },
          data: { n },
        });
      }
    });

  const deliveryStatuses = async (webhookId: string) =>
    (
      await handle
        .db()
        .query<{ status: string }>(
          'select status from webhook_deliveries where webhook_id = $1 order by event_seq',
          [webhookId],
        )
    ).map((row) => row.status);

  it('delivers a signed event that the receiver can verify', async () => {
    const webhook = await subscribe('/signed', ['reservation.created']);
    const reserved = await server.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.umbrella,
    });
    expect(reserved.status).toBe(201);
    // The real clock here, so the receiver checks the timestamp against its own.
    const result = await dispatch(new Date());
    expect(result).toMatchObject({ queued: 1, delivered: 1, retrying: 0, failed: 0 });
    const [delivery] = receiver.at('/signed');
    if (!delivery) throw new Error('nothing was delivered');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['user-agent']).toBe(`OpenPRM-Webhooks/${version}`);
    const signature = String(delivery.headers['openprm-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(delivery.rawBody, signature, webhook.secret, Date.now())).toBe(true);
    expect(verifySignature(`${delivery.rawBody} `, signature, webhook.secret, Date.now())).toBe(
      false,
    );
    expect(verifySignature(delivery.rawBody, signature, 'whsec_other', Date.now())).toBe(false);
    const event = PrmEvent.parse(JSON.parse(delivery.rawBody));
    expect(event).toMatchObject({
      type: 'reservation.created',
      partnerId: IDS.partner1,
      subject: { type: 'reservation', id: reserved.body.id },
    });
    expect(delivery.headers['openprm-event-id']).toBe(event.id);
    expect(delivery.headers['openprm-event-type']).toBe('reservation.created');
    expect(await deliveryStatuses(webhook.id)).toEqual(['delivered']);

    // Not subscribed to releases: releasing the reservation sends nothing.
    expect(
      (await server.call('partner1', 'DELETE', `/v1/reservations/${reserved.body.id}`)).status,
    ).toBe(200);
    expect(await dispatch(new Date())).toMatchObject({ queued: 0, delivered: 0 });
    expect(receiver.at('/signed')).toHaveLength(1);
  });

  it('delivers every event at least once after the receiver was unreachable, then failing', async () => {
    const webhook = await subscribe('/flaky', ['account.created']);
    await recordEvents('account.created', 10, 'flaky');

    await receiver.stop(); // connection refused
    expect(await dispatch()).toMatchObject({ queued: 10, delivered: 0, retrying: 10 });
    await receiver.start();
    receiver.answerAt('/flaky', { status: 503 });
    // Not due yet: nothing is tried before its retry time.
    expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 0 });
    server.advance(1);
    expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 10 });
    receiver.answerAt('/flaky', { status: 200 });
    server.advance(1);
    expect(await dispatch()).toMatchObject({ delivered: 10, retrying: 0 });

    const delivered = receiver.at('/flaky').filter((request) => request.status === 200);
    const ids = new Set(delivered.map((request) => request.headers['openprm-event-id']));
    expect(ids.size).toBe(10);
    expect(await deliveryStatuses(webhook.id)).toEqual(Array(10).fill('delivered'));
    // The delivery log: every attempt with its outcome.
    const log = await handle.db().query<{ attempt: number; response_status: number | null }>(
      `select a.attempt, a.response_status from webhook_delivery_attempts a
       join webhook_deliveries d on d.id = a.delivery_id
       where d.webhook_id = $1 order by d.event_seq, a.attempt`,
      [webhook.id],
    );
    expect(log.slice(0, 3)).toEqual([
      { attempt: 1, response_status: null },
      { attempt: 2, response_status: 503 },
      { attempt: 3, response_status: 200 },
    ]);
    expect(log).toHaveLength(30);
    // Everything is sent: another run finds nothing to do.
    server.advance(1);
    expect(await dispatch()).toEqual({ queued: 0, delivered: 0, retrying: 0, failed: 0 });
  });

  it('never follows a redirect, and gives up after 24 hours of failures', async () => {
    const webhook = await subscribe('/moved', ['objective.created']);
    receiver.answerAt('/moved', {
      status: 302,
      headers: { location: receiver.url('/elsewhere') },
    });
    await recordEvents('objective.created', 1, 'moved');
    const runs = [];
    for (let hour = 0; hour <= 26; hour += 2) {
      runs.push(await dispatch());
      server.advance(2);
    }
    expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(1);
    expect(receiver.at('/elsewhere')).toHaveLength(0);
    const [row] = await handle
      .db()
      .query<{ status: string; last_response_status: number; last_error: string }>(
        'select status, last_response_status, last_error from webhook_deliveries where webhook_id = $1',
        [webhook.id],
      );
    expect(row).toMatchObject({ status: 'failed', last_response_status: 302 });
    expect(row?.last_error).toContain('redirect');
  });

  it('sends nothing more to a deleted webhook and cancels what was pending', async () => {
    const webhook = await subscribe('/deleted', ['metrics.recorded']);
    receiver.answerAt('/deleted', { status: 500 });
    await recordEvents('metrics.recorded', 2, 'deleted');
    expect(await dispatch()).toMatchObject({ queued: 2, retrying: 2 });
    expect((await server.call('vendor', 'DELETE', `/v1/webhooks/${webhook.id}`)).status).toBe(204);
    await recordEvents('metrics.recorded', 1, 'after-delete');
    // A fan-out that read the webhook just before the deletion committed queues one more.
    await handle.db().query(
      `insert into webhook_deliveries (id, webhook_id, event_id, event_seq, status, next_attempt_at, created_at)
       select 'whd_overlap', $1, id, seq, 'pending', $2, $2 from events where subject_id = 'after-delete-0'`,
      [webhook.id, server.now()],
    );
    receiver.answerAt('/deleted', { status: 200 });
    server.advance(2);
    expect(await dispatch()).toMatchObject({ queued: 0, delivered: 0, retrying: 0 });
    expect(receiver.at('/deleted')).toHaveLength(2);
    expect(await deliveryStatuses(webhook.id)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('fans out idempotently: a second pass over the same events queues nothing', async () => {
    const webhook = await subscribe('/twice', ['contract.created']);
    await recordEvents('contract.created', 3, 'twice');
    expect((await dispatch()).queued).toBe(3);
    // Forget the cursor: the next pass reads the same events again.
    await handle.db().query(`delete from settings where key = 'webhooks.fan_out_cursor'`);
    expect((await dispatch()).queued).toBe(0);
    expect(receiver.at('/twice')).toHaveLength(3);
    expect(await deliveryStatuses(webhook.id)).toEqual(['delivered', 'delivered', 'delivered']);
  });
  it('runs on its own timer in a server started with webhooks, until the server closes', async () => {
    const running = await createServer({
      database: handle.db(),
      clock: () => new Date(),
      webhooks: { intervalMs: 20 },
    });
    try {
      await subscribe('/timer', ['partner.skills_updated']);
      await recordEvents('partner.skills_updated', 1, 'timer');
      await vi.waitFor(() => expect(receiver.at('/timer')).toHaveLength(1), {
        timeout: 20_000,
        interval: 20,
      });
    } finally {
      await running.close();
    }
    await recordEvents('partner.skills_updated', 1, 'timer-closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.at('/timer')).toHaveLength(1);
  });
});
