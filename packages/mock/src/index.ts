export { MOCK_ACCOUNT_IDS } from './fixtures/accounts.js';
export { MOCK_CONTRACT_IDS } from './fixtures/contracts.js';
export { MOCK_PARTNER_IDS } from './fixtures/partners.js';
export { createRandom, type Random } from './fixtures/prng.js';
export { buildWorld, type WorldOptions } from './fixtures/world.js';
export {
  createMockApi,
  createMockHandlers,
  type MockApi,
  type MockApiOptions,
} from './http/handlers.js';
export { createMockFetch } from './http/mock-fetch.js';
export { MOCK_TOKENS } from './http/principal.js';
export { MOCK_SCENARIOS, type MockScenario } from './http/scenarios.js';
export type { MockState, StoredRegistration } from './store/state.js';
