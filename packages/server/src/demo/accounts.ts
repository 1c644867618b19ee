/**
 * Customer account trees: global parents with country subsidiaries and offices, regional groups
 * and single-country companies, a few of them vendor-direct. A handful of hand-made "anchor"
 * trees carry the scenarios the README walks through; the rest is generated.
 */
import { addDays } from '@openprm/core';
import { ACCOUNT_STEMS, INDUSTRIES, slug } from './catalog.js';
import { COUNTRIES, type Country, countriesOf, country, type DemoRegion } from './geography.js';
import type { Random } from './prng.js';
import type { DemoAccount } from './world.js';

/** Trees with a fixed role in the demo (see README, "a walk through the demo"). */
export const ANCHORS = {
  /** Open everywhere: partner 1 reserves and registers here in the walk-through. */
  open: { stem: 'Quillfeather', industry: 'Foods', home: 'US', subsidiaries: ['DE', 'FR', 'GB'] },
  /** Served by the vendor itself: registrations are rejected at once. */
  vendorDirect: {
    stem: 'Kestrelvane',
    industry: 'Aerospace',
    home: 'FR',
    subsidiaries: ['DE', 'GB'],
  },
  /** Reserved by partner 2; another partner's registration is flagged against the reservation. */
  reservedByPartner2: {
    stem: 'Nimbarra',
    industry: 'Retail',
    home: 'NL',
    subsidiaries: ['DE', 'IT'],
  },
  /** Partner 1 registered first; a later partner is contested. */
  partner1First: { stem: 'Orchidell', industry: 'Health', home: 'GB', subsidiaries: ['IE'] },
  /** Another partner registered first; partner 1 is outranked. */
  partner1Second: {
    stem: 'Tidewhistle',
    industry: 'Logistics',
    home: 'DE',
    subsidiaries: ['AT', 'CH'],
  },
  /** A conflict the vendor already resolved by approving the earlier registration. */
  resolved: { stem: 'Brindlewood', industry: 'Energy', home: 'ES', subsidiaries: ['PT'] },
} as const;

export type AnchorName = keyof typeof ANCHORS;

export interface AccountTree {
  rootId: string;
  region: DemoRegion;
  vendorDirect: boolean;
  anchor: AnchorName | null;
  accounts: DemoAccount[];
}

interface TreeShape {
  stem: string;
  industry: string;
  home: Country;
  subsidiaries: Country[];
  officesPerSubsidiary: () => number;
  vendorDirect: boolean;
  anchor: AnchorName | null;
}

const domainOf = (stem: string, industry: string, tld: string) =>
  `${slug(stem).replace(/_/g, '')}${slug(industry).replace(/_/g, '')}.${tld}`;

const buildTree = (rng: Random, now: string, shape: TreeShape): AccountTree => {
  const { stem, industry, home } = shape;
  const base = `${stem} ${industry}`;
  const rootId = `acc_${slug(stem)}`;
  const rootCreated = addDays(now, -rng.int(900, 1800));
  const accounts: DemoAccount[] = [];
  const global = shape.subsidiaries.length > 0;
  accounts.push({
    id: rootId,
    name: global ? `${base} Group` : `${base} ${home.legalForm}`,
    domain: domainOf(stem, industry, global ? 'com' : home.tld),
    parentId: null,
    rootId,
    vendorDirect: shape.vendorDirect,
    country: home.code,
    region: home.region,
    createdAt: rootCreated,
  });
  const addOffices = (parentId: string, where: Country, count: number) => {
    for (const city of rng.sample(where.cities, Math.min(count, where.cities.length))) {
      accounts.push({
        id: `${parentId}_${slug(city.city)}`,
        name: `${base} ${city.city} Office`,
        domain: null,
        parentId,
        rootId,
        vendorDirect: false,
        country: where.code,
        region: where.region,
        createdAt: addDays(rootCreated, rng.int(30, 400)),
      });
    }
  };
  if (!global) addOffices(rootId, home, shape.officesPerSubsidiary());
  for (const sub of shape.subsidiaries) {
    const id = `${rootId}_${sub.code.toLowerCase()}`;
    accounts.push({
      id,
      name: `${base} ${sub.label} ${sub.legalForm}`,
      // A US subsidiary of a .com group gets its own domain, so a domain names one account.
      domain: domainOf(stem, industry, sub.tld === 'com' ? 'us' : sub.tld),
      parentId: rootId,
      rootId,
      vendorDirect: false,
      country: sub.code,
      region: sub.region,
      createdAt: addDays(rootCreated, rng.int(10, 300)),
    });
    addOffices(id, sub, shape.officesPerSubsidiary());
  }
  return {
    rootId,
    region: home.region,
    vendorDirect: shape.vendorDirect,
    anchor: shape.anchor,
    accounts,
  };
};

const anchorTrees = (rng: Random, now: string) =>
  (Object.entries(ANCHORS) as [AnchorName, (typeof ANCHORS)[AnchorName]][]).map(([name, anchor]) =>
    buildTree(rng.fork(name), now, {
      stem: anchor.stem,
      industry: anchor.industry,
      home: country(anchor.home),
      subsidiaries: anchor.subsidiaries.map(country),
      officesPerSubsidiary: () => 1,
      vendorDirect: name === 'vendorDirect',
      anchor: name,
    }),
  );

/** Global, regional and local companies in turn, so every region gets each kind. */
const generatedTrees = (rng: Random, now: string): AccountTree[] => {
  const anchorStems = new Set<string>(Object.values(ANCHORS).map((anchor) => anchor.stem));
  const stems = ACCOUNT_STEMS.filter((stem) => !anchorStems.has(stem));
  return stems.map((stem, index) => {
    const tree = rng.fork(stem);
    const home = tree.pick(COUNTRIES);
    const kind = index % 4 === 0 ? 'global' : index % 4 === 3 ? 'local' : 'regional';
    const neighbours = countriesOf(home.region).filter((c) => c.code !== home.code);
    const subsidiaries =
      kind === 'global'
        ? tree.sample(
            COUNTRIES.filter((c) => c.code !== home.code),
            tree.int(3, 5),
          )
        : kind === 'regional'
          ? [home, ...tree.sample(neighbours, tree.int(1, 2))]
          : [];
    return buildTree(tree, now, {
      stem,
      industry: INDUSTRIES[index % INDUSTRIES.length] as string,
      home,
      subsidiaries,
      officesPerSubsidiary: () => tree.int(kind === 'local' ? 1 : 0, 2),
      // A few large customers are served by the vendor itself.
      vendorDirect: index % 16 === 5,
      anchor: null,
    });
  });
};

export const buildAccounts = (rng: Random, now: string): AccountTree[] => {
  const trees = [...anchorTrees(rng.fork('anchors'), now), ...generatedTrees(rng, now)];
  // One global customer keeps a single subsidiary for itself: the rest of its tree stays open.
  const split = trees.find((t) => !t.anchor && !t.vendorDirect && t.accounts.length > 8);
  const carved = split?.accounts.find((a) => a.parentId === split.rootId);
  if (carved) carved.vendorDirect = true;
  return trees;
};
