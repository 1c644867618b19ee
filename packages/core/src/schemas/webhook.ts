import * as z from 'zod/mini';
import { Id, PageCursor, PageLimit, Timestamp } from './common.js';
import { EventType } from './event.js';

export const WebhookUrl = z.url({ protocol: /^https?$/ });

export const Webhook = z.object({
  id: Id,
  url: WebhookUrl,
  eventTypes: z.array(EventType),
  active: z.boolean(),
  createdAt: Timestamp,
});
export type Webhook = z.infer<typeof Webhook>;

export const CreateWebhookInput = z.object({
  url: WebhookUrl,
  eventTypes: z.array(EventType).check(z.minLength(1)),
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

/** Returned once, at creation: the signing secret is never shown again. */
export const WebhookWithSecret = z.extend(Webhook, { secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookListQuery = z.object({ cursor: PageCursor, limit: PageLimit });
