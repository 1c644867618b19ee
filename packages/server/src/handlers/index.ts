import type { Handlers } from '../http/router.js';
import { accountHandlers } from './accounts.js';
import { contractHandlers } from './contracts.js';
import { eventHandlers } from './events.js';
import { importHandlers } from './imports.js';
import { partnerHandlers } from './partners.js';
import { registrationHandlers } from './registrations.js';
import { sessionHandlers } from './sessions.js';
import { webhookHandlers } from './webhooks.js';

/** Every implemented endpoint's handler; the router answers 501 for the rest of the contract. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...contractHandlers,
  ...eventHandlers,
  ...importHandlers,
  ...partnerHandlers,
  ...registrationHandlers,
  ...sessionHandlers,
  ...webhookHandlers,
};
