import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { auditOf, eventsOf } from './job-fixtures.js';
import { runDueJobs } from './run-due-jobs.js';

describeOnBothDatabases('reservation expiry job', (handle) => {
  let server: TestServer;
  let expiring: string;
  let later: string;
  let released: string;
  beforeAll(async () => {
    server = await startTestServer(handle.db());
    const first = await server.call('partner1', 'POST', '/v1/reservations', {
      accountId: IDS.globexDe,
    });
    expect(first.status).toBe(201);
    expiring = first.body.id;
    const gone = await server.call('partner2', 'POST', '/v1/reservations', {
      accountId: IDS.globexUs,
    });
    expect(gone.status).toBe(201);
    released = gone.body.id;
    expect((await server.call('partner2', 'DELETE', `/v1/reservations/${released}`)).status).toBe(
      200,
    );
    server.advance(24);
    const second = await server.call('partner2', 'POST', '/v1/reservations', {
      accountId: IDS.umbrella,
    });
    expect(second.status).toBe(201);
    later = second.body.id;
  });

  const statusOf = async (id: string) => {
    const { body } = await server.call('vendor', 'GET', `/v1/reservations?limit=100`);
    return body.data.find((r: { id: string }) => r.id === id)?.status;
  };

  it('does nothing while no reservation is due', async () => {
    const outcomes = await runDueJobs(server.context);
    expect(outcomes['reservation-expiry']).toEqual({ skipped: false, changed: 0 });
    expect(await statusOf(expiring)).toBe('active');
  });

  describe('once the reservation period has passed', () => {
    beforeAll(async () => {
      server.advance(90 * 24 - 24); // 90 days after the first reservation, one day before the second ends
    });

    it('marks the due reservation expired, with an audit row by the system and an event', async () => {
      const outcomes = await runDueJobs(server.context);
      expect(outcomes['reservation-expiry']).toEqual({ skipped: false, changed: 1 });
      expect(await statusOf(expiring)).toBe('expired');
      expect(await statusOf(later)).toBe('active');
      expect(await statusOf(released)).toBe('released');

      const audit = await auditOf(handle.db(), expiring, 'reservation.expired');
      expect(audit).toEqual([
        {
          action: 'reservation.expired',
          actor: { type: 'system', id: 'openprm', name: 'reservation period' },
          from_status: 'active',
          to_status: 'expired',
        },
      ]);
      const events = await eventsOf(handle.db(), expiring, 'reservation.expired');
      expect(events).toHaveLength(1);
      expect(events[0]?.partner_id).toBe(IDS.partner1);
      expect(events[0]?.data).toMatchObject({ reservation: { id: expiring, status: 'expired' } });
    });

    it('shows the owner the expired reservation and lets another partner reserve the tree', async () => {
      const own = await server.call('partner1', 'GET', '/v1/reservations?status=expired');
      expect(own.body.data.map((r: { id: string }) => r.id)).toEqual([expiring]);
      const check = await server.call(
        'partner2',
        'GET',
        `/v1/accounts/${IDS.globexDe}/reservation`,
      );
      expect(check.body.status).toBe('open');
      const taken = await server.call('partner2', 'POST', '/v1/reservations', {
        accountId: IDS.globexMunich,
      });
      expect(taken.status).toBe(201);
    });

    it('is idempotent: running again changes nothing and emits nothing', async () => {
      const outcomes = await runDueJobs(server.context);
      expect(outcomes['reservation-expiry']).toEqual({ skipped: false, changed: 0 });
      expect(await eventsOf(handle.db(), expiring, 'reservation.expired')).toHaveLength(1);
      expect(await auditOf(handle.db(), expiring, 'reservation.expired')).toHaveLength(1);
    });

    it('expires the next reservation when its own time comes, and only then', async () => {
      server.advance(23);
      await runDueJobs(server.context);
      expect(await statusOf(later)).toBe('active');
      server.advance(1);
      const outcomes = await runDueJobs(server.context);
      expect(outcomes['reservation-expiry']).toEqual({ skipped: false, changed: 1 });
      expect(await statusOf(later)).toBe('expired');
      expect(await eventsOf(handle.db(), later, 'reservation.expired')).toHaveLength(1);
    });
  });
});
