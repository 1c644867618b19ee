/**
 * Preview: this package is being built on top of the core contract. Until its first release it
 * only re-exports the contract types it will be typed by; see README.md for what is coming.
 */
export type { EndpointId, Endpoints } from '@openprm/core';
export { endpoints } from '@openprm/core';
