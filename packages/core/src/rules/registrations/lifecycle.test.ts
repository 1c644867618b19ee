import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistrationStatus } from '../../schemas/registration.js';
import {
  canRegistrationTransition,
  decideTransition,
  isTerminal,
  REGISTRATION_TRANSITIONS,
  type RegistrationActor,
} from './lifecycle.js';

const STATUSES = RegistrationStatus.options;
const ACTORS: RegistrationActor[] = ['partner', 'vendor', 'system'];

describe('Lifecycle: submitted → approved | rejected; approved → won | lost | expired; submitted/approved → withdrawn by the partner; every transition is validated', () => {
  it.each([
    ['submitted', 'approved', 'vendor'],
    ['submitted', 'rejected', 'vendor'],
    ['submitted', 'rejected', 'system'],
    ['submitted', 'withdrawn', 'partner'],
    ['approved', 'won', 'partner'],
    ['approved', 'won', 'vendor'],
    ['approved', 'lost', 'partner'],
    ['approved', 'lost', 'vendor'],
    ['approved', 'expired', 'system'],
    ['approved', 'withdrawn', 'partner'],
  ] as const)('allows %s → %s by the %s', (from, to, actor) => {
    expect(decideTransition({ from, to, actor })).toEqual({
      ok: true,
      value: { from, to },
      reasons: [],
    });
  });

  it('refuses a step that is not in the table with invalid_transition naming from and to', () => {
    const decision = decideTransition({ from: 'submitted', to: 'won', actor: 'vendor' });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe('invalid_transition');
    expect(decision.reasons[0].message).toContain('"submitted"');
    expect(decision.reasons[0].message).toContain('"won"');
  });

  it('says a terminal status is final', () => {
    const decision = decideTransition({ from: 'rejected', to: 'approved', actor: 'vendor' });
    expect(decision.ok || decision.reasons[0].message).toMatch(/"rejected" is final/);
  });

  it('refuses a known step taken by the wrong actor with forbidden', () => {
    expect(decideTransition({ from: 'submitted', to: 'approved', actor: 'partner' })).toMatchObject(
      {
        ok: false,
        code: 'forbidden',
      },
    );
    expect(decideTransition({ from: 'submitted', to: 'withdrawn', actor: 'vendor' })).toMatchObject(
      {
        ok: false,
        code: 'forbidden',
      },
    );
    expect(decideTransition({ from: 'approved', to: 'expired', actor: 'vendor' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('knows the terminal statuses', () => {
    expect(STATUSES.filter(isTerminal)).toEqual([
      'rejected',
      'won',
      'lost',
      'expired',
      'withdrawn',
    ]);
  });

  it('property: no transition leaves a terminal status, and allowed steps follow the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...ACTORS),
        (from, to, actor) => {
          const decision = decideTransition({ from, to, actor });
          if (isTerminal(from)) expect(decision.ok).toBe(false);
          if (decision.ok) expect(REGISTRATION_TRANSITIONS[from]).toContain(to);
          if (!canRegistrationTransition(from, to)) {
            expect(decision).toMatchObject({ ok: false, code: 'invalid_transition' });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
