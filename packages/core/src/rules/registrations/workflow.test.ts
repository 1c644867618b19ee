/**
 * Whole-workflow properties: random sequences of submissions, approvals and manual rejections,
 * each applied to a small in-memory store exactly as a service would apply the decisions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../../schemas/codes.js';
import type { Registration } from '../../schemas/registration.js';
import { treeRoot } from '../accounts/tree.js';
import { addHours } from '../time.js';
import { decideApproval } from './approval.js';
import { sharedProducts } from './conflicts.js';
import { ACCOUNT_IDS, accounts, registration, settings, T0 } from './registration-fixtures.js';
import { decideRejection } from './rejection.js';
import { decideSubmission } from './submission.js';

// Most submissions land in the ACME tree with few product lines, so conflicts are common.
const accountId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('acme', 'acme-de', 'acme-de-berlin', 'acme-us') },
  { weight: 1, arbitrary: fc.constantFrom(...ACCOUNT_IDS) },
);
const operation = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      partnerId: fc.constantFrom('p1', 'p2', 'p3'),
      accountId,
      products: fc.subarray(['Firewall', 'FIREWALL', 'VPN'], { minLength: 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      pick: fc.nat(),
      note: fc.constantFrom('', 'The earlier deal is a duplicate of an old one.'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reject' as const),
      pick: fc.nat(),
      code: fc.constantFrom(...REJECTION_CODES, 'made_up'),
      reason: fc.constantFrom('', '  ', 'Missing end-customer details.'),
    }),
  },
);
const scenario = fc.array(fc.tuple(operation, fc.integer({ min: 0, max: 30 })), {
  minLength: 4,
  maxLength: 16,
  size: 'medium',
});
type ScenarioOps = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Runs the operations; returns the store and the ids that were ever approved. */
const run = (ops: ScenarioOps) => {
  let store: Registration[] = [];
  const everApproved = new Set<string>();
  let now = T0;
  for (const [op, minutes] of ops) {
    now = addHours(now, minutes / 60);
    if (op.kind === 'submit') {
      const decision = decideSubmission({
        input: { accountId: op.accountId, products: op.products },
        partnerId: op.partnerId,
        accounts,
        pendingContracts: [],
        activeRegistrations: store,
        settings,
        now,
      });
      if (!decision.ok) throw new Error(decision.reasons[0].message);
      const { value } = decision;
      store.push(
        registration({
          id: `r${store.length}`,
          partnerId: op.partnerId,
          accountId: op.accountId,
          products: value.products,
          status: value.status,
          submittedAt: value.submittedAt,
          decisionDueAt: value.decisionDueAt,
          contested: value.contested,
          ...(value.status === 'rejected' ? { rejection: value.rejection } : {}),
        }),
      );
      continue;
    }
    const pending = store.filter((r) => r.status === 'submitted');
    const target = pending[op.pick % Math.max(pending.length, 1)];
    if (!target) continue;
    if (op.kind === 'reject') {
      const decision = decideRejection({
        registration: target,
        code: op.code,
        reason: op.reason,
        actor: 'vendor',
      });
      if (decision.ok) {
        store = store.map((r) => (r.id === target.id ? { ...r, ...decision.value } : r));
      }
      continue;
    }
    const decision = decideApproval({
      registration: target,
      others: store,
      accounts,
      settings,
      input: { note: op.note },
      now,
    });
    if (!decision.ok) continue;
    const { rejections, status, approvedAt, expiresAt } = decision.value;
    everApproved.add(target.id);
    store = store.map((r) => {
      if (r.id === target.id) return { ...r, status, approvedAt, expiresAt };
      const follow = rejections.find((x) => x.registrationId === r.id);
      if (!follow) return r;
      // The follow-up rejection passes the same rule as any other.
      const rejected = decideRejection({
        registration: r,
        code: follow.rejection.code,
        reason: follow.rejection.reason,
        actor: 'system',
      });
      if (!rejected.ok) throw new Error(rejected.reasons[0].message);
      return { ...r, status: 'rejected', rejection: follow.rejection };
    });
  }
  return { store, everApproved };
};

const mutuallyConflicting = (a: Registration, b: Registration) =>
  a.partnerId !== b.partnerId &&
  treeRoot(accounts, a.accountId) === treeRoot(accounts, b.accountId) &&
  sharedProducts(a.products, b.products).length > 0;

describe('registration workflow', () => {
  it('property: every rejection has a code from the published list and a non-empty reason', () => {
    fc.assert(
      fc.property(scenario, (ops) => {
        const { store } = run(ops);
        for (const r of store) {
          expect(r.status === 'rejected').toBe(r.rejection !== undefined);
          if (!r.rejection) continue;
          expect(REJECTION_CODES).toContain(r.rejection.code);
          expect(r.rejection.reason.trim()).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: among mutually conflicting registrations at most one is ever approved', () => {
    fc.assert(
      fc.property(scenario, (ops) => {
        const { store, everApproved } = run(ops);
        const approved = store.filter((r) => everApproved.has(r.id));
        for (const a of approved) {
          for (const b of approved) {
            if (a.id !== b.id) expect(mutuallyConflicting(a, b)).toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: nobody ever holds a registration on a vendor-direct account', () => {
    fc.assert(
      fc.property(scenario, (ops) => {
        for (const r of run(ops).store.filter((x) =>
          ['initech', 'globex-gov', 'globex-gov-dc'].includes(x.accountId),
        )) {
          expect(r.status).toBe('rejected');
          expect(r.rejection?.code).toBe('vendor_direct_account');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
