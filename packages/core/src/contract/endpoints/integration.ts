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
import { defineEndpoint } from '../endpoint.js';
import { ANY_ROLE, IdParams, VENDOR_ADMIN } from './params.js';

export const integrationEndpoints = {
  'events.stream': defineEndpoint({
    id: 'events.stream',
    method: 'GET',
    path: '/v1/events',
    summary:
      'Server-sent events of state changes, scoped to the caller; resumable with Last-Event-ID',
    query: EventStreamQuery,
    status: 200,
    response: PrmEvent,
    responseKind: 'event-stream',
    errors: [],
    roles: ANY_ROLE,
    partnerScoped: true,
  }),
  'webhooks.create': defineEndpoint({
    id: 'webhooks.create',
    method: 'POST',
    path: '/v1/webhooks',
    summary: 'Subscribe a URL to events; the signing secret is shown once',
    body: CreateWebhookInput,
    status: 201,
    response: WebhookWithSecret,
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'webhooks.list': defineEndpoint({
    id: 'webhooks.list',
    method: 'GET',
    path: '/v1/webhooks',
    summary: 'Webhook subscriptions',
    query: WebhookListQuery,
    status: 200,
    response: ListPage(Webhook),
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'webhooks.delete': defineEndpoint({
    id: 'webhooks.delete',
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    summary: 'Stop deliveries to a webhook',
    params: IdParams,
    status: 204,
    responseKind: 'empty',
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'imports.create': defineEndpoint({
    id: 'imports.create',
    method: 'POST',
    path: '/v1/imports',
    summary: 'Import accounts, partners with skills, or metrics from CSV; dry-run validates only',
    query: ImportQuery,
    body: z.string(),
    bodyType: 'csv',
    status: 202,
    response: ImportJob,
    errors: [],
    roles: VENDOR_ADMIN,
  }),
  'imports.get': defineEndpoint({
    id: 'imports.get',
    method: 'GET',
    path: '/v1/imports/{id}',
    summary: 'Progress and row errors of an import',
    params: IdParams,
    status: 200,
    response: ImportJob,
    errors: [],
    roles: VENDOR_ADMIN,
  }),
} as const;
