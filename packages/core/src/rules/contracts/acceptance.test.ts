import { describe, expect, it } from 'vitest';
import { decideAcceptance } from './acceptance.js';
import { makeAcceptance, makeContract, makeVersion, NOW } from './contract-fixtures.js';

const contract = makeContract({ id: 'agreement', title: 'Program agreement', currentVersion: 2 });
const v1 = makeVersion('agreement', 1);
const v2 = makeVersion('agreement', 2);

const request = (overrides: Partial<Parameters<typeof decideAcceptance>[0]> = {}) =>
  decideAcceptance({
    contract,
    version: v2,
    currentVersion: 2,
    input: { hash: v2.hash, accepted: true },
    existing: [],
    partnerId: 'p1',
    userId: 'u1',
    now: NOW,
    ...overrides,
  });

describe('decideAcceptance', () => {
  it('records who accepted which text, when and from where', () => {
    const decision = request({
      now: new Date('2026-06-01T10:30:00+02:00'),
      clientInfo: { userAgent: 'Firefox', ip: '203.0.113.9' },
    });
    expect(decision).toEqual({
      ok: true,
      reasons: [],
      value: {
        created: true,
        acceptance: {
          contractId: 'agreement',
          version: 2,
          hash: v2.hash,
          userId: 'u1',
          partnerId: 'p1',
          acceptedAt: '2026-06-01T08:30:00.000Z',
          clientInfo: { userAgent: 'Firefox', ip: '203.0.113.9' },
        },
      },
    });
  });

  it('refuses a version that is not the current one with invalid_transition', () => {
    const decision = request({ version: v1, input: { hash: v1.hash, accepted: true } });
    expect(decision.ok).toBe(false);
    expect(decision.ok ? null : decision.code).toBe('invalid_transition');
    expect(decision.reasons[0]?.message).toBe(
      'Only the current version of "Program agreement" can be accepted; version 1 is not current (it is 2).',
    );
  });

  it('refuses when no version is published yet', () => {
    const decision = request({ currentVersion: null });
    expect(decision.ok ? null : decision.code).toBe('invalid_transition');
  });

  it('refuses a version of another contract', () => {
    const decision = request({ version: makeVersion('nda', 2) });
    expect(decision.ok ? null : decision.code).toBe('invalid_transition');
  });

  it('refuses with hash_mismatch when the accepted text is not the published one', () => {
    const decision = request({ input: { hash: v1.hash, accepted: true } });
    expect(decision.ok ? null : decision.code).toBe('hash_mismatch');
  });

  it('refuses an acceptance that is not explicit', () => {
    const input = { hash: v2.hash, accepted: false } as unknown as { hash: string; accepted: true };
    const decision = request({ input });
    expect(decision.ok ? null : decision.code).toBe('rule_refused');
  });

  it('is idempotent: accepting the same version again returns the existing record', () => {
    const existing = makeAcceptance('p1', v2, 'acc-1');
    const decision = request({ existing: [makeAcceptance('p1', v1), existing], userId: 'u2' });
    expect(decision).toEqual({
      ok: true,
      reasons: [],
      value: { created: false, acceptance: existing },
    });
  });

  it("does not take another partner's acceptance for this partner's", () => {
    const decision = request({ existing: [makeAcceptance('p2', v2)] });
    expect(decision.ok && decision.value.created).toBe(true);
  });
});
