export * from './acceptance.js';
export * from './acceptance-report.js';
export * from './gating.js';
export * from './hash.js';
export * from './pending-contracts.js';
