/**
 * Which partner works which customer tree in the generated history. Each generated tree goes to
 * at most one partner of its region, so random deals and reservations never clash by accident:
 * every conflict in the demo is one of the deliberate anchor scenarios. About a fifth of the
 * trees stay unworked, so there is always open ground to reserve.
 */
import { addDays, toMs } from '@openprm/core';
import type { AccountTree } from './accounts.js';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { Random } from './prng.js';
import type { DemoPartner } from './world.js';

export interface Territory {
  partner: DemoPartner;
  trees: AccountTree[];
}

/** Partners younger than this have no history yet. */
const NEWCOMER_DAYS = 60;

export const assignTerritories = (
  rng: Random,
  now: string,
  partners: readonly DemoPartner[],
  trees: readonly AccountTree[],
): Territory[] => {
  const established = partners.filter(
    (p) => toMs(p.createdAt) < toMs(addDays(now, -NEWCOMER_DAYS)),
  );
  const territories = new Map(established.map((partner) => [partner.id, [] as AccountTree[]]));
  const demoIds: string[] = [DEMO_PARTNER_IDS.partner1, DEMO_PARTNER_IDS.partner2];
  const workable = trees.filter((tree) => tree.anchor === null && !tree.vendorDirect);
  for (const region of new Set(workable.map((tree) => tree.region))) {
    const local = rng.shuffle(workable.filter((tree) => tree.region === region));
    const keep = Math.ceil(local.length * 0.8);
    const candidates = established.filter((p) => p.region === region);
    // The demo partners get three trees each, first; the others one each, in a shuffled order.
    const order = [
      ...demoIds.flatMap((id) => {
        const partner = candidates.find((p) => p.id === id);
        return partner ? [partner, partner, partner] : [];
      }),
      ...rng.shuffle(candidates.filter((p) => !demoIds.includes(p.id))),
    ];
    local.slice(0, keep).forEach((tree, index) => {
      const partner = order[index % Math.max(1, order.length)];
      if (partner) territories.get(partner.id)?.push(tree);
    });
  }
  return established.map((partner) => ({ partner, trees: territories.get(partner.id) ?? [] }));
};
