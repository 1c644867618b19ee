import { describe, expect, it } from 'vitest';
import { ACCOUNTS, inDays, NOW, reservation } from './reservation-fixtures.js';
import {
  findBlockingReservations,
  isReservationInForce,
  reservationCovers,
  scopesOverlap,
} from './reservation-overlap.js';

describe('isReservationInForce', () => {
  it('is true only for active reservations that have not reached expiresAt', () => {
    expect(isReservationInForce(reservation(), NOW)).toBe(true);
    expect(isReservationInForce(reservation({ expiresAt: NOW }), NOW)).toBe(false);
    expect(isReservationInForce(reservation({ status: 'released' }), NOW)).toBe(false);
    expect(isReservationInForce(reservation({ status: 'expired' }), NOW)).toBe(false);
  });

  it('accepts a Date as now', () => {
    expect(isReservationInForce(reservation({ expiresAt: inDays(1) }), new Date(inDays(2)))).toBe(
      false,
    );
  });
});

describe('scopesOverlap', () => {
  it('needs accounts on one branch and overlapping regions', () => {
    const de = { accountId: 'globex-de', region: 'EMEA' };
    expect(scopesOverlap(ACCOUNTS, de, { accountId: 'globex', region: null })).toBe(true);
    expect(scopesOverlap(ACCOUNTS, de, { accountId: 'globex-berlin', region: 'emea' })).toBe(true);
    expect(scopesOverlap(ACCOUNTS, de, { accountId: 'globex-berlin', region: 'NA' })).toBe(false);
    expect(scopesOverlap(ACCOUNTS, de, { accountId: 'globex-us', region: 'EMEA' })).toBe(false);
  });
});

describe('findBlockingReservations', () => {
  it('returns the overlapping reservations in force, first come first', () => {
    const later = reservation({ id: 'later', accountId: 'globex-berlin', createdAt: inDays(-1) });
    const earlier = reservation({
      id: 'earlier',
      accountId: 'globex',
      region: 'EMEA',
      createdAt: inDays(-5),
    });
    const released = reservation({ id: 'released', status: 'released' });
    const elsewhere = reservation({ id: 'elsewhere', accountId: 'globex-us' });
    const found = findBlockingReservations(
      ACCOUNTS,
      [later, released, elsewhere, earlier],
      { accountId: 'globex-de', region: 'EMEA' },
      NOW,
    );
    expect(found.map((r) => r.id)).toEqual(['earlier', 'later']);
  });
});

describe('reservationCovers', () => {
  const onGlobex = { accountId: 'globex', region: null };

  it('covers the account and its descendants', () => {
    expect(reservationCovers(ACCOUNTS, onGlobex, { accountId: 'globex', region: 'NA' })).toBe(true);
    expect(
      reservationCovers(ACCOUNTS, onGlobex, { accountId: 'globex-berlin', region: null }),
    ).toBe(true);
    expect(reservationCovers(ACCOUNTS, onGlobex, { accountId: 'initech', region: null })).toBe(
      false,
    );
  });

  it('does not cover an ancestor', () => {
    const onDe = { accountId: 'globex-de', region: null };
    expect(reservationCovers(ACCOUNTS, onDe, { accountId: 'globex', region: null })).toBe(false);
  });

  it('never covers a vendor-direct branch, even below a reserved parent', () => {
    expect(reservationCovers(ACCOUNTS, onGlobex, { accountId: 'globex-gov', region: null })).toBe(
      false,
    );
    expect(
      reservationCovers(ACCOUNTS, onGlobex, { accountId: 'globex-gov-dc', region: null }),
    ).toBe(false);
  });

  it('covers only its own region, and all regions only when unlimited', () => {
    const emea = { accountId: 'globex', region: 'EMEA' };
    expect(reservationCovers(ACCOUNTS, emea, { accountId: 'globex-de', region: 'emea' })).toBe(
      true,
    );
    expect(reservationCovers(ACCOUNTS, emea, { accountId: 'globex-de', region: 'NA' })).toBe(false);
    expect(reservationCovers(ACCOUNTS, emea, { accountId: 'globex-de', region: null })).toBe(false);
  });
});
