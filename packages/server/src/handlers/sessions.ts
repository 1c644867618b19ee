import type { Handlers } from '../http/router.js';
import { createSessionService, meOf } from '../services/sessions.js';

export const sessionHandlers = {
  'sessions.create': ({ tx, principal, body, context, now }) =>
    createSessionService(tx, principal, body, context.authenticator.sessionSecret, now),
  'sessions.me': async ({ principal }) => meOf(principal),
} satisfies Handlers;
