/**
 * Which reservations the demo history holds: on each partner's own territory a current one
 * (fresh or renewed) and a past one (released or expired), at times that never overlap, plus
 * partner 2's hold on Nimbarra Retail. `reservations.ts` plays them through core's rules.
 */
import { addDays, addHours, decideGatedAction, type PendingContract, toMs } from '@openprm/core';
import type { AccountTree } from './accounts.js';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { Random } from './prng.js';
import type { Territory } from './territories.js';
import { compareText } from './util.js';
import type { DemoAccount, DemoPartner } from './world.js';

type Fate = 'active' | 'renewed' | 'released' | 'expired';

export interface ReservationPlan {
  partner: DemoPartner;
  tree: AccountTree;
  account: DemoAccount;
  region: string | null;
  createdAt: string;
  fate: Fate;
  /** Days after creation the renewal or release happens. */
  afterDays: number;
}

/** Accounts a partner would reserve: the root or a subsidiary in its own region. */
const reservable = (tree: AccountTree, partner: DemoPartner) => {
  const candidates = tree.accounts.filter(
    (a) => !a.vendorDirect && (a.parentId === null || a.parentId === tree.rootId),
  );
  const local = candidates.filter((a) => a.region === partner.region && a.parentId !== null);
  return local.length > 0 ? local : candidates.filter((a) => a.parentId === null);
};

/** Demo partners: one fresh reservation and one renewed one. */
const DEMO_FATES: readonly Fate[] = ['active', 'renewed'];

/** About half the trees are reserved right now, a fifth of those renewed once. */
const currentFate = (rng: Random): Fate | null =>
  rng.chance(0.45) ? (rng.chance(0.2) ? 'renewed' : 'active') : null;

const planFor = (
  rng: Random,
  now: string,
  partner: DemoPartner,
  tree: AccountTree,
  fate: Fate,
): ReservationPlan => {
  const account = rng.pick(reservable(tree, partner));
  const ranges: Record<Fate, [number, number]> = {
    active: [3, 80],
    renewed: [100, 130],
    released: [200, 400],
    expired: [250, 420],
  };
  const [from, to] = ranges[fate];
  return {
    partner,
    tree,
    account,
    region: rng.chance(0.3) ? partner.region : null,
    createdAt: addHours(addDays(now, -rng.int(from, to)), rng.int(8, 17) - 12),
    fate,
    afterDays: fate === 'renewed' ? rng.int(80, 88) : rng.int(5, 40),
  };
};

export type PendingAt = (partnerId: string, at: string) => PendingContract[];

/** A partner who has to accept new terms first reserves right after accepting them. */
const afterGate = (plan: ReservationPlan, pendingAt: PendingAt): ReservationPlan => {
  let createdAt = plan.createdAt;
  const gated = (at: string) =>
    !decideGatedAction({ action: 'reservation.create', pending: pendingAt(plan.partner.id, at) })
      .ok;
  for (let day = 0; day < 30 && gated(createdAt); day++) createdAt = addDays(createdAt, 1);
  return { ...plan, createdAt };
};

export const reservationPlans = (
  rng: Random,
  now: string,
  territories: readonly Territory[],
  nimbarra: AccountTree,
  partner2: DemoPartner,
  pendingAt: PendingAt,
) => {
  const plans: ReservationPlan[] = [];
  for (const { partner, trees } of territories) {
    const own = rng.fork(partner.id);
    const isDemo = Object.values(DEMO_PARTNER_IDS).includes(partner.id as never);
    trees.forEach((tree, index) => {
      // The demo partners hold live reservations on their first two trees.
      const current = isDemo && index < 2 ? DEMO_FATES[index] : currentFate(own);
      const past: Fate | null = own.chance(0.4) ? (own.chance(0.5) ? 'released' : 'expired') : null;
      if (past) plans.push(planFor(own, now, partner, tree, past));
      if (current) plans.push(planFor(own, now, partner, tree, current));
    });
  }
  // Nimbarra Retail: partner 2 holds the whole group, so a later registration by someone else clashes.
  const root = nimbarra.accounts.find((a) => a.parentId === null) as DemoAccount;
  plans.push({
    partner: partner2,
    tree: nimbarra,
    account: root,
    region: null,
    createdAt: addDays(now, -20),
    fate: 'active',
    afterDays: 0,
  });
  return plans
    .map((plan) => afterGate(plan, pendingAt))
    .sort(
      (a, b) => toMs(a.createdAt) - toMs(b.createdAt) || compareText(a.account.id, b.account.id),
    );
};
