import type { CreateWebhookInput, Webhook, WebhookWithSecret } from '@openprm/core';
import { newId, randomToken } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { invalid, notFound } from '../http/problem.js';
import { DEFAULT_PAGE_SIZE, decodeInstantIdCursor, encodeCursor, iso } from '../queries/rows.js';
import {
  cancelPendingDeliveries,
  deleteWebhook,
  insertWebhook,
  listWebhooks,
  type WebhookRow,
} from '../queries/webhooks.js';

/** Longer URLs are refused: every delivery carries it, and real receivers need far less. */
const MAX_URL_LENGTH = 2048;

/** 32 random bytes; the prefix tells a leaked secret apart from other tokens in a scan. */
const newSigningSecret = () => `whsec_${randomToken(32)}`;

const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  active: true,
  createdAt: iso(row.created_at),
});

export const createWebhookService = async (
  tx: Queryable,
  input: CreateWebhookInput,
  now: Date,
): Promise<WebhookWithSecret> => {
  if (input.url.length > MAX_URL_LENGTH) {
    throw invalid([{ path: 'url', message: `At most ${MAX_URL_LENGTH} characters` }]);
  }
  const secret = newSigningSecret();
  const row = await insertWebhook(tx, {
    id: newId('whk'),
    url: input.url,
    // Each type once, in a stable order: the list reads the same however it was asked for.
    eventTypes: [...new Set(input.eventTypes)].sort(),
    secret,
    createdAt: now,
  });
  return { ...toWebhook(row), secret };
};

export const listWebhooksService = async (
  tx: Queryable,
  query: { cursor?: string | undefined; limit?: number | undefined },
) => {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await listWebhooks(tx, {
    after: decodeInstantIdCursor(query.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toWebhook),
    nextCursor: rows.length > limit && last ? encodeCursor([iso(last.created_at), last.id]) : null,
  };
};

/** Stops deliveries at once: the webhook leaves the list and its pending deliveries are cancelled. */
export const deleteWebhookService = async (
  tx: Queryable,
  id: string,
  now: Date,
): Promise<undefined> => {
  if (!(await deleteWebhook(tx, id, now))) throw notFound(`Webhook ${id}`);
  await cancelPendingDeliveries(tx, id);
  return undefined;
};
