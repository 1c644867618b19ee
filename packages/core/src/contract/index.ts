// Re-exports only: a module with statements of its own would be kept whole by bundlers whenever
// one name passes through it (see README "Bundle size").
export { type Check, type CheckIssue, type CheckRule, issuesOf } from './checks/check.js';
export { describeSchema } from './checks/describe.js';
export { describeRequest, describeRequests, type RequestCheck } from './checks/request-check.js';
export * from './endpoint.js';
export { accountRequests } from './endpoints/accounts.js';
export { contractRequests } from './endpoints/contracts.js';
export { type EndpointId, type Endpoints, endpoints } from './endpoints/index.js';
export { integrationRequests } from './endpoints/integration.js';
export { partnerRequests } from './endpoints/partners.js';
export { registrationRequests } from './endpoints/registrations.js';
export { Health, systemRequests } from './endpoints/system.js';
export { buildOpenApiDocument, type OpenApiOptions } from './openapi.js';
export { ERROR_TITLES, fromRefusal, invalid, notFound, ProblemError } from './problem-error.js';
export { type Requests, requests } from './requests.js';
