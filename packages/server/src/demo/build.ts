/**
 * Builds the whole demo world in memory from one seed and one `now`: the same inputs give the
 * same world, byte for byte. Everything time-dependent is placed relative to `now`, so a demo
 * started today has fresh deals, breaches from this week and expiries still ahead.
 */
import { addDays, type ProgramSettings, toMs } from '@openprm/core';
import { type AccountTree, buildAccounts } from './accounts.js';
import { buildContracts, type ContractHistory } from './contracts.js';
import { DEMO_API_KEYS } from './keys.js';
import { buildPartners, DEMO_PARTNER_IDS } from './partners.js';
import { createRandom } from './prng.js';
import { type RegistrationWorld, runRegistrations } from './registration-engine.js';
import { territoryPlans } from './registration-plans.js';
import { type ScenarioCast, scenarioPlans } from './registration-scenarios.js';
import { buildReservations, type ReservationHistory } from './reservations.js';
import { buildScorecards, type ScorecardWorld } from './scorecards.js';
import { assignTerritories } from './territories.js';
import { compareText, sequentialId } from './util.js';
import type { DemoAccount, DemoActor, DemoAudit, DemoPartner } from './world.js';

/** Change it and every demo changes: the data is a pure function of this seed and `now`. */
export const DEMO_SEED = 20_261_123;

export interface DemoWorld {
  now: string;
  partners: DemoPartner[];
  accounts: DemoAccount[];
  trees: AccountTree[];
  reservations: ReservationHistory[];
  registrations: RegistrationWorld['registrations'];
  extensions: RegistrationWorld['extensions'];
  comments: RegistrationWorld['comments'];
  audits: DemoAudit[];
  contracts: Omit<ContractHistory, 'pendingAt'>;
  scorecards: ScorecardWorld;
  keys: typeof DEMO_API_KEYS;
}

const REVIEWER: DemoActor = {
  type: 'api_key',
  id: 'key_demo_manager',
  name: 'Demo channel manager',
};

/** Partners the anchor scenarios need, chosen by rule so the choice survives data changes. */
const castOf = (
  partners: readonly DemoPartner[],
  history: ContractHistory,
  now: string,
): ScenarioCast => {
  const demo = new Set<string>(Object.values(DEMO_PARTNER_IDS));
  const established = partners.filter(
    (p) => !demo.has(p.id) && toMs(p.createdAt) < toMs(addDays(now, -60)),
  );
  const mayRegisterNow = (p: DemoPartner) =>
    !history.pendingAt(p.id, addDays(now, -1)).some((c) => c.gates.includes('registration.submit'));
  const emeaFirst = (list: DemoPartner[]) => [
    ...list.filter((p) => p.region === 'EMEA'),
    ...list.filter((p) => p.region !== 'EMEA'),
  ];
  const current = emeaFirst(established.filter(mayRegisterNow));
  const others = emeaFirst(established.filter((p) => !current.slice(0, 2).includes(p)));
  return {
    partner1: partners.find((p) => p.id === DEMO_PARTNER_IDS.partner1) as DemoPartner,
    partner2: partners.find((p) => p.id === DEMO_PARTNER_IDS.partner2) as DemoPartner,
    current,
    others,
  };
};

export const buildDemoWorld = async (options: {
  now: Date;
  settings: ProgramSettings;
}): Promise<DemoWorld> => {
  // Whole minutes: timestamps a person can read, and the same world within one minute.
  const now = new Date(Math.floor(options.now.getTime() / 60_000) * 60_000).toISOString();
  const { settings } = options;
  const rng = createRandom(DEMO_SEED);
  const partners = buildPartners(rng.fork('partners'), now);
  const trees = buildAccounts(rng.fork('accounts'), now);
  const history = await buildContracts(rng.fork('contracts'), now, partners);
  const territories = assignTerritories(rng.fork('territories'), now, partners, trees);
  const reservations = buildReservations(
    rng.fork('reservations'),
    now,
    settings,
    territories,
    trees,
    partners,
    history.pendingAt,
  );
  const deals = rng.fork('registrations');
  const plans = [
    ...scenarioPlans(deals.fork('scenarios'), now, trees, castOf(partners, history, now)),
    ...territoryPlans(deals, now, territories, history.pendingAt),
  ];
  const registrations = runRegistrations({
    plans,
    trees,
    settings,
    now,
    reviewer: REVIEWER,
    pendingAt: history.pendingAt,
    reservationsAt: reservations.claimsAt,
  });
  // One audit trail in time order; ids follow it, so `seq` and `id` agree.
  const audits = [...reservations.audits, ...registrations.audits]
    .map((entry, order) => ({ entry, order }))
    .sort(
      (a, b) =>
        toMs(a.entry.at) - toMs(b.entry.at) ||
        compareText(a.entry.subjectId, b.entry.subjectId) ||
        a.order - b.order,
    )
    .map(({ entry }, index) => ({ ...entry, id: sequentialId('aud', index, 5) }));
  const { pendingAt: _, ...contracts } = history;
  return {
    now,
    partners,
    accounts: trees.flatMap((tree) => tree.accounts),
    trees,
    reservations: reservations.reservations,
    registrations: registrations.registrations,
    extensions: registrations.extensions,
    comments: registrations.comments,
    audits,
    contracts,
    scorecards: buildScorecards(rng.fork('scorecards'), now, partners),
    keys: DEMO_API_KEYS,
  };
};
