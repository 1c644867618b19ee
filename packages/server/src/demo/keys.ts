/**
 * The fixed demo API keys of DESIGN §4. They are stored hashed like every key, marked `demo`,
 * and the authenticator accepts them only on a server started in demo mode.
 */
import type { Role } from '@openprm/core';
import { DEMO_PARTNER_IDS } from './partners.js';
import type { DemoKey } from './world.js';

export const DEMO_API_KEYS: readonly (DemoKey & { description: string })[] = [
  {
    key: 'prm_demo_vendor',
    id: 'key_demo_vendor',
    name: 'Demo vendor admin',
    role: 'vendor_admin' satisfies Role,
    partnerId: null,
    description: 'vendor admin: everything, every partner',
  },
  {
    key: 'prm_demo_manager',
    id: 'key_demo_manager',
    name: 'Demo channel manager',
    role: 'channel_manager',
    partnerId: null,
    description: 'channel manager: approval queue, board, partner search',
  },
  {
    key: 'prm_demo_partner1',
    id: 'key_demo_partner1',
    name: 'Demo partner 1 admin',
    role: 'partner_admin',
    partnerId: DEMO_PARTNER_IDS.partner1,
    description: 'partner admin of Northquay Systems (has new terms to accept)',
  },
  {
    key: 'prm_demo_partner2',
    id: 'key_demo_partner2',
    name: 'Demo partner 2 admin',
    role: 'partner_admin',
    partnerId: DEMO_PARTNER_IDS.partner2,
    description: 'partner admin of Veltmann Distribution (all terms accepted)',
  },
  {
    key: 'prm_demo_rep1',
    id: 'key_demo_rep1',
    name: 'Demo partner 1 rep',
    role: 'partner_rep',
    partnerId: DEMO_PARTNER_IDS.partner1,
    description: 'partner rep of Northquay Systems',
  },
];

/** The demo keys as pages show them: the key and who it signs in as. */
export const DEMO_KEYS = DEMO_API_KEYS.map(({ key, description }) => ({ key, description }));
