import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reservation } from '../../schemas/reservation.js';
import { expireReservations } from './reservation-expiry.js';
import { inDays, NOW, reservation } from './reservation-fixtures.js';

describe('expireReservations', () => {
  it('picks active reservations whose expiry has come, and nothing else', () => {
    const reservations = [
      reservation({ id: 'due', expiresAt: NOW }),
      reservation({ id: 'overdue', expiresAt: inDays(-3) }),
      reservation({ id: 'running', expiresAt: inDays(1) }),
      reservation({ id: 'released', status: 'released', expiresAt: inDays(-3) }),
      reservation({ id: 'expired', status: 'expired', expiresAt: inDays(-3) }),
    ];
    expect(expireReservations(reservations, NOW)).toEqual(['due', 'overdue']);
  });

  it('is idempotent: after marking the picked ones expired, a second sweep picks none', () => {
    const status = fc.constantFrom<Reservation['status']>('active', 'released', 'expired');
    const item = fc.record({ status, expiresIn: fc.integer({ min: -100, max: 100 }) });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 20 }),
        fc.integer({ min: 0, max: 50 }),
        (items, later) => {
          const reservations = items.map((it, i) =>
            reservation({ id: `r${i}`, status: it.status, expiresAt: inDays(it.expiresIn) }),
          );
          const due = new Set(expireReservations(reservations, NOW));
          const swept = reservations.map((r) =>
            due.has(r.id) ? { ...r, status: 'expired' as const } : r,
          );
          expect(expireReservations(swept, NOW)).toEqual([]);
          // Later sweeps only pick reservations that were still running at the first one.
          for (const id of expireReservations(swept, inDays(later))) {
            expect(due.has(id)).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
