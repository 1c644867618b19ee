import * as z from 'zod/mini';
import { ListPage } from '../../schemas/common.js';
import { EventStreamQuery, PrmEvent } from '../../schemas/event.js';
import { ImportJob, ImportQuery } from '../../schemas/import.js';
import {
  CreateWebhookInput,
  Webhook,
  WebhookListQuery,
  WebhookWithSecret,
} from '../../schemas/webhook.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, IdParams, VENDOR_ADMIN } from './params.js';

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const integrationRequests = {
  'events.stream': {
    method: 'GET',
    path: '/v1/events',
    query: EventStreamQuery,
    roles: ANY_ROLE,
  },
  'webhooks.create': {
    method: 'POST',
    path: '/v1/webhooks',
    body: CreateWebhookInput,
    roles: VENDOR_ADMIN,
  },
  'webhooks.list': {
    method: 'GET',
    path: '/v1/webhooks',
    query: WebhookListQuery,
    roles: VENDOR_ADMIN,
  },
  'webhooks.delete': {
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    params: IdParams,
    roles: VENDOR_ADMIN,
  },
  'imports.create': {
    method: 'POST',
    path: '/v1/imports',
    query: ImportQuery,
    body: z.string(),
    bodyType: 'csv',
    roles: VENDOR_ADMIN,
  },
  'imports.get': {
    method: 'GET',
    path: '/v1/imports/{id}',
    params: IdParams,
    roles: VENDOR_ADMIN,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const integrationEndpoints = defineEndpoints(integrationRequests, {
  'events.stream': {
    summary:
      'Server-sent events of state changes, scoped to the caller; resumable with Last-Event-ID',
    status: 200,
    response: PrmEvent,
    responseKind: 'event-stream',
    errors: [],
    partnerScoped: true,
  },
  'webhooks.create': {
    summary: 'Subscribe a URL to events; the signing secret is shown once',
    status: 201,
    response: WebhookWithSecret,
    errors: [],
  },
  'webhooks.list': {
    summary: 'Webhook subscriptions',
    status: 200,
    response: ListPage(Webhook),
    errors: [],
  },
  'webhooks.delete': {
    summary: 'Stop deliveries to a webhook',
    status: 204,
    responseKind: 'empty',
    errors: [],
  },
  'imports.create': {
    summary: 'Import accounts, partners with skills, or metrics from CSV; dry-run validates only',
    status: 202,
    response: ImportJob,
    errors: [],
  },
  'imports.get': {
    summary: 'Progress and row errors of an import',
    status: 200,
    response: ImportJob,
    errors: [],
  },
});
