import { describe, expect, it } from 'vitest';
import { ReservationCheck } from '../../schemas/reservation.js';
import { checkReservation, type ReservationCheckInput } from './reservation-check.js';
import { ACCOUNTS, inDays, NOW, reservation } from './reservation-fixtures.js';

const check = (overrides: Partial<ReservationCheckInput>) =>
  checkReservation({
    accountId: 'globex-de',
    callerPartnerId: 'partner-2',
    accounts: ACCOUNTS,
    reservations: [],
    disclosure: 'existence',
    now: NOW,
    ...overrides,
  });

const held = reservation({
  id: 'res-9',
  partnerId: 'partner-1',
  accountId: 'globex',
  region: 'EMEA',
});

describe('checkReservation', () => {
  it('is open when nothing overlaps', () => {
    expect(check({})).toEqual({ accountId: 'globex-de', status: 'open' });
  });

  it('is vendor-direct for a vendor-direct account or one below it', () => {
    expect(check({ accountId: 'globex-gov' }).status).toBe('vendor_direct');
    expect(check({ accountId: 'globex-gov-dc', reservations: [held] }).status).toBe(
      'vendor_direct',
    );
  });

  it('stays open on a parent whose only vendor-direct part is a descendant', () => {
    expect(check({ accountId: 'globex' }).status).toBe('open');
  });

  it('shows the caller its own reservation with the expiry', () => {
    const result = check({ callerPartnerId: 'partner-1', reservations: [held] });
    expect(result).toEqual({
      accountId: 'globex-de',
      status: 'reserved_by_you',
      reservation: {
        id: 'res-9',
        expiresAt: held.expiresAt,
        accountId: 'globex',
        region: 'EMEA',
        partnerId: 'partner-1',
      },
    });
    expect(ReservationCheck.safeParse(result).success).toBe(true);
  });

  it("hides the other holder unless disclosure is identity, and never shows another partner's record id", () => {
    const existence = check({ reservations: [held] });
    expect(existence.status).toBe('reserved_by_other');
    expect(existence.reservation).toEqual({
      expiresAt: held.expiresAt,
      accountId: 'globex',
      region: 'EMEA',
    });
    const identity = check({ reservations: [held], disclosure: 'identity' }).reservation;
    expect(identity?.partnerId).toBe('partner-1');
    expect(identity?.id).toBeUndefined();
    expect(check({ callerPartnerId: null, reservations: [held] }).reservation?.id).toBe('res-9');
    expect(check({ reservations: [held], disclosure: 'none' })).toEqual({
      accountId: 'globex-de',
      status: 'reserved_by_other',
    });
  });

  it('always names the holder to the vendor', () => {
    const result = check({ callerPartnerId: null, reservations: [held], disclosure: 'none' });
    expect(result.status).toBe('reserved_by_other');
    expect(result.reservation?.partnerId).toBe('partner-1');
  });

  it('ignores reservations in other regions, released, expired or past their expiry', () => {
    const reservations = [
      reservation({ id: 'r1', accountId: 'globex', region: 'NA' }),
      reservation({ id: 'r2', status: 'released' }),
      reservation({ id: 'r3', status: 'expired' }),
      reservation({ id: 'r4', expiresAt: NOW }),
      reservation({ id: 'r5', accountId: 'globex-us' }),
    ];
    expect(check({ reservations, region: 'EMEA' }).status).toBe('open');
  });

  it('counts every region when the caller gives none', () => {
    const onlyNa = reservation({ accountId: 'globex', region: 'NA' });
    expect(check({ reservations: [onlyNa] }).status).toBe('reserved_by_other');
    expect(check({ reservations: [onlyNa], region: null }).status).toBe('reserved_by_other');
  });

  it('sees a descendant reservation from the parent', () => {
    const onBerlin = reservation({ accountId: 'globex-berlin', expiresAt: inDays(10) });
    expect(check({ accountId: 'globex', reservations: [onBerlin] }).reservation?.accountId).toBe(
      'globex-berlin',
    );
  });

  it("reports another partner's reservation before the caller's own", () => {
    const own = reservation({
      id: 'own',
      partnerId: 'partner-2',
      accountId: 'globex-de',
      createdAt: inDays(-9),
    });
    const other = reservation({ id: 'other', partnerId: 'partner-1', accountId: 'globex-us' });
    const result = check({ accountId: 'globex', reservations: [own, other] });
    expect(result.status).toBe('reserved_by_other');
    expect(result.reservation?.accountId).toBe('globex-us');
  });
});
