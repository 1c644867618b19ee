import * as z from 'zod/mini';
import { CreateSessionInput, Me, Session } from '../../schemas/roles.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, VENDOR_ADMIN } from './params.js';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  demo: z.boolean(),
});

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const systemRequests = {
  'health.check': {
    method: 'GET',
    path: '/healthz',
    roles: 'public',
  },
  'docs.openapi': {
    method: 'GET',
    path: '/v1/openapi.json',
    roles: 'public',
  },
  'sessions.create': {
    method: 'POST',
    path: '/v1/sessions',
    body: CreateSessionInput,
    roles: VENDOR_ADMIN,
  },
  'sessions.me': {
    method: 'GET',
    path: '/v1/me',
    roles: ANY_ROLE,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const systemEndpoints = defineEndpoints(systemRequests, {
  'health.check': {
    summary: 'Liveness and readiness of the server',
    status: 200,
    response: Health,
    errors: [],
  },
  'docs.openapi': {
    summary: 'This OpenAPI 3.1 document',
    status: 200,
    response: z.record(z.string(), z.unknown()),
    errors: [],
  },
  'sessions.create': {
    summary: 'Mint a short-lived session token for a browser user (vendor backends only)',
    description:
      'Call this from your backend with a vendor key and hand the token to the page: no long-lived secret ever sits in a browser.',
    status: 201,
    response: Session,
    errors: ['not_found'],
  },
  'sessions.me': {
    summary: 'Who the token belongs to: user, role and partner',
    status: 200,
    response: Me,
    errors: [],
  },
});
