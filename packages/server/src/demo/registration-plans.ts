/**
 * What happens to each demo registration, as a plan of timed steps: here the generated history
 * of every partner on its own territory (the deliberate stories are in
 * `registration-scenarios.ts`). The engine (`registration-engine.ts`) plays the plans through
 * core's rules in time order; steps later than `now` have not happened and are dropped there.
 */
import {
  addDays,
  addHours,
  MANUAL_REJECTION_CODES,
  type PendingContract,
  type RejectionCode,
  toMs,
} from '@openprm/core';
import type { NewRegistrationRow } from '../queries/submissions.js';
import { PRODUCTS } from './catalog.js';
import { DEAL_CURRENCY } from './geography.js';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { Random } from './prng.js';
import type { Territory } from './territories.js';
import { roundAmount, wholeMinute } from './util.js';
import type { DemoAccount, DemoActor, DemoPartner } from './world.js';

export type PlannedStep =
  | { kind: 'approve'; note?: string }
  | { kind: 'reject'; code: RejectionCode; reason: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'close'; outcome: 'won' | 'lost'; reason: string }
  | { kind: 'comment'; author: 'partner' | 'vendor'; body: string }
  | { kind: 'escalate'; reason: string }
  | { kind: 'requestExtension'; days: number; justification: string }
  | { kind: 'decideExtension'; approve: boolean; reason?: string };

/** A deal the demo submits: the fields a submission stores, who for, and what happens next. */
export interface RegistrationPlan
  extends Pick<
    NewRegistrationRow,
    'products' | 'amount' | 'currency' | 'expectedCloseDate' | 'notes' | 'submittedAt'
  > {
  partner: DemoPartner;
  account: DemoAccount;
  submitter: DemoActor;
  steps: (PlannedStep & { at: string })[];
}

type Fate =
  | 'pending'
  | 'breached'
  | 'approved'
  | 'rejected'
  | 'won'
  | 'lost'
  | 'expired'
  | 'withdrawn';

const FATES: readonly [Fate, number][] = [
  ['approved', 22],
  ['rejected', 13],
  ['won', 18],
  ['lost', 10],
  ['expired', 10],
  ['withdrawn', 9],
  ['pending', 12],
  ['breached', 5],
];

/** Days since submission for each fate: long enough for what follows to have happened. */
const AGE_DAYS: Readonly<Record<Fate, [number, number]>> = {
  pending: [0.1, 1.6],
  breached: [4.3, 10],
  approved: [5, 80],
  rejected: [3, 250],
  won: [40, 300],
  lost: [40, 300],
  expired: [100, 300],
  withdrawn: [3, 200],
};

const REJECTIONS: Readonly<Partial<Record<RejectionCode, string>>> = {
  insufficient_information:
    'The registration names neither the decision maker nor the project timeline; register again with both.',
  not_qualified:
    'Deals under 20,000 of product value are outside deal registration; quote them from the standard price list.',
  existing_vendor_opportunity:
    'Our enterprise team has been working this opportunity with the customer since last quarter.',
  duplicate: 'Your company already registered this deal for the same account and product line.',
  outside_program:
    'Your company is not yet authorised for this product line; complete the specialisation first.',
  other: 'The customer told us the project has been cancelled.',
};

const NOTES = [
  'Customer is consolidating branch firewalls; budget approved for this quarter.',
  'Replacing an end-of-life competitor platform across all sites.',
  'Pilot in one country first, group-wide roll-out planned next year.',
  'Tender published; we are shortlisted with two others.',
  'Renewal of the maintenance contract plus an expansion to the new offices.',
  'CIO sponsor met at our security round table; proof of concept agreed.',
];

const pickFate = (rng: Random): Fate => {
  const total = FATES.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [fate, weight] of FATES) {
    roll -= weight;
    if (roll < 0) return fate;
  }
  return 'approved';
};

/** The decision normally comes within the SLA; now and then a reviewer is late. */
const decisionDelayHours = (rng: Random) =>
  rng.chance(0.1) ? rng.between(50, 70) : rng.between(2, 40);

export const dealOf = (
  rng: Random,
  partner: DemoPartner,
  account: DemoAccount,
  submittedAt: string,
) => ({
  products: rng.sample(PRODUCTS, rng.chance(0.3) ? 2 : 1),
  amount: roundAmount(rng.between(12_000, 850_000)),
  currency: DEAL_CURRENCY[partner.region],
  expectedCloseDate: addDays(submittedAt, rng.int(30, 150)).slice(0, 10),
  notes: rng.chance(0.5) ? rng.pick(NOTES) : null,
  submitter: rng.chance(0.7) ? partner.rep : partner.admin,
  account,
  partner,
  submittedAt,
});

const stepsFor = (
  rng: Random,
  fate: Fate,
  submittedAt: string,
  now: string,
): RegistrationPlan['steps'] => {
  const decidedAt = addHours(submittedAt, decisionDelayHours(rng));
  const approve = { kind: 'approve' as const, at: decidedAt };
  const code = rng.pick(MANUAL_REJECTION_CODES.filter((c) => c in REJECTIONS));
  switch (fate) {
    case 'pending':
    case 'breached':
      return [];
    case 'rejected':
      return [{ kind: 'reject', code, reason: REJECTIONS[code] as string, at: decidedAt }];
    case 'withdrawn':
      return rng.chance(0.5)
        ? [
            {
              kind: 'withdraw',
              reason: 'The customer postponed the project.',
              at: addHours(submittedAt, rng.between(1, 30)),
            },
          ]
        : [
            approve,
            {
              kind: 'withdraw',
              reason: 'The customer chose to buy through its framework supplier.',
              at: addDays(decidedAt, rng.between(3, 40)),
            },
          ];
    case 'won':
    case 'lost': {
      const closedAt = addDays(decidedAt, rng.between(10, 85));
      const reason =
        fate === 'won'
          ? 'Purchase order received.'
          : 'The customer stayed with its current supplier.';
      return [
        approve,
        {
          kind: 'close',
          outcome: fate,
          reason,
          at: toMs(closedAt) < toMs(now) ? closedAt : addHours(now, -1),
        },
      ];
    }
    case 'expired':
      return [approve];
    case 'approved': {
      const steps: RegistrationPlan['steps'] = [approve];
      if (rng.chance(0.25)) {
        steps.push({
          kind: 'comment',
          author: 'vendor',
          body: 'Approved. Please keep the close date current in the registration.',
          at: addHours(decidedAt, 1),
        });
      }
      return steps;
    }
  }
};

/** The demo partners have a fuller history than most. */
const DEMO_DEAL_COUNTS: Readonly<Record<string, number>> = {
  [DEMO_PARTNER_IDS.partner1]: 12,
  [DEMO_PARTNER_IDS.partner2]: 10,
};

/** Generated history on each partner's own territory. */
export const territoryPlans = (
  rng: Random,
  now: string,
  territories: readonly Territory[],
  pendingAt: (partnerId: string, at: string) => PendingContract[],
) => {
  const plans: RegistrationPlan[] = [];
  for (const { partner, trees } of territories) {
    if (trees.length === 0) continue;
    const own = rng.fork(`registrations:${partner.id}`);
    const count = DEMO_DEAL_COUNTS[partner.id] ?? own.int(1, 5);
    // A partner that has not accepted today's terms cannot have registered since they changed.
    const gatedToday = pendingAt(partner.id, now).some((c) =>
      c.gates.includes('registration.submit'),
    );
    for (let i = 0; i < count; i++) {
      let fate = pickFate(own);
      if (fate === 'pending' && gatedToday) fate = 'approved';
      const [from, to] = AGE_DAYS[fate];
      const submittedAt = wholeMinute(addHours(now, -own.between(from, to) * 24));
      const tree = own.pick(trees);
      const local = tree.accounts.filter((a) => a.region === partner.region && !a.vendorDirect);
      const account = own.pick(
        local.length > 0 ? local : tree.accounts.filter((a) => !a.vendorDirect),
      );
      plans.push({
        ...dealOf(own, partner, account, submittedAt),
        steps: stepsFor(own, fate, submittedAt, now).map((step) => ({
          ...step,
          at: wholeMinute(step.at),
        })),
      });
    }
  }
  return plans;
};
