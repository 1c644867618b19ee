import { endpoints } from '@openprm/core';
import {
  ConflictError,
  ContractAcceptanceRequiredError,
  NotFoundError,
  PermissionError,
} from '@openprm/sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_ACCOUNT_IDS as A } from '../fixtures/accounts.js';
import { MOCK_PARTNER_IDS as P } from '../fixtures/partners.js';
import { startMockServer } from '../testing/mock-server.js';

const mock = startMockServer();
afterAll(() => mock.close());
beforeEach(() => {
  mock.use();
});

const vendor = () => mock.client('prm_demo_vendor');
const partner1 = () => mock.client('prm_demo_partner1');
const partner2 = () => mock.client('prm_demo_partner2');

const deal = (accountId: string, products = ['storage']) => ({
  accountId,
  products,
  estimatedValue: { amount: 50_000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
});

const acceptPendingTerms = async (client = partner1()) => {
  for (const contract of (await client.contracts.pending()).data) {
    await client.contracts.accept(contract.contractId, contract.version, {
      hash: contract.hash,
      accepted: true,
    });
  }
};

describe('sessions', () => {
  it('tells who the token belongs to', async () => {
    expect(await partner1().sessions.me()).toEqual({
      user: { id: 'key_demo_partner1', name: 'Demo partner 1 admin', role: 'partner_admin' },
      partnerId: P.partner1,
    });
    expect((await vendor().sessions.me()).partnerId).toBeNull();
  });
});

describe('accounts', () => {
  it('finds an account however its name is typed', async () => {
    for (const query of ['ACME Inc.', 'Acme, Inc', 'acme.com']) {
      const page = await partner1().accounts.search({ query });
      expect(page.data.map((account) => account.id)).toContain(A.acmeGlobal);
    }
  });

  it('answers an account with its tree', async () => {
    const account = await partner1().accounts.get(A.acmeGermany);
    expect(account.ancestors.map((a) => a.id)).toEqual([A.acmeGlobal]);
    expect(account.descendants.map((a) => a.id)).toEqual([A.acmeMunich]);
    expect((await partner1().accounts.get(A.globexFrance)).effectiveVendorDirect).toBe(true);
  });

  it('creates an account and refuses a duplicate', async () => {
    const created = await vendor().accounts.create({
      name: 'Zenith Labs',
      country: 'DE',
      region: 'DACH',
    });
    expect(created.parentId).toBeNull();
    await expect(
      vendor().accounts.create({ name: 'ZENITH LABS', country: 'DE', region: 'DACH' }),
    ).rejects.toMatchObject({ status: 409, code: 'already_exists' });
  });

  it('pages through every account with cursors', async () => {
    const all = await vendor().accounts.search({ limit: 7 }).toArray({ limit: 1000 });
    expect(all.length).toBe(30);
    expect(new Set(all.map((account) => account.id)).size).toBe(30);
  });
});

describe('reservations', () => {
  it('checks, reserves, renews and releases', async () => {
    const client = partner1();
    expect((await client.reservations.check(A.umbrella)).status).toBe('open');
    const reservation = await client.reservations.reserve({ accountId: A.umbrella });
    expect(reservation).toMatchObject({ status: 'active', partnerId: P.partner1, renewals: 0 });
    expect((await client.reservations.check(A.umbrella)).status).toBe('reserved_by_you');
    expect((await partner2().reservations.check(A.umbrella)).status).toBe('reserved_by_other');
    const error = await partner2()
      .reservations.reserve({ accountId: A.umbrella })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('account_reserved');
    expect((await client.reservations.renew(reservation.id)).renewals).toBe(1);
    const page = await client.reservations.list();
    expect(page.data.map((r) => r.id)).toContain(reservation.id);
    expect((await client.reservations.release(reservation.id)).status).toBe('released');
    expect((await client.reservations.check(A.umbrella)).status).toBe('open');
  });

  it('refuses a vendor-direct account', async () => {
    expect((await partner1().reservations.check(A.globexFrance)).status).toBe('vendor_direct');
    await expect(partner1().reservations.reserve({ accountId: A.globex })).rejects.toMatchObject({
      status: 409,
      code: 'vendor_direct_account',
    });
  });

  it("hides another partner's reservation", async () => {
    const [held] = (await partner2().reservations.list()).data;
    expect(held).toBeDefined();
    await expect(partner1().reservations.renew(held?.id as string)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('registrations', () => {
  it('gates submission on pending terms, then submits', async () => {
    const error = await partner1()
      .registrations.submit(deal(A.umbrella))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ContractAcceptanceRequiredError);
    expect(error.pending.map((c: { contractId: string }) => c.contractId)).toEqual([
      'ctr_deal_registration_terms',
    ]);
    await acceptPendingTerms();
    const registration = await partner1().registrations.submit(deal(A.initechCanada));
    expect(registration).toMatchObject({ status: 'submitted', partnerId: P.partner1 });
    // Partner 2 holds the Initech reservation, so the registration is contested.
    expect(registration.contested).toBe(true);
    expect(registration.conflicts[0]).toMatchObject({ kind: 'reservation', priority: 'theirs' });
    expect(registration.conflicts[0]).not.toHaveProperty('partnerId');
  });

  it('rejects a vendor-direct account at once, with the reason', async () => {
    const registration = await partner2().registrations.submit(deal(A.globexFrance));
    expect(registration.status).toBe('rejected');
    expect(registration.rejection?.code).toBe('vendor_direct_account');
    expect(registration.rejection?.reason).toMatch(/served directly by the vendor/);
  });

  it('replays a retried submission with the same Idempotency-Key', async () => {
    const first = await partner2().registrations.submit(deal(A.acmeUk), { idempotencyKey: 'k-1' });
    const again = await partner2().registrations.submit(deal(A.acmeUk), { idempotencyKey: 'k-1' });
    expect(again.id).toBe(first.id);
    await expect(
      partner2().registrations.submit(deal(A.umbrella), { idempotencyKey: 'k-1' }),
    ).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('approves first-come and rejects the overlapping pending one', async () => {
    const manager = mock.client('prm_demo_manager');
    const first = await partner2().registrations.submit(deal(A.acmeUk, ['security']));
    await acceptPendingTerms();
    const second = await partner1().registrations.submit(deal(A.acmeUk, ['security']));
    expect(second.conflicts[0]).toMatchObject({ priority: 'theirs', status: 'submitted' });
    const approved = await manager.registrations.approve(first.id);
    expect(approved).toMatchObject({ status: 'approved', marginBenefitPct: 5 });
    const lost = await partner1().registrations.get(second.id);
    expect(lost.rejection?.code).toBe('conflict_resolved');
    const trail = await partner1().registrations.audit(second.id);
    expect(trail.data.map((event) => event.action)).toEqual([
      'registration.submitted',
      'registration.rejected',
    ]);
  });

  it('rejects by hand, withdraws, and refuses invalid transitions', async () => {
    const manager = mock.client('prm_demo_manager');
    const a = await partner2().registrations.submit(deal(A.acmeUk, ['networking']));
    const rejected = await manager.registrations.reject(a.id, {
      code: 'not_qualified',
      reason: 'Below the program minimum.',
    });
    expect(rejected.rejection).toEqual({
      code: 'not_qualified',
      reason: 'Below the program minimum.',
    });
    await expect(partner2().registrations.withdraw(a.id)).rejects.toMatchObject({
      status: 409,
      code: 'invalid_transition',
    });
    const b = await partner2().registrations.submit(deal(A.umbrella, ['storage']));
    expect(
      (await partner2().registrations.withdraw(b.id, { reason: 'Lost interest' })).status,
    ).toBe('withdrawn');
  });

  it("keeps partners apart: another partner's registration is a 404", async () => {
    const mine = await partner2().registrations.submit(deal(A.umbrella, ['sd-wan']));
    await expect(partner1().registrations.get(mine.id)).rejects.toBeInstanceOf(NotFoundError);
    const listed = await partner1().registrations.list().toArray({ limit: 500 });
    expect(listed.every((registration) => registration.partnerId === P.partner1)).toBe(true);
  });

  it('lists the vendor queue with overdue decisions first', async () => {
    const queue = await vendor().registrations.list({ sort: 'queue', status: 'submitted' });
    expect(queue.data[0]?.slaBreached).toBe(true);
  });

  it('refuses roles the contract does not allow', async () => {
    const [first] = (await vendor().registrations.list({ status: 'submitted' })).data;
    await expect(partner1().registrations.approve(first?.id as string)).rejects.toBeInstanceOf(
      PermissionError,
    );
  });
});

describe('contracts', () => {
  it('lists contracts and pending terms; accepting twice returns the first receipt', async () => {
    expect((await partner1().contracts.list()).data).toHaveLength(3);
    const [pending] = (await partner1().contracts.pending()).data;
    expect(pending).toMatchObject({ version: 2, requiresReacceptance: true });
    const input = { hash: pending?.hash as string, accepted: true as const };
    const receipt = await partner1().contracts.accept(pending?.contractId as string, 2, input);
    const again = await partner1().contracts.accept(pending?.contractId as string, 2, input);
    expect(again.id).toBe(receipt.id);
    expect((await partner1().contracts.pending()).data).toEqual([]);
    await expect(
      partner2().contracts.accept(pending?.contractId as string, 1, input),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

describe('partners and scorecards', () => {
  it('lists partners (a partner sees only itself) and gets one', async () => {
    expect((await vendor().partners.list()).data).toHaveLength(12);
    expect((await partner1().partners.list()).data.map((p) => p.id)).toEqual([P.partner1]);
    expect((await partner1().partners.get(P.partner1)).name).toBe('Northquay Systems');
    await expect(partner1().partners.get(P.partner2)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('searches partners with explanations', async () => {
    const result = await vendor().partners.search({ skills: 'storage,networking', match: 'any' });
    expect(result.data.length).toBeGreaterThan(0);
    expect(result.data[0]?.explanation.summary).toEqual(expect.any(String));
  });

  it('builds the traffic-light board and one partner card', async () => {
    const board = await mock.client('prm_demo_manager').scorecards.board({ groupBy: 'region' });
    expect(board.groups.length).toBeGreaterThan(0);
    expect(board.objectives).toHaveLength(3);
    const card = await partner1().scorecards.forPartner(P.partner1);
    expect(card.objectives).toHaveLength(3);
    expect((await partner1().objectives.list()).data).toHaveLength(3);
  });
});

describe('everything else', () => {
  it('routes every endpoint of the contract (501 where not mocked yet)', async () => {
    const response = await fetch('http://prm.test/v1/webhooks', {
      headers: { Authorization: 'Bearer prm_demo_vendor' },
    });
    expect(response.status).toBe(501);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_implemented', status: 501 });
    expect(Object.keys(endpoints).length).toBeGreaterThan(40);
  });
});
