import {
  buildBoard,
  decisionDueAt,
  isProfileStale,
  type Light,
  type MetricKey,
  type Objective,
  REGISTRATION_TRANSITIONS,
  RegistrationStatus,
} from '@openprm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto.js';
import type { Database, Queryable } from '../db/database.js';
import { pendingContractsOf } from '../services/contract-gate.js';
import { describeOnBothDatabases } from '../test-support/databases.js';
import type { TestServer } from '../test-support/test-server.js';
import { DEMO_CONTRACT_IDS } from './contracts.js';
import { DEMO_API_KEYS } from './keys.js';
import { DEMO_PARTNER_IDS } from './partners.js';
import { count, startSeededServer } from './seed-test-kit.js';

/** The traffic-light board over the seeded rows, by core's own rules. */
const boardOf = async (db: Queryable, now: Date) => {
  const partners = await db.query<{ id: string; name: string; region: string; segment: string }>(
    'select id, name, region, segment from partners',
  );
  const objectives = (
    await db.query<{
      id: string;
      name: string;
      metric: MetricKey;
      period_from: string;
      period_to: string;
      direction: Objective['direction'];
      thresholds: Objective['thresholds'];
      default_target: string | null;
      created_at: Date;
    }>('select *, period_from::text as period_from, period_to::text as period_to from objectives')
  ).map(
    (o): Objective => ({
      id: o.id,
      name: o.name,
      metric: o.metric,
      period: { from: o.period_from, to: o.period_to },
      direction: o.direction,
      thresholds: o.thresholds,
      ...(o.default_target === null ? {} : { defaultTarget: Number(o.default_target) }),
      createdAt: o.created_at.toISOString(),
    }),
  );
  const targets = (
    await db.query<{ objective_id: string; partner_id: string; value: string }>(
      'select * from targets',
    )
  ).map((t) => ({ objectiveId: t.objective_id, partnerId: t.partner_id, value: Number(t.value) }));
  const metrics = (
    await db.query<{ partner_id: string; metric: MetricKey; value: string; on_date: string }>(
      'select partner_id, metric, value, on_date::text as on_date from metrics',
    )
  ).map((m) => ({
    partnerId: m.partner_id,
    metric: m.metric,
    value: Number(m.value),
    on: m.on_date,
  }));
  return buildBoard({ partners, objectives, targets, metrics, groupBy: 'region', now });
};

describeOnBothDatabases('demo data', (handle) => {
  let server: TestServer;
  let db: Database;
  let now: Date;
  let seconds: number;
  beforeAll(async () => {
    ({ server, db, now, seconds } = await startSeededServer(handle));
  });

  it('is quick to seed, even with two instances starting at once', () => {
    // Measured around 0.5 s on PGlite; the bound only catches a gross regression.
    expect(seconds).toBeLessThan(10);
  });

  describe('coverage', () => {
    it('has at least 50 partners over four regions and every segment, some of them stale', async () => {
      const partners = await db.query<{
        region: string;
        segment: string;
        profile_updated_at: Date;
        offices: { lat: number; lng: number }[];
        certifications: { expiresAt: string }[];
      }>('select region, segment, profile_updated_at, offices, certifications from partners');
      expect(partners.length).toBeGreaterThanOrEqual(50);
      expect(new Set(partners.map((p) => p.region))).toEqual(
        new Set(['EMEA', 'NA', 'APAC', 'LATAM']),
      );
      expect(new Set(partners.map((p) => p.segment))).toEqual(
        new Set(['reseller', 'distributor', 'msp', 'consultancy']),
      );
      const stale = partners.filter((p) => isProfileStale(p.profile_updated_at, now, 180));
      expect(stale.length).toBeGreaterThanOrEqual(3);
      expect(partners.every((p) => p.offices.length > 0)).toBe(true);
      const certificates = partners.flatMap((p) => p.certifications);
      expect(certificates.some((c) => Date.parse(c.expiresAt) < now.getTime())).toBe(true);
      expect(certificates.some((c) => Date.parse(c.expiresAt) > now.getTime())).toBe(true);
    });

    it('has at least 300 accounts in trees of three levels, some vendor-direct', async () => {
      expect(await count(db, 'select 1 from accounts')).toBeGreaterThanOrEqual(300);
      const offices = await count(
        db,
        `select 1 from accounts o join accounts s on s.id = o.parent_id
         join accounts g on g.id = s.parent_id where g.parent_id is null`,
      );
      expect(offices).toBeGreaterThan(50);
      expect(await count(db, 'select 1 from accounts where vendor_direct')).toBeGreaterThan(1);
      expect(
        await count(db, 'select 1 from accounts where parent_id is null and domain is null'),
      ).toBe(0);
    });

    it('has reservations that are active, released and expired', async () => {
      const statuses = await db.query<{ status: string }>(
        'select distinct status from reservations',
      );
      expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'expired', 'released']);
      expect(
        await count(db, "select 1 from reservations where status = 'active' and expires_at <= $1", [
          now,
        ]),
      ).toBe(0);
    });

    it('has registrations in every status, each with its audit trail', async () => {
      const statuses = await db.query<{ status: string }>(
        'select distinct status from registrations',
      );
      expect(statuses.map((s) => s.status).sort()).toEqual([...RegistrationStatus.options].sort());
      // The trail's last status change is the registration's status, and every change is allowed.
      const trail = await db.query<{
        id: string;
        status: string;
        steps: { from: string | null; to: string }[];
      }>(
        `select r.id, r.status, jsonb_agg(jsonb_build_object('from', a.from_status, 'to', a.to_status) order by a.seq) as steps
         from registrations r join audit_events a on a.subject_id = r.id and a.to_status is not null
         group by r.id, r.status`,
      );
      expect(trail.length).toBe(await count(db, 'select 1 from registrations'));
      for (const { status, steps } of trail) {
        expect(steps[0]).toEqual({ from: null, to: 'submitted' });
        expect(steps.at(-1)?.to).toBe(status);
        for (const step of steps.slice(1)) {
          expect(REGISTRATION_TRANSITIONS[step.from as RegistrationStatus]).toContain(step.to);
        }
      }
    });

    it('takes due times from the SLA rule and flags breaches, with audit rows', async () => {
      const rows = await db.query<{
        submitted_at: Date;
        decision_due_at: Date;
        status: string;
        sla_breached: boolean;
      }>('select submitted_at, decision_due_at, status, sla_breached from registrations');
      for (const row of rows) {
        expect(row.decision_due_at.toISOString()).toBe(
          decisionDueAt(row.submitted_at, server.context.settings),
        );
      }
      const pending = rows.filter((r) => r.status === 'submitted');
      const overdue = pending.filter((r) => r.decision_due_at.getTime() < now.getTime());
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((r) => r.sla_breached)).toBe(true);
      expect(pending.some((r) => !r.sla_breached)).toBe(true);
      expect(
        await count(db, "select 1 from audit_events where action = 'registration.sla_breached'"),
      ).toBeGreaterThanOrEqual(overdue.length);
    });

    it('has contested registrations with first-come priority, and a resolved conflict', async () => {
      const contested = await db.query<{
        partner_id: string;
        conflicts: { id: string; partnerId: string; priority: string }[];
      }>(
        "select id, partner_id, conflicts from registrations where status = 'submitted' and conflicts <> '[]'",
      );
      expect(contested.length).toBeGreaterThanOrEqual(2);
      const priorities = contested.flatMap((r) => r.conflicts.map((c) => c.priority));
      expect(priorities).toEqual(expect.arrayContaining(['ours', 'theirs']));
      expect(contested.every((r) => r.conflicts.every((c) => c.partnerId !== r.partner_id))).toBe(
        true,
      );
      expect(
        await count(
          db,
          "select 1 from registrations where rejection->>'code' = 'conflict_resolved'",
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(
          db,
          "select 1 from registrations where rejection->>'code' = 'vendor_direct_account'",
        ),
      ).toBeGreaterThan(0);
    });

    it('leaves partner 1 with the new terms to accept and partner 2 with none', async () => {
      const pending1 = await pendingContractsOf(db, DEMO_PARTNER_IDS.partner1);
      expect(pending1.map((c) => [c.contractId, c.requiresReacceptance])).toEqual([
        [DEMO_CONTRACT_IDS.dealRegistrationTerms, true],
      ]);
      expect(pending1[0]?.version).toBe(2);
      expect(await pendingContractsOf(db, DEMO_PARTNER_IDS.partner2)).toEqual([]);
      // Most partners have not accepted the new version yet.
      const partners = await db.query<{ id: string }>('select id from partners');
      const pendingFor = await Promise.all(partners.map((p) => pendingContractsOf(db, p.id)));
      expect(pendingFor.filter((list) => list.length > 0).length).toBeGreaterThan(
        partners.length / 2,
      );
    });

    it('shows every light on the board, and regions that differ', async () => {
      const board = await boardOf(db, now);
      const lights = new Set<Light>(
        board.groups.flatMap((g) => g.partners.flatMap((p) => p.objectives.map((o) => o.light))),
      );
      expect([...lights].sort()).toEqual(['green', 'red', 'unknown', 'yellow']);
      const partnerLights = board.groups.flatMap((g) => g.partners.map((p) => p.light));
      expect(new Set(partnerLights)).toEqual(new Set(['green', 'yellow', 'red', 'unknown']));
      expect(new Set(board.groups.map((g) => g.light)).size).toBeGreaterThan(1);
    });

    it('stores the demo keys hashed, marked demo', async () => {
      const keys = await db.query<{ id: string; key_hash: string; demo: boolean; role: string }>(
        'select id, key_hash, demo, role from api_keys order by id',
      );
      expect(DEMO_API_KEYS.map((k) => k.key).sort()).toEqual([
        'prm_demo_manager',
        'prm_demo_partner1',
        'prm_demo_partner2',
        'prm_demo_rep1',
        'prm_demo_vendor',
      ]);
      expect(keys).toHaveLength(DEMO_API_KEYS.length);
      for (const key of DEMO_API_KEYS) {
        expect(keys.find((k) => k.id === key.id)).toEqual({
          id: key.id,
          key_hash: sha256Hex(key.key),
          demo: true,
          role: key.role,
        });
      }
    });
  });
});
