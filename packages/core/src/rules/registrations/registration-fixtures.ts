/** Shared test data for the registration rules: a small account forest and a record builder. */
import { DEFAULT_PROGRAM } from '../../schemas/program.js';
import type { Registration } from '../../schemas/registration.js';
import type { Reservation } from '../../schemas/reservation.js';
import { indexAccounts } from '../accounts/tree.js';
import { addHours } from '../time.js';

export const settings = DEFAULT_PROGRAM;

/**
 * acme ─┬─ acme-de ── acme-de-berlin      globex ─┬─ globex-retail
 *       └─ acme-us                                └─ globex-gov (vendor-direct) ── globex-gov-dc
 * initech (vendor-direct root)
 */
const ACCOUNTS = [
  { id: 'acme', name: 'ACME Holdings', parentId: null, vendorDirect: false },
  { id: 'acme-de', name: 'ACME Germany', parentId: 'acme', vendorDirect: false },
  { id: 'acme-de-berlin', name: 'ACME Berlin', parentId: 'acme-de', vendorDirect: false },
  { id: 'acme-us', name: 'ACME US', parentId: 'acme', vendorDirect: false },
  { id: 'globex', name: 'Globex', parentId: null, vendorDirect: false },
  { id: 'globex-retail', name: 'Globex Retail', parentId: 'globex', vendorDirect: false },
  { id: 'globex-gov', name: 'Globex Government', parentId: 'globex', vendorDirect: true },
  { id: 'globex-gov-dc', name: 'Globex DC', parentId: 'globex-gov', vendorDirect: false },
  { id: 'initech', name: 'Initech', parentId: null, vendorDirect: true },
];
/** Indexed with their names, as a service would index full accounts. */
export const accounts = indexAccounts(ACCOUNTS);

export const ACCOUNT_IDS = [...accounts.keys()];

export const T0 = '2026-03-02T09:00:00.000Z';

export const registration = (overrides: Partial<Registration> = {}): Registration => {
  const submittedAt = overrides.submittedAt ?? T0;
  return {
    id: 'reg-1',
    partnerId: 'p1',
    accountId: 'acme-de',
    status: 'submitted',
    products: ['Firewall'],
    estimatedValue: { amount: 50_000, currency: 'EUR' },
    expectedCloseDate: '2026-06-30',
    submittedAt,
    decisionDueAt: addHours(submittedAt, settings.decisionHours),
    slaBreached: false,
    contested: false,
    conflicts: [],
    extensionsUsed: 0,
    extensions: [],
    comments: [],
    ...overrides,
  };
};

export const reservation = (overrides: Partial<Reservation> = {}): Reservation => ({
  id: 'res-1',
  partnerId: 'p2',
  accountId: 'acme',
  region: null,
  status: 'active',
  createdAt: '2026-02-01T09:00:00.000Z',
  expiresAt: '2026-05-02T09:00:00.000Z',
  renewals: 0,
  ...overrides,
});
