import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { recordEvent } from '../services/outbox.js';
import { describeOnPostgres } from '../test-support/databases.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { dispatchWebhooks } from './dispatcher.js';

const EVENTS = 40;

describeOnPostgres(
  'webhook dispatchers of two instances on one PostgreSQL [postgres]',
  (handle) => {
    let server: TestServer;
    let secondDb: Database;
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      server = await startTestServer(handle.db());
      secondDb = await openPostgres(handle.url() as string);
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver.stop();
      await secondDb.close();
    });

    it('sends every delivery exactly once to a healthy receiver, never twice at the same time', async () => {
      const created = await server.call('vendor', 'POST', '/v1/webhooks', {
        url: receiver.url('/shared'),
        eventTypes: ['account.created'],
      });
      expect(created.status).toBe(201);
      await handle.db().transaction(async (tx) => {
        for (let n = 0; n < EVENTS; n += 1) {
          await recordEvent(tx, {
            type: 'account.created',
            at: server.now(),
            partnerId: null,
            subject: { type: 'account', id: `acc_${n}` },
            data: { n },
          });
        }
      });
      // A slow receiver and small batches keep both instances claiming while the other sends.
      receiver.answerAt('/shared', { status: 200, delayMs: 20 });
      const dispatch = (db: Database) => dispatchWebhooks(db, { now: server.now(), batchSize: 3 });
      const runs = await Promise.all([
        dispatch(handle.db()),
        dispatch(secondDb),
        dispatch(handle.db()),
        dispatch(secondDb),
      ]);
      expect(runs.reduce((sum, run) => sum + run.queued, 0)).toBe(EVENTS);
      expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(EVENTS);
      const perEvent = new Map<string, number>();
      for (const request of receiver.at('/shared')) {
        const id = String(request.headers['openprm-event-id']);
        perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
      }
      expect(perEvent.size).toBe(EVENTS);
      expect([...perEvent.values()].every((count) => count === 1)).toBe(true);
      expect(receiver.maxInFlightPerEvent()).toBe(1);
      const [pending] = await handle
        .db()
        .query<{ count: number }>(
          `select count(*)::int as count from webhook_deliveries where status <> 'delivered'`,
        );
      expect(pending?.count).toBe(0);
    });
  },
);
