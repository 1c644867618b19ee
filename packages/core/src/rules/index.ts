export * from './accounts/index.js';
export * from './contracts/index.js';
export * from './decision.js';
export * from './registrations/index.js';
export * from './scorecards/index.js';
export * from './skills/index.js';
export * from './time.js';
