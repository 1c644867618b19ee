import { isPartnerRole } from '@openprm/core';
import { invalid, notFound } from '../http/problem.js';
import { encodeSession } from '../http/session-token.js';
import type { MockHandlers } from './handler.js';

/** The server's default session lifetime. */
const DEFAULT_SESSION_TTL_SECONDS = 900;

export const sessionHandlers: MockHandlers = {
  'sessions.me': ({ principal }) => ({
    user: { id: principal.id, name: principal.name, role: principal.role },
    partnerId: principal.partnerId,
  }),
  /** A partner role is bound to one existing partner; a vendor role to none. */
  'sessions.create': ({ state, body, now }) => {
    const partnerId = body.partnerId ?? null;
    if (isPartnerRole(body.role)) {
      if (partnerId === null) {
        throw invalid(
          [{ path: 'partnerId', message: `Required for the role ${body.role}` }],
          'A partner session must name its partner.',
        );
      }
      if (!state.partners.has(partnerId)) throw notFound(`Partner ${partnerId}`);
    } else if (partnerId !== null) {
      throw invalid(
        [{ path: 'partnerId', message: `Not allowed for the role ${body.role}` }],
        'A vendor session belongs to no partner.',
      );
    }
    const exp = Math.floor(now.getTime() / 1000) + (body.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS);
    const user = { id: body.user.id, name: body.user.name, role: body.role };
    return {
      token: encodeSession({ sub: user.id, name: user.name, role: user.role, partnerId, exp }),
      expiresAt: new Date(exp * 1000).toISOString(),
      user,
      partnerId,
    };
  },
};
