import { describe, expect, it } from 'vitest';
import { addDays, addHours } from '../time.js';
import { type ApprovalFacts, decideApproval } from './approval.js';
import { accounts, registration, reservation, settings, T0 } from './registration-fixtures.js';

const now = addHours(T0, 5);
const candidate = registration({ id: 'r-cand', partnerId: 'p1', accountId: 'acme-de' });
const facts = (overrides: Partial<ApprovalFacts> = {}): ApprovalFacts => ({
  registration: candidate,
  others: [],
  accounts,
  settings,
  input: {},
  now,
  ...overrides,
});

describe('Approval sets the protection period (default 90 days) and the margin benefit (default from program settings)', () => {
  it('uses the program defaults', () => {
    expect(decideApproval(facts())).toMatchObject({
      ok: true,
      value: {
        status: 'approved',
        approvedAt: now,
        expiresAt: addDays(now, 90),
        protectionDays: 90,
        marginBenefitPct: settings.marginBenefitPct,
        priorityOverridden: false,
        rejections: [],
      },
    });
  });

  it('takes the reviewer’s protection days and margin', () => {
    const decision = decideApproval(
      facts({ input: { protectionDays: 30, marginBenefitPct: 12.5 } }),
    );
    expect(decision).toMatchObject({
      ok: true,
      value: { expiresAt: addDays(now, 30), marginBenefitPct: 12.5 },
    });
  });

  it('refuses protection days or margins out of range', () => {
    expect(decideApproval(facts({ input: { protectionDays: 0 } }))).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });
    expect(decideApproval(facts({ input: { marginBenefitPct: 101 } }))).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });
  });

  it('approves only a submitted registration', () => {
    for (const status of ['approved', 'rejected', 'withdrawn', 'won'] as const) {
      const decision = decideApproval(facts({ registration: { ...candidate, status } }));
      expect(decision).toMatchObject({ ok: false, code: 'invalid_transition' });
    }
  });
});

describe('Approving one rejects the overlapping pending ones with reason conflict_resolved, naming the rule', () => {
  const later = registration({
    id: 'r-later',
    partnerId: 'p2',
    accountId: 'acme-us',
    products: ['FIREWALL', 'VPN'],
    submittedAt: addHours(T0, 1),
  });

  it('rejects later pending registrations of other partners under first-come priority', () => {
    const unrelated = registration({ id: 'r-other-tree', partnerId: 'p3', accountId: 'globex' });
    const own = registration({ id: 'r-own', partnerId: 'p1', accountId: 'acme' });
    const decision = decideApproval(facts({ others: [later, unrelated, own] }));
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.value.rejections).toEqual([
      {
        registrationId: 'r-later',
        partnerId: 'p2',
        approvedRegistrationId: 'r-cand',
        rejection: {
          code: 'conflict_resolved',
          rule: 'first-come priority',
          reason:
            'Another partner registered an overlapping deal on the same account tree for FIREWALL earlier, and it has been approved; under first-come priority that registration holds the deal.',
        },
      },
    ]);
    expect(decision.value.rejections[0]?.rejection.reason).not.toContain('r-cand');
  });

  it('refuses when another partner’s overlapping registration is already approved', () => {
    const approved = { ...later, status: 'approved' as const, expiresAt: addDays(now, 10) };
    const decision = decideApproval(facts({ others: [approved] }));
    expect(decision).toMatchObject({ ok: false, code: 'rule_refused' });
  });

  it('allows approval again once the approved rival’s protection has ended', () => {
    const lapsed = { ...later, status: 'approved' as const, expiresAt: addHours(T0, 2) };
    expect(decideApproval(facts({ others: [lapsed] })).ok).toBe(true);
  });
});

describe('Approving against first-come priority needs the reviewer’s note', () => {
  const earlier = registration({
    id: 'r-early',
    partnerId: 'p2',
    accountId: 'acme',
    submittedAt: addHours(T0, -3),
  });

  it('refuses without a note, naming the earlier claim', () => {
    const decision = decideApproval(facts({ others: [earlier], input: { note: '  ' } }));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe('rule_refused');
    expect(decision.reasons[0].message).toContain('Registration r-early');
  });

  it('refuses without a note when another partner holds a reservation on the branch', () => {
    const decision = decideApproval(facts({ reservations: [reservation({ partnerId: 'p3' })] }));
    expect(decision.ok || decision.reasons[0].message).toContain('Reservation res-1');
  });

  it('with a note, approves, marks the override and quotes the note to the earlier partner', () => {
    const note = 'The earlier registration names a project the customer cancelled.';
    const decision = decideApproval(facts({ others: [earlier], input: { note } }));
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.value.priorityOverridden).toBe(true);
    expect(decision.reasons[0]).toEqual({
      code: 'priority_overridden',
      message: `First-come priority overridden: ${note}`,
    });
    const [rejected] = decision.value.rejections;
    expect(rejected?.registrationId).toBe('r-early');
    expect(rejected?.rejection.rule).toBe('reviewer override of first-come priority');
    expect(rejected?.rejection.reason).toContain(note);
  });

  it('ignores a reservation limited to another region than the registration’s account', () => {
    const limited = reservation({ partnerId: 'p3', region: 'NA' });
    expect(decideApproval(facts({ reservations: [limited] })).ok).toBe(false);
    const decision = decideApproval(
      facts({ registration: { ...candidate, region: 'EMEA' }, reservations: [limited] }),
    );
    expect(decision).toMatchObject({ ok: true, value: { priorityOverridden: false } });
  });
});
