import { AuthenticationError, ContractAcceptanceRequiredError } from '@openprm/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCK_ACCOUNT_IDS as A } from '../fixtures/accounts.js';
import { MOCK_CONTRACT_IDS as C } from '../fixtures/contracts.js';
import { MOCK_PARTNER_IDS as P } from '../fixtures/partners.js';
import { startMockServer } from '../testing/mock-server.js';

const mock = startMockServer();
afterAll(() => mock.close());

describe('sessions', () => {
  it('mints a session token that acts as its user until it expires', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    mock.use({ now: () => clock });
    const session = await mock.client('prm_demo_vendor').sessions.create({
      user: { id: 'usr_ada', name: 'Ada Lovelace' },
      role: 'partner_rep',
      partnerId: P.partner2,
      ttlSeconds: 60,
    });
    const browser = mock.client(session.token);
    expect((await browser.sessions.me()).partnerId).toBe(P.partner2);
    clock = new Date('2026-11-23T09:01:01Z');
    await expect(browser.sessions.me()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('contracts', () => {
  it('publishing a version that needs re-acceptance gates every partner again', async () => {
    mock.use();
    const version = await mock
      .client('prm_demo_vendor')
      .contracts.publish(C.dealRegistrationTerms, { content: '# Terms v3' });
    expect(version).toMatchObject({ version: 3, requiresReacceptance: true });
    const error = await mock
      .client('prm_demo_partner2')
      .registrations.submit({
        accountId: A.umbrella,
        products: ['storage'],
        estimatedValue: { amount: 1, currency: 'EUR' },
        expectedCloseDate: '2027-01-31',
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ContractAcceptanceRequiredError);
    const report = await mock
      .client('prm_demo_manager')
      .contracts.acceptances(C.dealRegistrationTerms);
    expect(report.notAccepted).toHaveLength(12);
  });
});

describe('public endpoints', () => {
  it('answers health and the OpenAPI document without a token', async () => {
    mock.use();
    expect(await (await fetch('http://prm.test/healthz')).json()).toMatchObject({ status: 'ok' });
    const document = await (await fetch('http://prm.test/v1/openapi.json')).json();
    expect(document.openapi).toMatch(/^3\.1/);
  });
});

describe('state', () => {
  it('reset() forgets every change', async () => {
    const api = mock.use();
    await mock.client('prm_demo_partner2').reservations.reserve({ accountId: A.alderfen });
    expect((await api.state()).reservations.size).toBe(2);
    api.reset();
    expect((await api.state()).reservations.size).toBe(1);
  });
});
