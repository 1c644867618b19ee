import { describe, expect, it } from 'vitest';
import { accounts, registration, reservation, settings, T0 } from './registration-fixtures.js';
import { decideSubmission, type SubmissionFacts } from './submission.js';

const facts = (overrides: Partial<SubmissionFacts> = {}): SubmissionFacts => ({
  input: { accountId: 'acme-de', products: ['Firewall'] },
  partnerId: 'p1',
  accounts,
  pendingContracts: [],
  activeRegistrations: [],
  settings,
  now: T0,
  ...overrides,
});

const terms = { contractId: 'c-terms', version: 3, title: 'Deal registration terms' };

describe("Submitting requires the partner's acceptance of the current required terms", () => {
  it('refuses with contract_acceptance_required and names each pending contract', () => {
    const nda = { contractId: 'c-nda', version: 1, title: 'NDA' };
    const decision = decideSubmission(facts({ pendingContracts: [terms, nda] }));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe('contract_acceptance_required');
    expect(decision.reasons.map((r) => r.message)).toEqual([
      'Accept "Deal registration terms" version 3 before registering deals.',
      'Accept "NDA" version 1 before registering deals.',
    ]);
  });

  it('ignores pending contracts that gate other actions only', () => {
    const reservationTerms = { ...terms, gates: ['reservation.create' as const] };
    expect(decideSubmission(facts({ pendingContracts: [reservationTerms] })).ok).toBe(true);
    const gating = { ...terms, gates: ['registration.submit' as const] };
    expect(decideSubmission(facts({ pendingContracts: [gating] })).ok).toBe(false);
  });
});

describe('Vendor-direct account → rejected at once, with reason code vendor_direct_account and an explanation', () => {
  it('rejects a vendor-direct account, naming it', () => {
    const decision = decideSubmission(facts({ input: { accountId: 'initech', products: ['X'] } }));
    expect(decision).toMatchObject({
      ok: true,
      value: {
        status: 'rejected',
        rejection: {
          code: 'vendor_direct_account',
          reason:
            'Account "Initech" (initech) is served directly by the vendor, so partners cannot register deals on it.',
          rule: 'vendor-direct accounts',
        },
        conflicts: [],
      },
    });
  });

  it('rejects an account below a vendor-direct ancestor, naming the ancestor', () => {
    const decision = decideSubmission(
      facts({ input: { accountId: 'globex-gov-dc', products: ['X'] } }),
    );
    expect(decision.ok && decision.value.status).toBe('rejected');
    if (!decision.ok || decision.value.status !== 'rejected') return;
    expect(decision.value.rejection.reason).toContain('"Globex DC" (globex-gov-dc)');
    expect(decision.value.rejection.reason).toContain('"Globex Government" (globex-gov)');
  });

  it('does not reject a sibling of a vendor-direct account', () => {
    const decision = decideSubmission(
      facts({ input: { accountId: 'globex-retail', products: ['X'] } }),
    );
    expect(decision.ok && decision.value.status).toBe('submitted');
  });
});

describe('Submission outcome', () => {
  it('is submitted with decisionDueAt = submittedAt + decisionHours, not breached', () => {
    const decision = decideSubmission(facts({ settings: { ...settings, decisionHours: 24 } }));
    expect(decision).toMatchObject({
      ok: true,
      value: {
        status: 'submitted',
        submittedAt: T0,
        decisionDueAt: '2026-03-03T09:00:00.000Z',
        slaBreached: false,
        contested: false,
        conflicts: [],
      },
    });
  });

  it('keeps each product line once, trimmed, in the partner’s spelling', () => {
    const input = { accountId: 'acme', products: [' Firewall ', 'firewall', 'VPN'] };
    const decision = decideSubmission(facts({ input }));
    expect(decision.ok && decision.value.products).toEqual(['Firewall', 'VPN']);
  });

  it('refuses an unknown account and an empty product list', () => {
    expect(
      decideSubmission(facts({ input: { accountId: 'nope', products: ['X'] } })),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      decideSubmission(facts({ input: { accountId: 'acme', products: ['  '] } })),
    ).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('flags conflicts with an earlier registration and a reservation, both with priority', () => {
    const earlier = registration({ id: 'r-early', partnerId: 'p2', accountId: 'acme-us' });
    const decision = decideSubmission(
      facts({
        now: '2026-03-05T09:00:00.000Z',
        activeRegistrations: [earlier],
        activeReservations: [reservation({ partnerId: 'p3' })],
      }),
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok || decision.value.status !== 'submitted') return;
    expect(decision.value.contested).toBe(true);
    expect(decision.value.conflicts.map((c) => [c.kind, c.id, c.priority])).toEqual([
      ['reservation', 'res-1', 'theirs'],
      ['registration', 'r-early', 'theirs'],
    ]);
    expect(decision.reasons[0]?.code).toBe('contested');
  });

  it('breaks a tie at the same instant by id when the new id is given, as approval does', () => {
    const same = registration({ id: 'r-m', partnerId: 'p2', accountId: 'acme-us' });
    const priorityWith = (id?: string) => {
      const decision = decideSubmission(facts({ id, activeRegistrations: [same] }));
      return decision.ok && decision.value.status === 'submitted'
        ? decision.value.conflicts.map((c) => c.priority)
        : null;
    };
    expect(priorityWith(undefined)).toEqual(['theirs']);
    expect(priorityWith('r-a')).toEqual(['ours']);
    expect(priorityWith('r-z')).toEqual(['theirs']);
  });
});
