import { isPartnerRole, type Role } from '@openprm/core';
import { ProblemError } from './problem.js';

/** Who is calling: from an API key or a session token. */
export interface Principal {
  kind: 'api_key' | 'session';
  /** The key id or the session user id: what audit trails name. */
  id: string;
  name: string;
  role: Role;
  /** Set for partner roles: the only partner whose records this caller may see. */
  partnerId: string | null;
  /** A demo key, or a session minted with one: accepted only in demo mode. */
  demo?: true;
}

/**
 * One caller for rate limits and idempotency: session user ids are chosen by the vendor's backend
 * and may repeat across partners, so the role and partner are part of the key.
 */
export const callerKey = (principal: Principal) =>
  `${principal.kind}:${principal.role}:${principal.partnerId ?? '-'}:${principal.id}`;

export const isVendor = (principal: Principal) => !isPartnerRole(principal.role);

export const actorOf = (principal: Principal) => ({
  type: principal.kind === 'api_key' ? ('api_key' as const) : ('user' as const),
  id: principal.id,
  name: principal.name,
});

/**
 * The partner a record must belong to for this caller to see it. Another partner's record is
 * "not found", never "forbidden": a 403 would confirm that it exists.
 */
export const assertVisible = (principal: Principal, partnerId: string, what: string) => {
  if (principal.partnerId !== null && principal.partnerId !== partnerId) {
    throw new ProblemError('not_found', `${what} was not found.`);
  }
};

/** The partner a write acts for: a partner user's own, or the one a vendor names. */
export const actingPartner = (principal: Principal, requested: string | undefined): string => {
  if (principal.partnerId !== null) {
    if (requested !== undefined && requested !== principal.partnerId) {
      throw new ProblemError('forbidden', 'Partner users act only for their own partner.');
    }
    return principal.partnerId;
  }
  if (requested === undefined) {
    throw new ProblemError('invalid_request', 'Vendor roles must name the partner to act for.', {
      errors: [{ path: 'partnerId', message: 'Required for vendor roles' }],
    });
  }
  return requested;
};
