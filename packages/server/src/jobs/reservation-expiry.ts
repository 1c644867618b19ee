import { expireReservations } from '@openprm/core';
import { type ReservationRow, toReservation } from '../queries/reservations.js';
import { recordAudit, recordEvent } from '../services/outbox.js';
import { systemActor } from '../services/registration-trail.js';
import type { Job } from './job.js';

/** Reservations that ran out (DESIGN §2.1): `active` → `expired`, with audit and event. */
export const reservationExpiry: Job = {
  name: 'reservation-expiry',
  lockId: 727_101,
  async runBatch({ tx, now, afterId, limit }) {
    // The SQL only narrows the candidates (and locks them); core's rule decides.
    const claimed = await tx.query<ReservationRow>(
      `select * from reservations
       where status = 'active' and expires_at <= $1 and id > $2
       order by id limit $3 for update skip locked`,
      [now, afterId, limit],
    );
    const due = expireReservations(claimed.map(toReservation), now);
    const expired =
      due.length === 0
        ? []
        : await tx.query<ReservationRow>(
            `update reservations set status = 'expired' where id = any($1::text[]) returning *`,
            [due],
          );
    for (const row of expired) {
      const subject = { type: 'reservation', id: row.id };
      await recordAudit(tx, {
        subject,
        partnerId: row.partner_id,
        at: now,
        actor: systemActor('reservation period'),
        action: 'reservation.expired',
        from: 'active',
        to: row.status,
        data: { expiresAt: row.expires_at.toISOString() },
      });
      await recordEvent(tx, {
        type: 'reservation.expired',
        at: now,
        partnerId: row.partner_id,
        subject,
        data: { reservation: toReservation(row) },
      });
    }
    return { claimed: claimed.length, changed: expired.length, lastId: claimed.at(-1)?.id ?? null };
  },
};
