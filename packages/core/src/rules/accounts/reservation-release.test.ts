import { describe, expect, it } from 'vitest';
import { NOW, reservation } from './reservation-fixtures.js';
import { decideRelease } from './reservation-release.js';

describe('decideRelease', () => {
  it('lets the holder release an active reservation, stamped with now', () => {
    expect(
      decideRelease({ reservation: reservation(), callerPartnerId: 'partner-1', now: NOW }),
    ).toEqual({
      ok: true,
      value: { status: 'released', releasedAt: NOW },
      reasons: [],
    });
  });

  it('lets the vendor release any partner’s reservation', () => {
    expect(
      decideRelease({ reservation: reservation(), callerPartnerId: null, now: new Date(NOW) }).ok,
    ).toBe(true);
  });

  it('refuses another partner', () => {
    const decision = decideRelease({
      reservation: reservation(),
      callerPartnerId: 'partner-2',
      now: NOW,
    });
    expect(!decision.ok && decision.code).toBe('forbidden');
  });

  it('refuses a reservation that is no longer active or already past its expiry', () => {
    for (const overrides of [
      { status: 'released' as const },
      { status: 'expired' as const },
      { expiresAt: NOW },
    ]) {
      const decision = decideRelease({
        reservation: reservation(overrides),
        callerPartnerId: null,
        now: NOW,
      });
      expect(!decision.ok && decision.code).toBe('invalid_transition');
    }
  });
});
