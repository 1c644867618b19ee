/** The README's examples, run as written (with the test's own msw server). */
import { createPrmClient } from '@openprm/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createMockApi, MOCK_ACCOUNT_IDS } from './index.js';

const api = createMockApi({ baseUrl: 'http://prm.test' });
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => api.reset());
afterAll(() => server.close());

it('checks an account (the smallest example)', async () => {
  const prm = createPrmClient({ baseUrl: 'http://prm.test', token: 'prm_demo_partner2' });
  const check = await prm.reservations.check('acc_umbrella');
  expect(check.status).toBe('open');
});

it('refuses a vendor-direct account', async () => {
  const prm = createPrmClient({ baseUrl: 'http://prm.test', token: 'prm_demo_partner2' });
  const registration = await prm.registrations.submit({
    accountId: MOCK_ACCOUNT_IDS.globexFrance,
    products: ['storage'],
    estimatedValue: { amount: 10_000, currency: 'EUR' },
    expectedCloseDate: '2027-03-31',
  });
  expect(registration.rejection?.code).toBe('vendor_direct_account');
});
