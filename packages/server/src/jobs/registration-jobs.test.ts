import { Registration } from '@openprm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { IDS } from '../test-support/fixtures.js';
import { startTestServer, T0, type TestServer } from '../test-support/test-server.js';
import { auditOf, eventsOf, insertRegistration, registrationState } from './job-fixtures.js';
import { runDueJobs } from './run-due-jobs.js';

const HOUR = 1;
const DAY = 24 * HOUR;

describeOnBothDatabases('registration jobs: SLA breaches, expiry warnings, expiry', (handle) => {
  let server: TestServer;
  const run = async () => runDueJobs(server.context);
  const changed = async () =>
    Object.fromEntries(Object.entries(await run()).map(([job, o]) => [job, o.changed]));

  beforeAll(async () => {
    server = await startTestServer(handle.db());
    const db = handle.db();
    // Waiting for a decision (due 48 h after T0), and one decided in time below.
    await insertRegistration(db, {
      id: 'reg_waiting',
      partnerId: IDS.partner1,
      accountId: IDS.globexDe,
      status: 'submitted',
      submittedAt: T0,
    });
    await insertRegistration(db, {
      id: 'reg_decided',
      partnerId: IDS.partner2,
      accountId: IDS.umbrella,
      status: 'submitted',
      submittedAt: T0,
    });
    // Approved at T0 with 20 days of protection: warnings at day 6 (14 left) and day 17 (3 left).
    await insertRegistration(db, {
      id: 'reg_protected',
      partnerId: IDS.partner2,
      accountId: IDS.globexUs,
      status: 'approved',
      submittedAt: T0,
      protectionDays: 20,
    });
    // Approved with only 10 days: the 14-day warning is already due, and goes out once.
    await insertRegistration(db, {
      id: 'reg_short',
      partnerId: IDS.partner1,
      accountId: IDS.globexMunich,
      status: 'approved',
      submittedAt: T0,
      protectionDays: 10,
    });
  });

  it('sends the overdue 14-day warning of a short protection at once, and only once', async () => {
    expect(await changed()).toEqual({
      'reservation-expiry': 0,
      'registration-expiry': 0,
      'sla-breaches': 0,
      'expiry-warnings': 1,
    });
    const [warning] = await eventsOf(handle.db(), 'reg_short', 'registration.expiry_warning');
    expect(warning?.partner_id).toBe(IDS.partner1);
    expect(warning?.data).toMatchObject({
      registration: { id: 'reg_short', accountId: IDS.globexMunich, status: 'approved' },
      daysBefore: 14,
      daysLeft: 10,
    });
    expect((await registrationState(handle.db(), 'reg_short'))?.warnings_sent).toEqual([14]);
    expect((await changed())['expiry-warnings']).toBe(0);
  });

  describe('the decision time limit', () => {
    it('does not flag a registration before its decision is due', async () => {
      server.advance(48 * HOUR);
      expect((await changed())['sla-breaches']).toBe(0);
      expect((await registrationState(handle.db(), 'reg_waiting'))?.sla_breached).toBe(false);
    });

    it('flags a registration still undecided after the limit, with audit and event', async () => {
      await handle
        .db()
        .query("update registrations set status = 'rejected' where id = 'reg_decided'");
      server.advance(1 * HOUR);
      expect((await changed())['sla-breaches']).toBe(1);
      expect(await registrationState(handle.db(), 'reg_waiting')).toMatchObject({
        status: 'submitted',
        sla_breached: true,
      });
      expect((await registrationState(handle.db(), 'reg_decided'))?.sla_breached).toBe(false);
      expect(await auditOf(handle.db(), 'reg_waiting')).toEqual([
        {
          action: 'registration.sla_breached',
          actor: { type: 'system', id: 'openprm', name: 'decision time limit' },
          from_status: null,
          to_status: null,
        },
      ]);
      const [event] = await eventsOf(handle.db(), 'reg_waiting', 'registration.sla_breached');
      expect(event?.partner_id).toBe(IDS.partner1);
      expect(event?.data).toMatchObject({
        registration: {
          id: 'reg_waiting',
          status: 'submitted',
          slaBreached: true,
          decisionDueAt: new Date(T0.getTime() + 48 * 3_600_000).toISOString(),
        },
      });
    });

    it('reports each breach once', async () => {
      server.advance(DAY);
      expect((await changed())['sla-breaches']).toBe(0);
      expect(await eventsOf(handle.db(), 'reg_waiting', 'registration.sla_breached')).toHaveLength(
        1,
      );
    });
  });

  describe('the protection period', () => {
    it('warns 14 days before the end, once', async () => {
      // now: T0 + 73 h; the 14-day warning of reg_protected is due at T0 + 6 days (144 h).
      server.advance(70 * HOUR);
      expect((await changed())['expiry-warnings']).toBe(0);
      server.advance(1 * HOUR);
      expect((await changed())['expiry-warnings']).toBe(1);
      expect((await changed())['expiry-warnings']).toBe(0);
      const warnings = await eventsOf(handle.db(), 'reg_protected', 'registration.expiry_warning');
      expect(warnings.map((w) => w.data.daysBefore)).toEqual([14]);
      expect(warnings[0]?.data.daysLeft).toBe(14);
    });

    it('warns 3 days before the end, once', async () => {
      server.advance(11 * DAY); // T0 + 17 days
      expect(await changed()).toMatchObject({ 'registration-expiry': 1, 'expiry-warnings': 1 });
      expect((await changed())['expiry-warnings']).toBe(0);
      const warnings = await eventsOf(handle.db(), 'reg_protected', 'registration.expiry_warning');
      expect(warnings.map((w) => [w.data.daysBefore, w.data.daysLeft])).toEqual([
        [14, 14],
        [3, 3],
      ]);
      expect((await registrationState(handle.db(), 'reg_protected'))?.warnings_sent).toEqual([
        14, 3,
      ]);
    });

    it('expires registrations whose protection ended, with audit and event, exactly once', async () => {
      // reg_short ended at T0 + 10 days, while no job ran: at T0 + 17 days it expired, and its
      // 3-day warning, whose moment passed unseen, was not sent after the end.
      expect((await registrationState(handle.db(), 'reg_short'))?.status).toBe('expired');
      expect(
        (await eventsOf(handle.db(), 'reg_short')).map((e) => [e.type, e.data.daysBefore]),
      ).toEqual([
        ['registration.expiry_warning', 14],
        ['registration.expired', undefined],
      ]);
      server.advance(3 * DAY); // T0 + 20 days: reg_protected ends now
      expect((await changed())['registration-expiry']).toBe(1);
      expect((await registrationState(handle.db(), 'reg_protected'))?.status).toBe('expired');
      expect(await auditOf(handle.db(), 'reg_protected')).toEqual([
        {
          action: 'registration.expired',
          actor: { type: 'system', id: 'openprm', name: 'protection period' },
          from_status: 'approved',
          to_status: 'expired',
        },
      ]);
      const [event] = await eventsOf(handle.db(), 'reg_protected', 'registration.expired');
      expect(event?.partner_id).toBe(IDS.partner2);
      expect(event?.data).toMatchObject({
        registration: { id: 'reg_protected', status: 'expired' },
      });
      // Like every registration event, it carries the registration as the contract shapes it.
      expect(Registration.safeParse(event?.data.registration).success).toBe(true);
      expect(await changed()).toEqual({
        'reservation-expiry': 0,
        'registration-expiry': 0,
        'sla-breaches': 0,
        'expiry-warnings': 0,
      });
      expect(await eventsOf(handle.db(), 'reg_protected', 'registration.expired')).toHaveLength(1);
    });
  });
});
