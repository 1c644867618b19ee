import * as z from 'zod/mini';
import { CreateSessionInput, Me, Session } from '../../schemas/roles.js';
import { defineEndpoint } from '../endpoint.js';
import { ANY_ROLE, VENDOR_ADMIN } from './params.js';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  demo: z.boolean(),
});

export const systemEndpoints = {
  'health.check': defineEndpoint({
    id: 'health.check',
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and readiness of the server',
    status: 200,
    response: Health,
    errors: [],
    roles: 'public',
  }),
  'docs.openapi': defineEndpoint({
    id: 'docs.openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    status: 200,
    response: z.record(z.string(), z.unknown()),
    errors: [],
    roles: 'public',
  }),
  'sessions.create': defineEndpoint({
    id: 'sessions.create',
    method: 'POST',
    path: '/v1/sessions',
    summary: 'Mint a short-lived session token for a browser user (vendor backends only)',
    description:
      'Call this from your backend with a vendor key and hand the token to the page: no long-lived secret ever sits in a browser.',
    body: CreateSessionInput,
    status: 201,
    response: Session,
    errors: ['not_found'],
    roles: VENDOR_ADMIN,
  }),
  'sessions.me': defineEndpoint({
    id: 'sessions.me',
    method: 'GET',
    path: '/v1/me',
    summary: 'Who the token belongs to: user, role and partner',
    status: 200,
    response: Me,
    errors: [],
    roles: ANY_ROLE,
  }),
} as const;
