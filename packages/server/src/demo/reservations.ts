/**
 * Account reservations with a history: active ones (some renewed), released ones and expired
 * ones. Each is granted, renewed, released and expired by core's rules at the moment it
 * happened, against the reservations of its tree as they stood then.
 */
import {
  type AccountIndex,
  addDays,
  decideGatedAction,
  decideRelease,
  decideRenewal,
  decideReservation,
  expireReservations,
  indexAccounts,
  type ProgramSettings,
  type Reservation,
  toMs,
} from '@openprm/core';
import type { AccountTree } from './accounts.js';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { Random } from './prng.js';
import { type PendingAt, reservationPlans } from './reservation-plans.js';
import type { Territory } from './territories.js';
import { jobRunAfter, sequentialId } from './util.js';
import type { DemoActor, DemoAudit, DemoPartner, DemoReservation } from './world.js';

/** A reservation with what it looked like before its renewal, to answer "as of then". */
export interface ReservationHistory extends DemoReservation {
  renewedAt: string | null;
  originalExpiresAt: string;
  expiredAt: string | null;
}

export interface ReservationWorld {
  reservations: ReservationHistory[];
  audits: Omit<DemoAudit, 'id'>[];
  /** The tree's reservations as they stood at `at` (for the conflict rules). */
  claimsAt(rootId: string, at: string): Reservation[];
}

/** The expiry sweep, named as the server's job names itself (`jobs/job.ts`). */
const SYSTEM_EXPIRY: DemoActor = { type: 'system', id: 'job:reservation-expiry' };

const refused = (what: string, reasons: readonly { message: string }[]) =>
  new Error(`Demo data contradicts a rule (${what}): ${reasons.map((r) => r.message).join(' ')}`);

export const buildReservations = (
  rng: Random,
  now: string,
  settings: ProgramSettings,
  territories: readonly Territory[],
  trees: readonly AccountTree[],
  partners: readonly DemoPartner[],
  pendingAt: PendingAt,
): ReservationWorld => {
  const indexes = new Map<string, AccountIndex>(
    trees.map((t) => [t.rootId, indexAccounts(t.accounts)]),
  );
  const nimbarra = trees.find((t) => t.anchor === 'reservedByPartner2') as AccountTree;
  const partner2 = partners.find((p) => p.id === DEMO_PARTNER_IDS.partner2) as DemoPartner;
  const reservations: ReservationHistory[] = [];
  const audits: Omit<DemoAudit, 'id'>[] = [];

  const stateAt = (r: ReservationHistory, at: string): Reservation | null => {
    if (toMs(at) < toMs(r.createdAt)) return null;
    const released = r.releasedAt !== null && toMs(at) >= toMs(r.releasedAt);
    const expired = r.expiredAt !== null && toMs(at) >= toMs(r.expiredAt);
    const beforeRenewal = r.renewedAt !== null && toMs(at) < toMs(r.renewedAt);
    return {
      id: r.id,
      partnerId: r.partnerId,
      accountId: r.accountId,
      region: r.region,
      status: released ? 'released' : expired ? 'expired' : 'active',
      createdAt: r.createdAt,
      expiresAt: beforeRenewal ? r.originalExpiresAt : r.expiresAt,
      renewals: beforeRenewal ? 0 : r.renewals,
      ...(released && r.releasedAt ? { releasedAt: r.releasedAt } : {}),
    };
  };
  const claimsAt = (rootId: string, at: string) =>
    reservations
      .filter((r) => r.rootId === rootId)
      .map((r) => stateAt(r, at))
      .filter((r): r is Reservation => r !== null);

  const audit = (
    r: ReservationHistory,
    at: string,
    actor: DemoActor,
    action: string,
    from: string | null,
    to: string,
    data: Record<string, unknown> | null = null,
  ) =>
    audits.push({
      subjectType: 'reservation',
      subjectId: r.id,
      partnerId: r.partnerId,
      at,
      actor,
      action,
      from,
      to,
      data,
    });

  reservationPlans(rng, now, territories, nimbarra, partner2, pendingAt).forEach((plan, index) => {
    const { partner, tree, account, createdAt } = plan;
    const accounts = indexes.get(tree.rootId) as AccountIndex;
    const gate = decideGatedAction({
      action: 'reservation.create',
      pending: pendingAt(partner.id, createdAt),
    });
    if (!gate.ok) throw refused(`reserving ${account.id} for ${partner.id}`, gate.reasons);
    const granted = decideReservation({
      accountId: account.id,
      partnerId: partner.id,
      region: plan.region,
      accounts,
      reservations: claimsAt(tree.rootId, createdAt),
      settings,
      now: createdAt,
    });
    if (!granted.ok) throw refused(`reserving ${account.id} for ${partner.id}`, granted.reasons);
    const r: ReservationHistory = {
      id: sequentialId('res', index),
      partnerId: partner.id,
      accountId: account.id,
      rootId: tree.rootId,
      region: granted.value.region,
      status: 'active',
      createdAt,
      expiresAt: granted.value.expiresAt,
      renewals: 0,
      releasedAt: null,
      renewedAt: null,
      originalExpiresAt: granted.value.expiresAt,
      expiredAt: null,
    };
    reservations.push(r);
    audit(r, createdAt, partner.rep, 'reservation.created', null, 'active');

    const later = addDays(createdAt, plan.afterDays);
    if (plan.fate === 'renewed') {
      const renewal = decideRenewal({
        reservation: r,
        partnerId: partner.id,
        settings,
        now: later,
      });
      if (!renewal.ok) throw refused(`renewing ${r.id}`, renewal.reasons);
      Object.assign(r, { ...renewal.value, renewedAt: later });
      audit(r, later, partner.rep, 'reservation.renewed', 'active', 'active', {
        expiresAt: r.expiresAt,
      });
    }
    if (plan.fate === 'released') {
      const release = decideRelease({ reservation: r, callerPartnerId: partner.id, now: later });
      if (!release.ok) throw refused(`releasing ${r.id}`, release.reasons);
      Object.assign(r, release.value);
      audit(r, later, partner.admin, 'reservation.released', 'active', 'released');
    }
    // The expiry sweep runs every minute: anything past its end by `now` has been marked.
    const sweep = jobRunAfter(r.expiresAt);
    if (toMs(sweep) <= toMs(now) && expireReservations([r], sweep).includes(r.id)) {
      Object.assign(r, { status: 'expired', expiredAt: sweep });
      audit(r, sweep, SYSTEM_EXPIRY, 'reservation.expired', 'active', 'expired', {
        expiresAt: r.expiresAt,
      });
    }
  });
  return { reservations, audits, claimsAt };
};
