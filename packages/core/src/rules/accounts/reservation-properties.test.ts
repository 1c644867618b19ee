/**
 * Model-based properties of the reservation rules: random account forests, random partners,
 * regions and clocks, and random sequences of reserve / renew / release / sweep / wait steps.
 * Every allowed decision is applied to the state, exactly as the server would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM, type ProgramSettings } from '../../schemas/program.js';
import type { Reservation } from '../../schemas/reservation.js';
import type { Decision } from '../decision.js';
import { addDays, toIso, toMs } from '../time.js';
import { checkReservation } from './reservation-check.js';
import { expireReservations } from './reservation-expiry.js';
import { decideRelease } from './reservation-release.js';
import { decideRenewal } from './reservation-renewal.js';
import { decideReservation } from './reservation-reserve.js';
import { type AccountIndex, type AccountNode, indexAccounts, pathToRoot } from './tree.js';

const START = '2026-01-01T00:00:00.000Z';
const PARTNERS = ['p1', 'p2', 'p3', 'p4'];
const partner = fc.constantFrom(...PARTNERS);
const region = fc.constantFrom<string | null>('EMEA', 'NA', 'APAC', null);

/** 1–30 accounts; each parent is an earlier account (or none), about one in eight vendor-direct. */
const forest = fc
  .array(fc.record({ root: fc.boolean(), pick: fc.nat(), direct: fc.nat({ max: 7 }) }), {
    minLength: 1,
    maxLength: 30,
    size: 'max',
  })
  .map((specs) =>
    indexAccounts(
      specs.map(
        ({ root, pick, direct }, i): AccountNode => ({
          id: `a${i}`,
          parentId: root || i === 0 ? null : `a${pick % i}`,
          vendorDirect: direct === 0,
        }),
      ),
    ),
  );

const settings = fc.record({
  reservationDays: fc.integer({ min: 1, max: 90 }),
  reservationMaxRenewals: fc.integer({ min: 0, max: 3 }),
  disclosure: fc.constantFrom<ProgramSettings['disclosure']>('none', 'existence', 'identity'),
});

const step = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      account: fc.nat(),
      partner,
      region,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      hours: fc.integer({ min: 0, max: 24 * 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('renew' as const), pick: fc.nat(), partner }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('release' as const),
      pick: fc.nat(),
      caller: fc.option(partner, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const) }) },
);
const scenario = fc.record({
  accounts: forest,
  settings,
  steps: fc.array(step, { maxLength: 25, size: 'max' }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

interface ReserveAttempt {
  accountId: string;
  partnerId: string;
  region: string | null;
  now: string;
  reservations: Reservation[];
}

const expectExplainedRefusal = (decision: Decision<unknown>) => {
  if (decision.ok) return;
  expect(decision.code).toMatch(/^[a-z_]+$/);
  expect(decision.reasons[0].code).toBe(decision.code);
  for (const reason of decision.reasons) {
    expect(reason.code).toMatch(/^[a-z_]+$/);
    expect(reason.message.trim()).not.toBe('');
  }
};

/**
 * The invariant's own oracle, written from the definition rather than with the rules' helpers,
 * so a bug in those helpers cannot hide itself: in force = active and `expiresAt` after now;
 * overlap = one account on the other's path to the root, and regions equal or one of them null.
 */
const inForceAt = (now: string) => (r: Reservation) =>
  r.status === 'active' && Date.parse(r.expiresAt) > Date.parse(now);
const onOneBranch = (accounts: AccountIndex, a: string, b: string) =>
  pathToRoot(accounts, a).includes(b) || pathToRoot(accounts, b).includes(a);
const underVendorDirect = (accounts: AccountIndex, id: string) =>
  pathToRoot(accounts, id).some((ancestor) => accounts.get(ancestor)?.vendorDirect === true);

const expectNoOverlapInForce = (
  accounts: AccountIndex,
  reservations: Reservation[],
  now: string,
) => {
  const inForce = reservations.filter(inForceAt(now));
  for (const [i, a] of inForce.entries()) {
    expect(underVendorDirect(accounts, a.accountId), `${a.id} on a vendor-direct branch`).toBe(
      false,
    );
    for (const b of inForce.slice(i + 1)) {
      const regions = a.region === null || b.region === null || a.region === b.region;
      const overlap = regions && onOneBranch(accounts, a.accountId, b.accountId);
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
};

/**
 * Plays a scenario: hands every decision to `onDecision`, every reserve attempt (before it is
 * decided) to `onReserve`, and checks the no-overlap invariant after every step.
 */
const run = (
  { accounts, settings: program, steps }: Scenario,
  onDecision: (decision: Decision<unknown>) => void = () => {},
  onReserve: (attempt: ReserveAttempt) => void = () => {},
) => {
  const settingsFull: ProgramSettings = { ...DEFAULT_PROGRAM, ...program };
  let now = START;
  let reservations: Reservation[] = [];
  /** When each reservation was last granted (reserved or renewed). */
  const grantedAt = new Map<string, string>();
  for (const s of steps) {
    if (s.kind === 'wait') now = toIso(toMs(now) + s.hours * 3_600_000);
    if (s.kind === 'sweep') {
      const due = new Set(expireReservations(reservations, now));
      reservations = reservations.map((r) => (due.has(r.id) ? { ...r, status: 'expired' } : r));
    }
    if (s.kind === 'reserve') {
      const accountId = `a${s.account % accounts.size}`;
      onReserve({ accountId, partnerId: s.partner, region: s.region, now, reservations });
      const decision = decideReservation({
        accountId,
        partnerId: s.partner,
        region: s.region,
        accounts,
        reservations,
        settings: settingsFull,
        now,
      });
      onDecision(decision);
      if (decision.ok) {
        const id = `r${reservations.length}`;
        reservations = [
          ...reservations,
          { id, ...decision.value, status: 'active', createdAt: now, renewals: 0 },
        ];
        grantedAt.set(id, now);
      }
    }
    const target = reservations[('pick' in s ? s.pick : 0) % Math.max(reservations.length, 1)];
    if (s.kind === 'renew' && target) {
      const decision = decideRenewal({
        reservation: target,
        partnerId: s.partner,
        settings: settingsFull,
        now,
      });
      onDecision(decision);
      if (decision.ok) {
        reservations = reservations.map((r) => (r === target ? { ...r, ...decision.value } : r));
        grantedAt.set(target.id, now);
      }
    }
    if (s.kind === 'release' && target) {
      const decision = decideRelease({ reservation: target, callerPartnerId: s.caller, now });
      onDecision(decision);
      if (decision.ok)
        reservations = reservations.map((r) => (r === target ? { ...r, ...decision.value } : r));
    }
    expectNoOverlapInForce(accounts, reservations, now);
    for (const r of reservations)
      expect(r.renewals).toBeLessThanOrEqual(settingsFull.reservationMaxRenewals);
  }
  return { reservations, now, grantedAt };
};

const RUNS = { numRuns: 1000 };

describe('reservation rules under random sequences of steps', () => {
  it('never lets two active, unexpired reservations overlap (accounts on one branch and regions overlapping)', () => {
    fc.assert(
      fc.property(scenario, (sc) => void run(sc)),
      RUNS,
    );
  });

  it('never lets a vendor-direct account, or a descendant of one, be reserved', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { reservations } = run(sc);
        for (const r of reservations) {
          expect(underVendorDirect(sc.accounts, r.accountId)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('gives every refusal a code and a non-empty message', () => {
    fc.assert(
      fc.property(scenario, (sc) => void run(sc, expectExplainedRefusal)),
      RUNS,
    );
  });

  it('checkReservation agrees with decideReservation: open ⇔ reserve allowed for that partner', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const settings = { ...DEFAULT_PROGRAM, ...sc.settings };
        run(sc, undefined, ({ accountId, partnerId, region, now, reservations }) => {
          const accounts = sc.accounts;
          const disclosure = settings.disclosure;
          const check = checkReservation({
            accountId,
            callerPartnerId: partnerId,
            accounts,
            reservations,
            region,
            disclosure,
            now,
          });
          const decision = decideReservation({
            accountId,
            partnerId,
            region,
            accounts,
            reservations,
            settings,
            now,
          });
          expect(decision.ok).toBe(check.status === 'open');
          if (!decision.ok) {
            expect(decision.code).toBe(
              check.status === 'vendor_direct' ? 'vendor_direct_account' : 'account_reserved',
            );
          }
        });
      }),
      RUNS,
    );
  });

  it('decideReservation refuses exactly when the account is under a vendor-direct one or an overlapping reservation is in force', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const settings = { ...DEFAULT_PROGRAM, ...sc.settings };
        run(sc, undefined, ({ accountId, partnerId, region, now, reservations }) => {
          const accounts = sc.accounts;
          const blocked = reservations
            .filter(inForceAt(now))
            .some(
              (r) =>
                (r.region === null || region === null || r.region === region) &&
                onOneBranch(accounts, r.accountId, accountId),
            );
          const decision = decideReservation({
            accountId,
            partnerId,
            region,
            accounts,
            reservations,
            settings,
            now,
          });
          expect(decision.ok).toBe(!underVendorDirect(accounts, accountId) && !blocked);
        });
      }),
      RUNS,
    );
  });

  it('a reservation in force is "reserved by you" to its holder, "reserved by another" to other partners, and named to the vendor', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { reservations, now } = run(sc);
        const accounts = sc.accounts;
        for (const r of reservations.filter(inForceAt(now))) {
          const scope = { accountId: r.accountId, region: r.region, accounts, reservations, now };
          for (const caller of PARTNERS) {
            const check = checkReservation({
              ...scope,
              callerPartnerId: caller,
              disclosure: sc.settings.disclosure,
            });
            expect(check.status).toBe(
              caller === r.partnerId ? 'reserved_by_you' : 'reserved_by_other',
            );
          }
          const vendorView = checkReservation({
            ...scope,
            callerPartnerId: null,
            disclosure: 'none',
          });
          expect(vendorView.reservation).toMatchObject({ id: r.id, partnerId: r.partnerId });
        }
      }),
      RUNS,
    );
  });

  it('a reservation expires exactly reservationDays after it was reserved or last renewed', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { reservations, grantedAt } = run(sc);
        for (const r of reservations) {
          const granted = grantedAt.get(r.id) ?? '';
          expect(r.expiresAt).toBe(addDays(granted, sc.settings.reservationDays));
        }
      }),
      RUNS,
    );
  });
});
