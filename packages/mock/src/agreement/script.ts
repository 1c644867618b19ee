/**
 * One scenario script for the agreement suite: run against the mock and against the real server,
 * it records status, error code and a short summary of each step. The two records must be equal.
 * Every success is checked against the contract's response schema.
 */
import type { PrmClient } from '@openprm/sdk';
import { type Outcome, recorder } from './recorder.js';

export type { Outcome } from './recorder.js';

export interface Target {
  client(token: string): PrmClient;
  /** A raw request, for inputs the SDK would refuse before sending. */
  fetch(path: string, init: RequestInit & { token: string }): Promise<Response>;
}

const deal = (accountId: string) => ({
  accountId,
  products: ['storage'],
  estimatedValue: { amount: 25_000, currency: 'EUR' },
  expectedCloseDate: '2027-06-30',
});

export const runScript = async (target: Target): Promise<Outcome[]> => {
  const { outcomes, step } = recorder();
  const vendor = target.client('prm_demo_vendor');
  const manager = target.client('prm_demo_manager');
  const partner1 = target.client('prm_demo_partner1');
  const partner2 = target.client('prm_demo_partner2');

  // The worlds differ in names and ids, not in kinds of accounts: find a vendor-direct one, and
  // create a fresh account that nobody has claimed, so no other claim interferes.
  const accounts = await vendor.accounts.search({ limit: 200 }).toArray({ limit: 5_000 });
  const vendorDirect = accounts.find((account) => account.vendorDirect);
  if (!vendorDirect) throw new Error('The world lacks a vendor-direct account');
  const created = await step(
    'create account',
    'accounts.create',
    () => vendor.accounts.create({ name: 'Agreement Testing Ltd', country: 'NL', region: 'EMEA' }),
    (v) => [v.parentId, v.vendorDirect, v.normalizedName],
  );
  await step('create duplicate', 'accounts.create', () =>
    vendor.accounts.create({ name: 'AGREEMENT TESTING LTD.', country: 'NL', region: 'EMEA' }),
  );
  const open = created?.id ?? 'missing';
  const me = await partner1.sessions.me();

  await step(
    'me',
    'sessions.me',
    () => partner1.sessions.me(),
    (v) => v.user.role,
  );
  await step(
    'check open',
    'reservations.check',
    () => partner1.reservations.check(open),
    (v) => v.status,
  );
  const reservation = await step(
    'reserve',
    'reservations.reserve',
    () => partner1.reservations.reserve({ accountId: open }),
    (v) => [v.status, v.renewals, v.region],
  );
  await step(
    'check mine',
    'reservations.check',
    () => partner1.reservations.check(open),
    (v) => v.status,
  );
  await step(
    'check theirs',
    'reservations.check',
    () => partner2.reservations.check(open),
    (v) => v.status,
  );
  await step('reserve taken', 'reservations.reserve', () =>
    partner2.reservations.reserve({ accountId: open }),
  );
  await step('reserve again', 'reservations.reserve', () =>
    partner1.reservations.reserve({ accountId: open }),
  );
  await step('reserve vendor-direct', 'reservations.reserve', () =>
    partner1.reservations.reserve({ accountId: vendorDirect.id }),
  );
  await step(
    'submit vendor-direct',
    'registrations.submit',
    () => partner2.registrations.submit(deal(vendorDirect.id)),
    (v) => [v.status, v.rejection?.code],
  );
  await step('submit before terms', 'registrations.submit', () =>
    partner1.registrations.submit(deal(open)),
  );
  const pending = await step(
    'pending terms',
    'contracts.pending',
    () => partner1.contracts.pending(),
    (v) => v.data.map((contract) => contract.kind).sort(),
  );
  for (const contract of pending?.data ?? []) {
    await step(
      `accept ${contract.kind}`,
      'contracts.accept',
      () =>
        partner1.contracts.accept(contract.contractId, contract.version, {
          hash: contract.hash,
          accepted: true,
        }),
      (v) => v.partnerId === me.partnerId,
    );
  }
  await step('accept wrong hash', 'contracts.accept', async () => {
    const [first] = (await partner1.contracts.list()).data;
    return partner1.contracts.accept(first?.id ?? 'x', first?.currentVersion ?? 1, {
      hash: '0'.repeat(64),
      accepted: true,
    });
  });
  const registration = await step(
    'submit after terms',
    'registrations.submit',
    () => partner1.registrations.submit(deal(open)),
    (v) => [v.status, v.contested, v.slaBreached, v.extensionsUsed],
  );
  const id = registration?.id ?? 'missing';
  await step('other partner reads it', 'registrations.get', () => partner2.registrations.get(id));
  await step(
    'owner reads it',
    'registrations.get',
    () => partner1.registrations.get(id),
    (v) => v.status,
  );
  await step('partner approves', 'registrations.approve', () => partner1.registrations.approve(id));
  await step(
    'manager approves',
    'registrations.approve',
    () => manager.registrations.approve(id),
    (v) => [v.status, v.marginBenefitPct],
  );
  await step('approve again', 'registrations.approve', () => manager.registrations.approve(id));
  await step(
    'withdraw',
    'registrations.withdraw',
    () => partner1.registrations.withdraw(id),
    (v) => v.status,
  );
  await step('withdraw again', 'registrations.withdraw', () => partner1.registrations.withdraw(id));
  await step(
    'audit',
    'registrations.audit',
    () => partner1.registrations.audit(id),
    (v) => v.data.map((event) => event.action),
  );
  await step(
    'release',
    'reservations.release',
    () => partner1.reservations.release(reservation?.id ?? 'missing'),
    (v) => v.status,
  );
  await step('other partner profile', 'partners.get', () =>
    partner2.partners.get(me.partnerId ?? 'missing'),
  );
  await step(
    'own registrations only',
    'registrations.list',
    () => partner1.registrations.list(),
    (v) => v.data.every((item) => item.partnerId === me.partnerId),
  );
  await step(
    'board',
    'scorecards.board',
    () => manager.scorecards.board({ groupBy: 'segment' }),
    (v) => v.groupBy,
  );
  await step('board as partner', 'scorecards.board', () => partner1.scorecards.board());
  await step('unknown key', 'sessions.me', () => target.client('prm_unknown').sessions.me());

  const invalid = await target.fetch('/v1/registrations', {
    method: 'POST',
    token: 'prm_demo_partner2',
    body: JSON.stringify({ accountId: 'bad id', products: [], estimatedValue: { amount: -1 } }),
  });
  const problem = (await invalid.json()) as { code: string; errors: { path: string }[] };
  outcomes.push({
    step: 'invalid body',
    status: invalid.status,
    code: problem.code,
    summary: [invalid.headers.get('content-type'), problem.errors.map((e) => e.path).sort()],
  });
  return outcomes;
};
