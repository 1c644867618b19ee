/**
 * The deliberate stories of the demo, on the anchor trees (see README, "a walk through the
 * demo"): partner 1 first and contested, partner 1 outranked, a conflict the vendor resolved, a
 * registration against partner 2's reservation, vendor-direct rejections, and an extension story.
 */
import { addDays, addHours } from '@openprm/core';
import type { AccountTree, AnchorName } from './accounts.js';
import type { Random } from './prng.js';
import { dealOf, type RegistrationPlan } from './registration-plans.js';
import type { DemoAccount, DemoPartner } from './world.js';

export interface ScenarioCast {
  partner1: DemoPartner;
  partner2: DemoPartner;
  /** Partners (not the demo ones) who have accepted today's terms, so they may register now. */
  current: DemoPartner[];
  /** Any other established partners. */
  others: DemoPartner[];
}

const accountOf = (trees: readonly AccountTree[], anchor: AnchorName, suffix = '') => {
  const tree = trees.find((t) => t.anchor === anchor) as AccountTree;
  const account = tree.accounts.find((a) => a.id === `${tree.rootId}${suffix}`);
  if (!account) throw new Error(`Demo anchor ${anchor} has no account ${tree.rootId}${suffix}`);
  return account;
};

/** The deliberate stories on the anchor trees; see README, "a walk through the demo". */
export const scenarioPlans = (
  rng: Random,
  now: string,
  trees: readonly AccountTree[],
  cast: ScenarioCast,
): RegistrationPlan[] => {
  const [contender, lateComer] = cast.current;
  const [earlyBird, runnerUp, anyone] = cast.others;
  if (!contender || !lateComer || !earlyBird || !runnerUp || !anyone) {
    throw new Error('The demo needs at least two current and three other established partners.');
  }
  const deal = (
    partner: DemoPartner,
    account: DemoAccount,
    submittedAt: string,
    products: string[],
    amount: number,
  ) => ({
    ...dealOf(rng, partner, account, submittedAt),
    products,
    amount,
  });
  const ago = (hours: number) => addHours(now, -hours);
  return [
    // Partner 1 registered first on Orchidell Health; nobody decided within 48 h, so partner 1
    // escalated; 18 hours ago another partner registered the same product line on a subsidiary.
    {
      ...deal(
        cast.partner1,
        accountOf(trees, 'partner1First'),
        ago(5 * 24),
        ['Helixa Firewall', 'Helixa Identity'],
        184_000,
      ),
      notes:
        'Group-wide firewall refresh, 14 sites. Decision maker: CISO. Order expected this quarter.',
      steps: [
        {
          kind: 'escalate',
          reason: 'No decision after three days; the customer wants to order this month.',
          at: ago(2 * 24),
        },
        {
          kind: 'comment',
          author: 'vendor',
          body: 'Sorry for the delay; the reviewer is back tomorrow and has this first in the queue.',
          at: ago(2 * 24 - 3),
        },
      ],
    },
    {
      ...deal(
        contender,
        accountOf(trees, 'partner1First', '_ie'),
        ago(18),
        ['Helixa Firewall'],
        62_000,
      ),
      steps: [],
    },
    // On Tidewhistle Logistics another partner came first; partner 1 is outranked.
    {
      ...deal(
        earlyBird,
        accountOf(trees, 'partner1Second', '_at'),
        ago(6.5 * 24),
        ['Helixa SD-WAN'],
        95_000,
      ),
      steps: [],
    },
    {
      ...deal(
        cast.partner1,
        accountOf(trees, 'partner1Second'),
        ago(5.5 * 24),
        ['Helixa SD-WAN', 'Helixa Edge Switches'],
        240_000,
      ),
      steps: [
        {
          kind: 'comment',
          author: 'vendor',
          body: 'Another partner registered SD-WAN on this group first; we are checking with both.',
          at: ago(4 * 24),
        },
      ],
    },
    // Brindlewood Energy: partner 2 came first and was approved, which rejected the runner-up; later won.
    {
      ...deal(
        cast.partner2,
        accountOf(trees, 'resolved', '_pt'),
        ago(40 * 24),
        ['Helixa Cloud Backup'],
        128_000,
      ),
      steps: [
        { kind: 'approve', at: ago(39 * 24) },
        {
          kind: 'close',
          outcome: 'won',
          reason: 'Purchase order received for three years.',
          at: ago(10 * 24),
        },
      ],
    },
    {
      ...deal(
        runnerUp,
        accountOf(trees, 'resolved'),
        ago(39.5 * 24),
        ['Helixa Cloud Backup'],
        140_000,
      ),
      steps: [],
    },
    // Nimbarra Retail is reserved by partner 2: this registration is flagged against the reservation.
    {
      ...deal(
        lateComer,
        accountOf(trees, 'reservedByPartner2', '_de'),
        ago(8),
        ['Helixa Analytics'],
        77_000,
      ),
      steps: [],
    },
    // Kestrelvane Aerospace is served by the vendor: rejected at once, with the reason.
    {
      ...deal(
        cast.partner1,
        accountOf(trees, 'vendorDirect', '_de'),
        ago(30 * 24),
        ['Helixa Firewall'],
        310_000,
      ),
      steps: [],
    },
    {
      ...deal(anyone, accountOf(trees, 'vendorDirect'), ago(75 * 24), ['Helixa SD-WAN'], 520_000),
      steps: [],
    },
    // Partner 1's protection on an approved deal: one extension granted, a second one pending.
    ...extensionStory(rng, now, cast.partner1, trees),
  ];
};

/** An approved deal of partner 1 with one extension granted and another awaiting a decision. */
const extensionStory = (
  rng: Random,
  now: string,
  partner1: DemoPartner,
  trees: readonly AccountTree[],
): RegistrationPlan[] => {
  const account = accountOf(trees, 'partner1First', '_ie');
  const submittedAt = addDays(now, -150);
  return [
    {
      ...dealOf(rng, partner1, account, submittedAt),
      products: ['Helixa Cloud Backup'],
      amount: 56_000,
      steps: [
        { kind: 'approve', at: addHours(submittedAt, 20) },
        {
          kind: 'requestExtension',
          days: 90,
          justification: 'Budget sign-off moved to the next board meeting.',
          at: addDays(submittedAt, 80),
        },
        {
          kind: 'decideExtension',
          approve: true,
          reason: 'Granted: the board date is confirmed.',
          at: addDays(submittedAt, 81),
        },
        {
          kind: 'requestExtension',
          days: 30,
          justification: 'Legal review of the contract takes longer than planned.',
          at: addDays(now, -2),
        },
      ],
    },
  ];
};
