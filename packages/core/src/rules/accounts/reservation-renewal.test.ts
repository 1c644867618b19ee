import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM } from '../../schemas/program.js';
import { inDays, NOW, reservation } from './reservation-fixtures.js';
import { decideRenewal } from './reservation-renewal.js';

const renew = (overrides: Parameters<typeof reservation>[0] = {}, partnerId = 'partner-1') =>
  decideRenewal({
    reservation: reservation(overrides),
    partnerId,
    settings: DEFAULT_PROGRAM,
    now: NOW,
  });

describe('decideRenewal', () => {
  it('extends by reservationDays from now and counts the renewal', () => {
    expect(renew({ expiresAt: inDays(5), renewals: 1 })).toEqual({
      ok: true,
      value: { expiresAt: inDays(90), renewals: 2 },
      reasons: [],
    });
  });

  it('never moves the expiry earlier than it already is', () => {
    const decision = decideRenewal({
      reservation: reservation({ expiresAt: inDays(60) }),
      partnerId: 'partner-1',
      settings: { ...DEFAULT_PROGRAM, reservationDays: 30 },
      now: NOW,
    });
    expect(decision.ok && decision.value.expiresAt).toBe(inDays(60));
  });

  it('lets only the holder renew', () => {
    const decision = renew({}, 'partner-2');
    expect(!decision.ok && decision.code).toBe('forbidden');
  });

  it('refuses a released, expired or lapsed reservation as an invalid transition', () => {
    for (const overrides of [
      { status: 'released' as const },
      { status: 'expired' as const },
      { expiresAt: NOW },
    ]) {
      const decision = renew(overrides);
      expect(!decision.ok && decision.code).toBe('invalid_transition');
      expect(!decision.ok && decision.reasons[0].message).toMatch(/reserve the account again/i);
    }
  });

  it('refuses once reservationMaxRenewals renewals were used', () => {
    const decision = renew({ renewals: DEFAULT_PROGRAM.reservationMaxRenewals });
    expect(!decision.ok && decision.code).toBe('renewal_limit_reached');
    expect(!decision.ok && decision.reasons[0].message).toContain('(2)');
    const none = decideRenewal({
      reservation: reservation(),
      partnerId: 'partner-1',
      settings: { ...DEFAULT_PROGRAM, reservationMaxRenewals: 0 },
      now: NOW,
    });
    expect(!none.ok && none.code).toBe('renewal_limit_reached');
  });
});
