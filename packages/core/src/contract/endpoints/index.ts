import { accountEndpoints } from './accounts.js';
import { contractEndpoints } from './contracts.js';
import { integrationEndpoints } from './integration.js';
import { partnerEndpoints } from './partners.js';
import { registrationEndpoints } from './registrations.js';
import { systemEndpoints } from './system.js';

/** Every endpoint of the public HTTP API, keyed by `area.verb`. */
export const endpoints = {
  ...systemEndpoints,
  ...accountEndpoints,
  ...registrationEndpoints,
  ...partnerEndpoints,
  ...contractEndpoints,
  ...integrationEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;
