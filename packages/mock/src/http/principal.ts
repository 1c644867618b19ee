import { isPartnerRole, type Role } from '@openprm/core';
import { MOCK_PARTNER_IDS } from '../fixtures/partners.js';
import { MockProblem } from './problem.js';
import { decodeSession } from './session-token.js';

/** Who calls: one of the demo keys (the same keys the reference server accepts in demo mode). */
export interface MockPrincipal {
  token: string;
  id: string;
  name: string;
  role: Role;
  partnerId: string | null;
}

export const MOCK_TOKENS = {
  vendor: 'prm_demo_vendor',
  manager: 'prm_demo_manager',
  partner1: 'prm_demo_partner1',
  partner2: 'prm_demo_partner2',
  rep1: 'prm_demo_rep1',
} as const;

const PRINCIPALS: readonly MockPrincipal[] = [
  {
    token: MOCK_TOKENS.vendor,
    id: 'key_demo_vendor',
    name: 'Demo vendor admin',
    role: 'vendor_admin',
    partnerId: null,
  },
  {
    token: MOCK_TOKENS.manager,
    id: 'key_demo_manager',
    name: 'Demo channel manager',
    role: 'channel_manager',
    partnerId: null,
  },
  {
    token: MOCK_TOKENS.partner1,
    id: 'key_demo_partner1',
    name: 'Demo partner 1 admin',
    role: 'partner_admin',
    partnerId: MOCK_PARTNER_IDS.partner1,
  },
  {
    token: MOCK_TOKENS.partner2,
    id: 'key_demo_partner2',
    name: 'Demo partner 2 admin',
    role: 'partner_admin',
    partnerId: MOCK_PARTNER_IDS.partner2,
  },
  {
    token: MOCK_TOKENS.rep1,
    id: 'key_demo_rep1',
    name: 'Demo partner 1 rep',
    role: 'partner_rep',
    partnerId: MOCK_PARTNER_IDS.partner1,
  },
];

const unauthenticated = (detail: string) =>
  new MockProblem('unauthenticated', detail, {}, { 'WWW-Authenticate': 'Bearer' });

/** `Authorization: Bearer <demo key or session token>` → the caller, or 401 like the server. */
export const authenticate = (header: string | null, now: Date): MockPrincipal => {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw unauthenticated('Send "Authorization: Bearer <API key or session token>".');
  }
  if (match[1].startsWith('prms_')) {
    const claims = decodeSession(match[1]);
    if (!claims) throw unauthenticated('The session token is not valid.');
    if (claims.exp * 1000 <= now.getTime()) {
      throw unauthenticated('The session token has expired: ask your backend for a new one.');
    }
    const { sub: id, name, role, partnerId } = claims;
    return { token: match[1], id, name, role, partnerId };
  }
  const principal = PRINCIPALS.find((candidate) => candidate.token === match[1]);
  if (!principal) throw unauthenticated('The API key is not valid.');
  return principal;
};

export const isVendor = (principal: MockPrincipal) => !isPartnerRole(principal.role);

export const actorOf = (principal: MockPrincipal) => ({
  type: 'api_key' as const,
  id: principal.id,
  name: principal.name,
});

/** Another partner's record is "not found", never "forbidden": a 403 would confirm it exists. */
export const assertVisible = (principal: MockPrincipal, partnerId: string, what: string) => {
  if (principal.partnerId !== null && principal.partnerId !== partnerId) {
    throw new MockProblem('not_found', `${what} was not found.`);
  }
};

/** The partner a write acts for: a partner user's own, or the one a vendor names. */
export const actingPartner = (principal: MockPrincipal, requested: string | undefined): string => {
  if (principal.partnerId !== null) {
    if (requested !== undefined && requested !== principal.partnerId) {
      throw new MockProblem('forbidden', 'Partner users act only for their own partner.');
    }
    return principal.partnerId;
  }
  if (requested === undefined) {
    throw new MockProblem('invalid_request', 'Vendor roles must name the partner to act for.', {
      errors: [{ path: 'partnerId', message: 'Required for vendor roles' }],
    });
  }
  return requested;
};
