import { describe, expect, it } from 'vitest';
import { addHours } from '../time.js';
import { decideComment, decideEscalation } from './comments.js';
import { registration, T0 } from './registration-fixtures.js';

const reg = registration({ partnerId: 'p1', status: 'submitted' });
const escalate = (overrides: Partial<Parameters<typeof decideEscalation>[0]> = {}) =>
  decideEscalation({
    registration: reg,
    callerPartnerId: 'p1',
    reason: 'No decision yet and the customer signs Friday.',
    now: addHours(T0, 30),
    ...overrides,
  });

describe('The registration record is the conversation: comments, escalation by the partner, status', () => {
  it('accepts a trimmed comment and refuses an empty one', () => {
    expect(decideComment('  Customer confirmed the budget. ')).toEqual({
      ok: true,
      reasons: [],
      value: { body: 'Customer confirmed the budget.' },
    });
    expect(decideComment(' ')).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('lets the owning partner escalate an open registration', () => {
    expect(escalate()).toEqual({
      ok: true,
      reasons: [],
      value: {
        escalatedAt: addHours(T0, 30),
        reason: 'No decision yet and the customer signs Friday.',
      },
    });
    expect(escalate({ registration: { ...reg, status: 'approved' } }).ok).toBe(true);
  });

  it('refuses other partners, the vendor, closed registrations and blank reasons', () => {
    expect(escalate({ callerPartnerId: 'p2' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(escalate({ callerPartnerId: null })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(escalate({ registration: { ...reg, status: 'won' } })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(escalate({ reason: '  ' })).toMatchObject({ ok: false, code: 'invalid_request' });
  });

  it('allows one escalation per 24 hours', () => {
    const escalated = { ...reg, escalatedAt: addHours(T0, 10) };
    expect(escalate({ registration: escalated, now: addHours(T0, 33.9) })).toMatchObject({
      ok: false,
      code: 'rule_refused',
    });
    expect(escalate({ registration: escalated, now: addHours(T0, 34) }).ok).toBe(true);
  });
});
