import { accountEndpoints } from './endpoints/accounts.js';
import { contractEndpoints } from './endpoints/contracts.js';
import { integrationEndpoints } from './endpoints/integration.js';
import { partnerEndpoints } from './endpoints/partners.js';
import { registrationEndpoints } from './endpoints/registrations.js';
import { systemEndpoints } from './endpoints/system.js';

export * from './endpoint.js';
export { Health } from './endpoints/system.js';

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
export { buildOpenApiDocument, type OpenApiOptions } from './openapi.js';
export { ERROR_TITLES, fromRefusal, invalid, notFound, ProblemError } from './problem-error.js';
