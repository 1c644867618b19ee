import { accountRequests } from './endpoints/accounts.js';
import { contractRequests } from './endpoints/contracts.js';
import { integrationRequests } from './endpoints/integration.js';
import { partnerRequests } from './endpoints/partners.js';
import { registrationRequests } from './endpoints/registrations.js';
import { systemRequests } from './endpoints/system.js';

/**
 * What a client sends to every endpoint, keyed by `area.verb` like `endpoints`: method, path,
 * the schemas of params, query and body, and who may send it. A browser client imports this
 * (or the tables of the areas it calls, e.g. `registrationRequests`) instead of `endpoints`, so
 * it does not bundle the response schemas.
 */
export const requests = {
  ...systemRequests,
  ...accountRequests,
  ...registrationRequests,
  ...partnerRequests,
  ...contractRequests,
  ...integrationRequests,
} as const;

export type Requests = typeof requests;
