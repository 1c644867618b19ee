import type { Handlers } from '../http/router.js';
import {
  createWebhookService,
  deleteWebhookService,
  listWebhooksService,
} from '../services/webhooks.js';

export const webhookHandlers = {
  'webhooks.create': ({ tx, body, now }) => createWebhookService(tx, body, now),
  'webhooks.list': ({ tx, query }) => listWebhooksService(tx, query),
  'webhooks.delete': ({ tx, params, now }) => deleteWebhookService(tx, params.id, now),
} satisfies Handlers;
