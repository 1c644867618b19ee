/** Test fixtures for the reservation rules (used by the *.test.ts files only; not exported). */
import type { Reservation } from '../../schemas/reservation.js';
import { addDays } from '../time.js';
import { type AccountNode, indexAccounts } from './tree.js';

export const NOW = '2026-03-01T09:00:00.000Z';
export const inDays = (days: number) => addDays(NOW, days);

const node = (id: string, parentId: string | null, vendorDirect = false): AccountNode => ({
  id,
  parentId,
  vendorDirect,
});

/**
 * globex (root)
 * ├── globex-de → globex-berlin
 * ├── globex-us
 * └── globex-gov (vendor-direct) → globex-gov-dc
 * initech (separate root)
 */
export const ACCOUNTS = indexAccounts([
  node('globex', null),
  node('globex-de', 'globex'),
  node('globex-berlin', 'globex-de'),
  node('globex-us', 'globex'),
  node('globex-gov', 'globex', true),
  node('globex-gov-dc', 'globex-gov'),
  node('initech', null),
]);

/** An active reservation created yesterday that runs 89 more days; override what matters. */
export const reservation = (overrides: Partial<Reservation> = {}): Reservation => ({
  id: 'res-1',
  partnerId: 'partner-1',
  accountId: 'globex-de',
  region: null,
  status: 'active',
  createdAt: inDays(-1),
  expiresAt: inDays(89),
  renewals: 0,
  ...overrides,
});
