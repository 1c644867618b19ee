import { type CreateSessionInput, isPartnerRole, type Me, type Session } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { signSession } from '../http/auth.js';
import type { Principal } from '../http/principal.js';
import { invalid, notFound } from '../http/problem.js';
import { findPartnerRow } from '../queries/partners.js';

/** Short by default: a page asks its backend for a fresh token rather than keeping one long. */
export const DEFAULT_SESSION_TTL_SECONDS = 900;

/**
 * Mints a signed, short-lived token for a browser user of the vendor's backend. A partner role
 * is bound to one existing partner; a vendor role to none, so a token never widens what it sees.
 */
export const createSessionService = async (
  tx: Queryable,
  principal: Principal,
  input: CreateSessionInput,
  secret: string,
  now: Date,
): Promise<Session> => {
  const partnerId = input.partnerId ?? null;
  if (isPartnerRole(input.role)) {
    if (partnerId === null) {
      throw invalid(
        [{ path: 'partnerId', message: `Required for the role ${input.role}` }],
        'A partner session must name its partner.',
      );
    }
    if (!(await findPartnerRow(tx, partnerId))) throw notFound(`Partner ${partnerId}`);
  } else if (partnerId !== null) {
    throw invalid(
      [{ path: 'partnerId', message: `Not allowed for the role ${input.role}` }],
      'A vendor session belongs to no partner.',
    );
  }
  const ttl = input.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const exp = Math.floor(now.getTime() / 1000) + ttl;
  const user = { id: input.user.id, name: input.user.name, role: input.role };
  return {
    token: signSession(secret, {
      sub: user.id,
      name: user.name,
      role: user.role,
      partnerId,
      exp,
      // Minted with a demo key: the token is a demo credential too, refused outside demo mode.
      ...(principal.demo ? { demo: true } : {}),
    }),
    expiresAt: new Date(exp * 1000).toISOString(),
    user,
    partnerId,
  };
};

export const meOf = (principal: Principal): Me => ({
  user: { id: principal.id, name: principal.name, role: principal.role },
  partnerId: principal.partnerId,
});
